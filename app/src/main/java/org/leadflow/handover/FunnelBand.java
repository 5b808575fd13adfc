package org.leadflow.handover;

import org.leadflow.lead.LeadStage;

/**
 * The order in which a departing rep's leads are handed over (DOMAIN.md "When a rep leaves"): bottom of
 * the funnel first (visit with the predecessor), then middle (phone introduction), then top and every
 * lead not yet in a deal (the successor calls).
 */
public enum FunnelBand {
  BOTTOM, MIDDLE, TOP;

  static FunnelBand of(LeadStage stage, String funnelPosition) {
    if (stage == LeadStage.OPPORTUNITY && funnelPosition != null) {
      return switch (funnelPosition) {
        case "BOTTOM" -> BOTTOM;
        case "MIDDLE" -> MIDDLE;
        default -> TOP;
      };
    }
    return TOP;
  }
}
