package org.leadflow.sales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_RecordOpportunityUpdate: position, value and, at the end, won or lost with the reason. */
@Component
class RecordOpportunityUpdateDelegate implements JavaDelegate {

  private final SalesService sales;

  RecordOpportunityUpdateDelegate(SalesService sales) {
    this.sales = sales;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SalesService.OpportunityUpdate update = new SalesService.OpportunityUpdate(
        LeadVariables.FUNNEL_POSITION.find(execution).orElse(null),
        Money.of(LeadVariables.DEAL_VALUE.find(execution).orElse(null)),
        LeadVariables.OPPORTUNITY_OUTCOME.find(execution).orElse("OPEN"),
        LeadVariables.CLOSE_REASON.find(execution).orElse(null),
        LeadVariables.NEW_CUSTOMER.find(execution).orElse(null),
        LeadVariables.OPPORTUNITY_NOTES.find(execution).orElse(null));
    sales.recordOpportunityUpdate(LeadVariables.LEAD_ID.get(execution), update, Actors.current(execution));
  }
}
