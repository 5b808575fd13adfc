package org.leadflow.sales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_RecordLeadAccepted: the rep accepted the lead; it is sales-accepted (SAL) and theirs. */
@Component
class RecordLeadAcceptedDelegate implements JavaDelegate {

  private final SalesService sales;

  RecordLeadAcceptedDelegate(SalesService sales) {
    this.sales = sales;
  }

  @Override
  public void execute(DelegateExecution execution) {
    sales.recordAccepted(LeadVariables.LEAD_ID.get(execution), LeadVariables.SALES_REP.get(execution),
        Actors.current(execution), LeadVariables.ACCEPT_NOTES.find(execution).orElse(null));
  }
}
