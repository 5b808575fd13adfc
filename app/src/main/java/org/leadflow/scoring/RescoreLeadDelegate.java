package org.leadflow.scoring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadNurture;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_RescoreLead: applies the engagement that woke the nurture track (if any) and re-checks the threshold. */
@Component
class RescoreLeadDelegate implements JavaDelegate {

  private final LeadScoringService scoring;

  RescoreLeadDelegate(LeadScoringService scoring) {
    this.scoring = scoring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String leadId = LeadVariables.LEAD_ID.get(execution);
    String actor = Actors.current(execution);
    ScoreResult result = LeadVariables.ENGAGEMENT_TYPE.find(execution)
        .map(type -> scoring.applyEngagement(leadId, type, actor))
        .orElseGet(() -> scoring.rescore(leadId, actor));
    execution.removeVariable(LeadVariables.ENGAGEMENT_TYPE.name());
    LeadVariables.LEAD_SCORE.set(execution, result.total());
    LeadVariables.SALES_READY.set(execution, result.salesReady());
    if (result.salesReady()) {
      LeadVariables.NURTURE_OUTCOME.set(execution, LeadNurture.OUTCOME_MQL);
    }
  }
}
