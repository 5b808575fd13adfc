package org.leadflow.lead;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead stands in the funnel (see DOMAIN.md: lifecycle and who owns each stage). */
public enum LeadStage {
  CAPTURED, INVALID, NURTURING, MQL, SQL, SAL, OPPORTUNITY, WON, LOST, RECYCLED, DISQUALIFIED, DORMANT;

  private static final Set<LeadStage> CLOSED = EnumSet.of(INVALID, WON, LOST, DISQUALIFIED, DORMANT);

  /** Open leads still travel the funnel; a new submission for the same contact attaches to them. */
  public boolean isOpen() {
    return !CLOSED.contains(this);
  }

  public static Set<LeadStage> closed() {
    return EnumSet.copyOf(CLOSED);
  }
}
