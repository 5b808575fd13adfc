package org.leadflow.sla;

import org.leadflow.config.LeadProperties;

/** Sales hand-off cadence ({@code ${salesPolicy.capacityRetryInterval()}}). Side-effect free. */
public class SalesPolicy {

  private final LeadProperties.Sales sales;

  public SalesPolicy(LeadProperties properties) {
    this.sales = properties.sales();
  }

  /** ISO-8601 duration a sales-ready lead waits before routing tries again when its whole team is busy. */
  public String capacityRetryInterval() {
    return sales.capacityRetryInterval().toString();
  }
}
