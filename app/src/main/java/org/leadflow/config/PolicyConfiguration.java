package org.leadflow.config;

import org.leadflow.sla.NurturePolicy;
import org.leadflow.sla.OpportunityPolicy;
import org.leadflow.sla.RecyclePolicy;
import org.leadflow.sla.SdrPolicy;
import org.leadflow.sla.SlaPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy beans BPMN expressions call by name ({@code slaPolicy}, {@code recyclePolicy}, ...). */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

  @Bean
  SlaPolicy slaPolicy(LeadProperties properties) {
    return new SlaPolicy(properties);
  }

  @Bean
  NurturePolicy nurturePolicy(LeadProperties properties) {
    return new NurturePolicy(properties);
  }

  @Bean
  SdrPolicy sdrPolicy(LeadProperties properties) {
    return new SdrPolicy(properties);
  }

  @Bean
  RecyclePolicy recyclePolicy(LeadProperties properties) {
    return new RecyclePolicy(properties);
  }

  @Bean
  OpportunityPolicy opportunityPolicy(LeadProperties properties) {
    return new OpportunityPolicy(properties);
  }
}
