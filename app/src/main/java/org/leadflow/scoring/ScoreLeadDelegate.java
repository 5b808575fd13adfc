package org.leadflow.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_ScoreLead: first score of a valid lead; sales-ready leads become MQL. */
@Component
class ScoreLeadDelegate implements JavaDelegate {

  private final LeadScoringService scoring;

  ScoreLeadDelegate(LeadScoringService scoring) {
    this.scoring = scoring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ScoreResult result = scoring.scoreNewLead(LeadVariables.LEAD_ID.get(execution), Actors.current(execution));
    LeadVariables.LEAD_SCORE.set(execution, result.total());
    LeadVariables.SALES_READY.set(execution, result.salesReady());
  }
}
