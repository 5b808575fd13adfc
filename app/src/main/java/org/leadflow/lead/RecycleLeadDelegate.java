package org.leadflow.lead;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_RecycleLead: back to marketing with the SDR's or rep's reason; counts the recycle. */
@Component
class RecycleLeadDelegate implements JavaDelegate {

  private final LeadService leads;

  RecycleLeadDelegate(LeadService leads) {
    this.leads = leads;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reason = LeadVariables.RECYCLE_REASON.getOrDefault(execution, "UNSPECIFIED");
    int count = leads.recycle(LeadVariables.LEAD_ID.get(execution), reason, Actors.current(execution));
    LeadVariables.RECYCLE_COUNT.set(execution, count);
  }
}
