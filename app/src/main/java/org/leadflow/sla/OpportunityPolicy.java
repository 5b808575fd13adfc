package org.leadflow.sla;

import java.time.Duration;
import org.leadflow.config.LeadProperties;

/** Dwell limits per funnel position ({@code ${opportunityPolicy.dwellLimit(funnelPosition)}}). */
public class OpportunityPolicy {

  private final LeadProperties.OpportunityDwell dwell;

  public OpportunityPolicy(LeadProperties properties) {
    this.dwell = properties.opportunity();
  }

  public String dwellLimit(String funnelPosition) {
    Duration limit = switch (funnelPosition == null ? "TOP" : funnelPosition) {
      case "MIDDLE" -> dwell.middle();
      case "BOTTOM" -> dwell.bottom();
      default -> dwell.top();
    };
    return limit.toString();
  }
}
