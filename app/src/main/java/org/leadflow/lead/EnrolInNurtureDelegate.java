package org.leadflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadNurture;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_EnrolInNurture: the lead is marketing's again, in the nurture track. */
@Component
class EnrolInNurtureDelegate implements JavaDelegate {

  private final LeadService leads;

  EnrolInNurtureDelegate(LeadService leads) {
    this.leads = leads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Lead lead = leads.get(LeadVariables.LEAD_ID.get(execution));
    String reason = lead.stage() == LeadStage.RECYCLED
        ? "re-enters nurture after recycle #" + lead.recycleCount()
        : "score " + lead.score() + " below the sales-ready threshold";
    leads.moveToStage(lead.id(), LeadStage.NURTURING, null, Actors.current(execution), reason);
    LeadVariables.NURTURE_OUTCOME.set(execution, LeadNurture.OUTCOME_NURTURING);
  }
}
