package org.leadflow.sla;

import org.leadflow.config.LeadProperties;

/**
 * SLA durations for timers and task due dates, as ISO-8601 strings ({@code ${slaPolicy.firstContact()}}).
 * Side-effect free: called from BPMN expressions.
 */
public class SlaPolicy {

  private final LeadProperties.Sla sla;

  public SlaPolicy(LeadProperties properties) {
    this.sla = properties.sla();
  }

  public String sdrCallAttempt() {
    return sla.sdrCallAttempt().toString();
  }

  public String acceptReminder() {
    return sla.acceptReminder().toString();
  }

  public String acceptEscalation() {
    return sla.acceptEscalation().toString();
  }

  public String acceptDeadline() {
    return sla.acceptDeadline().toString();
  }

  public String managerReview() {
    return sla.managerReview().toString();
  }

  public String firstContact() {
    return sla.firstContact().toString();
  }

  public String winLossReview() {
    return sla.winLossReview().toString();
  }
}
