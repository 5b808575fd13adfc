package org.leadflow.sla;

import org.leadflow.config.LeadProperties;

/** Nurture timers ({@code ${nurturePolicy.rescoreInterval()}}). Side-effect free. */
public class NurturePolicy {

  private final LeadProperties.Nurture nurture;

  public NurturePolicy(LeadProperties properties) {
    this.nurture = properties.nurture();
  }

  public String rescoreInterval() {
    return nurture.rescoreInterval().toString();
  }

  public String maximumDuration() {
    return nurture.maximumDuration().toString();
  }
}
