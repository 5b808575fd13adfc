package org.leadflow.stuck;

import java.util.List;
import java.util.Optional;
import org.leadflow.rules.RuleContract;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleEvaluationException;
import org.springframework.stereotype.Component;

/**
 * What the stuck-lead scan needs from {@code stuck-lead}: every stage and position matches a row (a
 * catch-all), which gives a positive ISO-8601 {@code maxDwell} and a {@code likelyCause}.
 */
@Component
class StuckLeadContract implements RuleContract {

  @Override
  public String decisionKey() {
    return StuckLeadRule.DECISION;
  }

  @Override
  public List<String> requiredOutputs() {
    return List.of(StuckLimit.MAX_DWELL, StuckLimit.LIKELY_CAUSE);
  }

  @Override
  public Optional<String> check(RuleDecision decision) {
    try {
      StuckLimit.of(decision);
      return Optional.empty();
    } catch (RuleEvaluationException unusable) {
      return Optional.of(unusable.getMessage());
    }
  }
}
