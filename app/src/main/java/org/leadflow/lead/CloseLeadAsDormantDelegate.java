package org.leadflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_CloseLeadAsDormant (lifecycle and nurture): closes the lead; input parameter dormantReason says why. */
@Component
class CloseLeadAsDormantDelegate implements JavaDelegate {

  private final LeadService leads;

  CloseLeadAsDormantDelegate(LeadService leads) {
    this.leads = leads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    leads.moveToStage(LeadVariables.LEAD_ID.get(execution), LeadStage.DORMANT, null, Actors.current(execution),
        LeadVariables.DORMANT_REASON.get(execution));
  }
}
