package org.leadflow.routing;

/**
 * Nobody may take the lead: the eligible team is missing or has no reps (a configuration problem), or every
 * rep of it is departed, absent, at capacity or the rep it is taken from (a staffing gap, {@link #staffing()}).
 * The SDR side leaves such a lead unassigned in the SDR queue; the sales hand-off waits and asks routing again
 * on a staffing gap (sales-follow-up, Event_SalesRepCapacityRetryDue) and fails the job on a configuration
 * problem, so that it shows as an incident in Cockpit.
 */
public class NoEligibleRepException extends IllegalStateException {

  private final boolean staffing;

  public NoEligibleRepException(String message) {
    this(message, false);
  }

  private NoEligibleRepException(String message, boolean staffing) {
    super(message);
    this.staffing = staffing;
  }

  /** Every rep of the team is departed, absent or at capacity: the lead can wait until one is free. */
  public static NoEligibleRepException staffingGap(String message) {
    return new NoEligibleRepException(message, true);
  }

  public boolean staffing() {
    return staffing;
  }
}
