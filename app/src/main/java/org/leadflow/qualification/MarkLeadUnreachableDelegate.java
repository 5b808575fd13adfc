package org.leadflow.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.lead.InvalidReason;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_MarkLeadUnreachable: after the last unanswered attempt the lead is invalid as unreachable. */
@Component
class MarkLeadUnreachableDelegate implements JavaDelegate {

  private final QualificationService qualification;

  MarkLeadUnreachableDelegate(QualificationService qualification) {
    this.qualification = qualification;
  }

  @Override
  public void execute(DelegateExecution execution) {
    qualification.markUnreachable(LeadVariables.LEAD_ID.get(execution),
        LeadVariables.CALL_ATTEMPTS.getOrDefault(execution, 0), Actors.current(execution));
    LeadVariables.QUALIFICATION.set(execution, QualificationService.INVALID);
    LeadVariables.INVALID_REASON.set(execution, InvalidReason.UNREACHABLE.name());
  }
}
