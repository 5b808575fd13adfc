package org.leadflow.sales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_OpenOpportunity: the lead becomes an opportunity at the position and value given on first contact. */
@Component
class OpenOpportunityDelegate implements JavaDelegate {

  private final SalesService sales;

  OpenOpportunityDelegate(SalesService sales) {
    this.sales = sales;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SalesService.OpenedOpportunity opened = sales.openOpportunity(LeadVariables.LEAD_ID.get(execution),
        LeadVariables.SALES_REP.get(execution), Actors.current(execution));
    LeadVariables.FUNNEL_POSITION.set(execution, opened.funnelPosition());
    LeadVariables.DEAL_VALUE.set(execution, Money.toNumber(opened.dealValue())); // the update form starts filled
  }
}
