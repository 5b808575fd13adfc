package org.leadflow.sla;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleEvaluationException;
import org.leadflow.rules.RuleMatch;

/**
 * What one row of {@code sla-policy} gives one SLA of a lead: the business time after the SLA's start
 * at which each tier falls due, and which row that was ({@code ruleRef} such as
 * {@code sla-policy:v2/Rule_AcceptHandRaiser}, {@code ruleNote} its description).
 */
public record SlaTerms(String ruleRef, String ruleNote, Duration remindAfter, Duration dueAfter,
    Duration escalateAfter, Duration reassignAfter, Duration recycleAfter) {

  /** The outputs the application reads; a changed table must keep them (see {@code SlaPolicyContract}). */
  public static final List<String> OUTPUTS = List.of("remindAfter", "dueAfter", "escalateAfter", "reassignAfter",
      "recycleAfter");

  /**
   * The terms of the first matching row.
   *
   * @throws RuleEvaluationException naming the rule if an output is missing, not a positive duration, or
   *     the tiers are out of order (remind before due, due no later than escalate, escalate before
   *     reassign, reassign before recycle)
   */
  static SlaTerms of(RuleDecision decision) {
    RuleMatch match = decision.single();
    SlaTerms terms = new SlaTerms(decision.ref(match), match.annotation(),
        duration(decision, match, "remindAfter"), duration(decision, match, "dueAfter"),
        duration(decision, match, "escalateAfter"), duration(decision, match, "reassignAfter"),
        duration(decision, match, "recycleAfter"));
    String order = terms.orderProblem();
    if (order != null) {
      throw new RuleEvaluationException(decision.decisionKey(), decision.ref(match) + ": " + order);
    }
    return terms;
  }

  /** Every duration divided by {@code speedUp} (at least one second), for the fast-sla demo profile. */
  SlaTerms speededUp(int speedUp) {
    if (speedUp == 1) {
      return this;
    }
    return new SlaTerms(ruleRef, ruleNote, faster(remindAfter, speedUp), faster(dueAfter, speedUp),
        faster(escalateAfter, speedUp), faster(reassignAfter, speedUp), faster(recycleAfter, speedUp));
  }

  /** The duration of one tier. */
  public Duration after(SlaTier tier) {
    return switch (tier) {
      case REMINDER -> remindAfter;
      case BREACH -> dueAfter;
      case ESCALATION -> escalateAfter;
      case REASSIGNMENT -> reassignAfter;
      case RECYCLE -> recycleAfter;
    };
  }

  private String orderProblem() {
    if (remindAfter.compareTo(dueAfter) >= 0) {
      return "remindAfter " + remindAfter + " must be shorter than dueAfter " + dueAfter
          + " (the owner is reminded before the SLA is breached)";
    }
    if (escalateAfter.compareTo(dueAfter) < 0) {
      return "escalateAfter " + escalateAfter + " must not be shorter than dueAfter " + dueAfter
          + " (the manager hears of a breached SLA)";
    }
    if (reassignAfter.compareTo(escalateAfter) <= 0) {
      return "reassignAfter " + reassignAfter + " must be longer than escalateAfter " + escalateAfter
          + " (the manager gets the chance to act first)";
    }
    if (recycleAfter.compareTo(reassignAfter) <= 0) {
      return "recycleAfter " + recycleAfter + " must be longer than reassignAfter " + reassignAfter
          + " (another rep gets the chance first)";
    }
    return null;
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
          + value + "', which is not an ISO-8601 duration such as PT4H or PT30M", notADuration);
    }
  }

  private static Duration faster(Duration duration, int speedUp) {
    Duration faster = duration.dividedBy(speedUp).withNanos(0);
    return faster.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : faster;
  }
}
