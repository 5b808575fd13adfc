package org.leadflow.config;

import java.time.Clock;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.rules.RuleBook;
import org.leadflow.sla.NurturePolicy;
import org.leadflow.sla.OpportunityPolicy;
import org.leadflow.sla.RecyclePolicy;
import org.leadflow.sla.SalesPolicy;
import org.leadflow.sla.SdrPolicy;
import org.leadflow.sla.SlaFacts;
import org.leadflow.sla.SlaPolicy;
import org.leadflow.sla.SlaService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The policy beans BPMN expressions call by name ({@code slaPolicy}, {@code recyclePolicy}, ...). */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

  /**
   * SLA schedules per lead: the table decides on the lead's facts, the owner's team calendar counts (a lead
   * without an owner, or an owner without a rep profile, counts in the default calendar).
   */
  @Bean
  SlaPolicy slaPolicy(RuleBook rules, LeadService leads, PeopleMapper people, SlaService slas,
      BusinessTime businessTime, Clock clock, LeadProperties properties, SlaPolicyProperties policy) {
    SlaPolicy.Leads subjects = leadId -> {
      Lead lead = leads.get(leadId);
      String team = lead.ownerId() == null ? null
          : people.findRep(lead.ownerId()).map(Rep::teamId).orElse(null);
      return new SlaPolicy.Subject(SlaFacts.of(lead), lead.ownerId(), team);
    };
    return new SlaPolicy(rules, subjects, slas::carriedOverRecycleAt, businessTime, clock, properties, policy);
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
  SalesPolicy salesPolicy(LeadProperties properties) {
    return new SalesPolicy(properties);
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
