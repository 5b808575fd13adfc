package org.leadflow.qualification;

/**
 * What the SDR recorded for one call attempt (the sdr-qualify-lead form). {@code invalidReason} is one of
 * {@link org.leadflow.lead.InvalidReason#sdrVerdicts()}, the same taxonomy as the automatic checks.
 */
public record CallVerdict(
    String callOutcome,
    String qualification,
    Boolean realNeed,
    String authority,
    String timing,
    String objection,
    String invalidReason,
    String disqualifyReason,
    String recycleReason,
    String notes) {

  public static final String REACHED = "REACHED";

  public boolean reached() {
    return REACHED.equals(callOutcome);
  }
}
