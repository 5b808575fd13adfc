package org.leadflow.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_RecordCallOutcome: counts the attempt and applies the SDR's verdict to the lead. */
@Component
class RecordCallOutcomeDelegate implements JavaDelegate {

  private final QualificationService qualification;

  RecordCallOutcomeDelegate(QualificationService qualification) {
    this.qualification = qualification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int attempt = LeadVariables.CALL_ATTEMPTS.getOrDefault(execution, 0) + 1;
    CallVerdict call = new CallVerdict(
        LeadVariables.CALL_OUTCOME.find(execution).orElse(null),
        LeadVariables.QUALIFICATION.find(execution).orElse(null),
        LeadVariables.REAL_NEED.find(execution).orElse(null),
        LeadVariables.AUTHORITY.find(execution).orElse(null),
        LeadVariables.TIMING.find(execution).orElse(null),
        LeadVariables.OBJECTION.find(execution).orElse(null),
        LeadVariables.INVALID_REASON.find(execution).orElse(null),
        LeadVariables.DISQUALIFY_REASON.find(execution).orElse(null),
        LeadVariables.RECYCLE_REASON.find(execution).orElse(null),
        LeadVariables.CALL_NOTES.find(execution).orElse(null));
    qualification.recordCall(LeadVariables.LEAD_ID.get(execution), attempt, call, Actors.current(execution));
    LeadVariables.CALL_ATTEMPTS.set(execution, attempt);
  }
}
