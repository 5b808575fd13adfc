package org.leadflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_CheckLeadValidity: automatic validity checks; an invalid lead ends with its reason. */
@Component
class CheckLeadValidityDelegate implements JavaDelegate {

  private final LeadValidityService validity;

  CheckLeadValidityDelegate(LeadValidityService validity) {
    this.validity = validity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LeadValidityService.Verdict verdict =
        validity.checkAndRecord(LeadVariables.LEAD_ID.get(execution), Actors.current(execution));
    LeadVariables.LEAD_VALID.set(execution, verdict.valid());
    if (!verdict.valid()) {
      LeadVariables.INVALID_REASON.set(execution, verdict.reason().name());
    }
  }
}
