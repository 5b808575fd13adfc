package org.leadflow.config;

import org.leadflow.lead.LeadService;
import org.leadflow.rules.RuleBook;
import org.leadflow.sla.NurturePolicy;
import org.leadflow.sla.OpportunityPolicy;
import org.leadflow.sla.RecyclePolicy;
import org.leadflow.sla.SdrPolicy;
import org.leadflow.sla.SlaFacts;
import org.leadflow.sla.SlaPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy beans BPMN expressions call by name ({@code slaPolicy}, {@code recyclePolicy}, ...). */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

  @Bean
  SlaPolicy slaPolicy(RuleBook rules, LeadService leads, SlaPolicy.DecisionLog decisions, LeadProperties properties,
      SlaPolicyProperties policy) {
    return new SlaPolicy(rules, leadId -> SlaFacts.of(leads.get(leadId)), decisions, properties, policy);
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
