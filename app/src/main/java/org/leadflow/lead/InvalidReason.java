package org.leadflow.lead;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a lead is invalid: one taxonomy for the automatic checks (decided by the {@code lead-validity}
 * decision table, whose {@code reasonCode} outputs are these names) and for the SDR's verdict on the
 * call (the {@code invalidReason} choices of the sdr-qualify-lead form).
 */
public enum InvalidReason {
  /** Neither email nor phone. */
  MISSING_CONTACT(Decider.AUTOMATIC),
  /** An email that cannot be delivered as written (no domain, no dot, spaces ...). */
  MALFORMED_CONTACT(Decider.AUTOMATIC),
  /** A throw-away mailbox (mailinator.com ...). */
  DISPOSABLE_EMAIL(Decider.AUTOMATIC),
  /** A shared mailbox (info@, sales@ ...) and no phone to reach a person. */
  ROLE_EMAIL(Decider.AUTOMATIC),
  /** A phone number that is not a real number for its country. */
  INVALID_PHONE(Decider.AUTOMATIC),
  DUPLICATE(Decider.BOTH),
  SPAM(Decider.BOTH),
  TEST(Decider.BOTH),
  NO_CONSENT(Decider.AUTOMATIC),
  /** No answer after the last call attempt (set by sdr-qualification, not picked in the form). */
  UNREACHABLE(Decider.PROCESS),
  /** Reached, but there is no real need (budget is not a criterion). */
  NO_NEED(Decider.SDR),
  /** Reached someone who is not the person who asked. */
  WRONG_CONTACT(Decider.SDR);

  /** Who may give this reason. */
  public enum Decider { AUTOMATIC, SDR, BOTH, PROCESS }

  private final Decider decider;

  InvalidReason(Decider decider) {
    this.decider = decider;
  }

  public Decider decider() {
    return decider;
  }

  /** The reasons an SDR may pick for a reached contact (the form's choices). */
  public static Set<InvalidReason> sdrVerdicts() {
    return Arrays.stream(values()).filter(reason -> reason.decider == Decider.SDR || reason.decider == Decider.BOTH)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(InvalidReason.class)));
  }

  /** The reasons the validity table may give. */
  public static Set<InvalidReason> automatic() {
    return Arrays.stream(values())
        .filter(reason -> reason.decider == Decider.AUTOMATIC || reason.decider == Decider.BOTH)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(InvalidReason.class)));
  }
}
