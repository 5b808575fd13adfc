package org.leadflow.sla;

import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Records which sla-policy rule decided a lead's durations: one row per lead and rule reference
 * ({@code sla-policy:v3/Rule_HandRaiser}); a lead whose score, or whose table, changed gets another row.
 * Runs in the transaction that creates the timer, so a rolled-back timer leaves no record.
 */
@Component
class SlaDecisionLog implements SlaPolicy.DecisionLog {

  private final SlaDecisionMapper decisions;
  private final Clock clock;

  SlaDecisionLog(SlaDecisionMapper decisions, Clock clock) {
    this.decisions = decisions;
    this.clock = clock;
  }

  @Override
  public void record(String leadId, SlaFacts facts, SlaTerms terms) {
    if (decisions.count(leadId, terms.ruleRef()) == 0) {
      decisions.insert(SlaDecisionMapper.Row.of(leadId, facts, terms, clock.instant()));
    }
  }
}
