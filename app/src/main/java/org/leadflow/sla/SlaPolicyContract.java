package org.leadflow.sla;

import java.util.List;
import java.util.Optional;
import org.leadflow.rules.RuleContract;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleEvaluationException;
import org.springframework.stereotype.Component;

/**
 * What {@link SlaPolicy} needs from {@code sla-policy}: every lead matches a row (a catch-all), and the
 * row gives all six outputs as positive ISO-8601 durations.
 */
@Component
class SlaPolicyContract implements RuleContract {

  @Override
  public String decisionKey() {
    return SlaPolicy.DECISION;
  }

  @Override
  public List<String> requiredOutputs() {
    return SlaTerms.OUTPUTS;
  }

  @Override
  public Optional<String> check(RuleDecision decision) {
    try {
      SlaTerms.of(decision);
      return Optional.empty();
    } catch (RuleEvaluationException unusable) {
      return Optional.of(unusable.getMessage());
    }
  }
}
