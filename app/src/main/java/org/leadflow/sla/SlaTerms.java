package org.leadflow.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleEvaluationException;
import org.leadflow.rules.RuleMatch;

/**
 * The SLA durations one row of {@code sla-policy} gives a lead, and which row that was
 * ({@code ruleRef} such as {@code sla-policy:v2/Rule_HandRaiser}, {@code ruleNote} its description).
 */
public record SlaTerms(String ruleRef, String ruleNote, Duration sdrAttemptWithin, Duration acceptReminderAfter,
    Duration acceptEscalationAfter, Duration acceptWithin, Duration firstContactWithin, Duration followUpEvery) {

  /** The outputs the application reads; a changed table must keep them (see {@code SlaPolicyContract}). */
  public static final List<String> OUTPUTS = List.of("sdrAttemptWithin", "acceptReminderAfter",
      "acceptEscalationAfter", "acceptWithin", "firstContactWithin", "followUpEvery");

  /** The terms of the first matching row. */
  static SlaTerms of(RuleDecision decision) {
    RuleMatch match = decision.single();
    return new SlaTerms(decision.ref(match), match.annotation(),
        duration(decision, match, "sdrAttemptWithin"), duration(decision, match, "acceptReminderAfter"),
        duration(decision, match, "acceptEscalationAfter"), duration(decision, match, "acceptWithin"),
        duration(decision, match, "firstContactWithin"), duration(decision, match, "followUpEvery"));
  }

  /** Every duration divided by {@code speedUp} (at least one second), for the fast-sla demo profile. */
  SlaTerms speededUp(int speedUp) {
    if (speedUp == 1) {
      return this;
    }
    return new SlaTerms(ruleRef, ruleNote, faster(sdrAttemptWithin, speedUp), faster(acceptReminderAfter, speedUp),
        faster(acceptEscalationAfter, speedUp), faster(acceptWithin, speedUp), faster(firstContactWithin, speedUp),
        faster(followUpEvery, speedUp));
  }

  /**
   * Reads one output as an ISO-8601 duration.
   *
   * @throws RuleEvaluationException naming the rule if it is missing or not a duration
   */
  static Duration duration(RuleDecision decision, RuleMatch match, String output) {
    String value = match.string(output);
    if (value == null || value.isBlank()) {
      throw new RuleEvaluationException(decision.decisionKey(), decision.ref(match) + " has no " + output);
    }
    try {
      Duration duration = Duration.parse(value.strip());
      if (duration.isNegative() || duration.isZero()) {
        throw new RuleEvaluationException(decision.decisionKey(),
            decision.ref(match) + " gives " + output + " '" + value + "': a duration must be positive");
      }
      return duration;
    } catch (DateTimeParseException notADuration) {
      throw new RuleEvaluationException(decision.decisionKey(), decision.ref(match) + " gives " + output + " '"
          + value + "', which is not an ISO-8601 duration such as PT4H or P2D", notADuration);
    }
  }

  private static Duration faster(Duration duration, int speedUp) {
    Duration faster = duration.dividedBy(speedUp).withNanos(0);
    return faster.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : faster;
  }
}
