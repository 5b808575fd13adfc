package org.leadflow.stuck;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleEvaluationException;
import org.leadflow.rules.RuleMatch;

/**
 * What one row of {@code stuck-lead} allows a lead where it stands: the maximum dwell time, the likely
 * cause when it is exceeded, and the row ({@code stuck-lead:v1/Rule_OpportunityMiddle}).
 */
public record StuckLimit(Duration maxDwell, String likelyCause, String ruleRef) {

  static final String MAX_DWELL = "maxDwell";
  static final String LIKELY_CAUSE = "likelyCause";

  /**
   * The limit of the first matching row.
   *
   * @throws RuleEvaluationException naming the row if no row matched, maxDwell is not a positive
   *     ISO-8601 duration or likelyCause is blank
   */
  static StuckLimit of(RuleDecision decision) {
    RuleMatch match = decision.single();
    String dwell = match.string(MAX_DWELL);
    String cause = match.string(LIKELY_CAUSE);
    if (cause == null || cause.isBlank()) {
      throw new RuleEvaluationException(decision.decisionKey(), decision.ref(match) + " has no " + LIKELY_CAUSE);
    }
    Duration maxDwell;
    try {
      maxDwell = dwell == null ? null : Duration.parse(dwell.strip());
    } catch (DateTimeParseException notADuration) {
      throw new RuleEvaluationException(decision.decisionKey(), decision.ref(match) + " gives " + MAX_DWELL + " '"
          + dwell + "', which is not an ISO-8601 duration such as P14D", notADuration);
    }
    if (maxDwell == null || maxDwell.isNegative() || maxDwell.isZero()) {
      throw new RuleEvaluationException(decision.decisionKey(),
          decision.ref(match) + " must give a positive " + MAX_DWELL + ", gives " + dwell);
    }
    return new StuckLimit(maxDwell, cause.strip(), decision.ref(match));
  }

  /** The dwell divided by {@code speedUp} (at least a second): days pass as minutes with 1440. */
  StuckLimit dividedBy(int speedUp) {
    if (speedUp == 1) {
      return this;
    }
    Duration shorter = maxDwell.dividedBy(speedUp).withNanos(0);
    return new StuckLimit(shorter.isZero() ? Duration.ofSeconds(1) : shorter, likelyCause, ruleRef);
  }
}
