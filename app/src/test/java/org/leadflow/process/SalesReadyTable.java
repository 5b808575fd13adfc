package org.leadflow.process;

import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.RepositoryService;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleMatch;
import org.leadflow.scoring.LeadScoringService;

/**
 * The deployed lead-sales-ready table for process tests whose stubbed scoring must agree with the
 * real threshold (deploy {@link #RESOURCE} with the model).
 */
final class SalesReadyTable {

  static final String RESOURCE = "processes/lead-sales-ready.dmn";

  private final RuleBook rules;

  SalesReadyTable(RepositoryService repository) {
    this.rules = new RuleBook(repository, Clock.systemUTC(), Duration.ZERO);
  }

  /** The threshold the table reports for a lead that raised no hand. */
  int threshold() {
    return decide(0).integer("threshold");
  }

  /** Whether a lead with this score (and no raised hand) is sales-ready. */
  boolean salesReady(int score) {
    return Boolean.TRUE.equals(decide(score).bool("salesReady"));
  }

  private RuleMatch decide(int score) {
    return rules.evaluate(LeadScoringService.SALES_READY_TABLE, LeadScoringService.salesReadyInputs(score, 0, false))
        .single();
  }
}
