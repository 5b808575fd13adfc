package org.leadflow.sales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_RecordFirstContact: speed to lead and the rep's verdict after the first conversation. */
@Component
class RecordFirstContactDelegate implements JavaDelegate {

  private final SalesService sales;

  RecordFirstContactDelegate(SalesService sales) {
    this.sales = sales;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SalesService.FirstContact contact = new SalesService.FirstContact(
        LeadVariables.SALES_OUTCOME.find(execution).orElse(null),
        LeadVariables.FUNNEL_POSITION.find(execution).orElse(null),
        Money.of(LeadVariables.DEAL_VALUE.find(execution).orElse(null)),
        LeadVariables.OBJECTION.find(execution).orElse(null),
        LeadVariables.DISQUALIFY_REASON.find(execution).orElse(null),
        LeadVariables.CONTACT_NOTES.find(execution).orElse(null));
    sales.recordFirstContact(LeadVariables.LEAD_ID.get(execution), contact, Actors.current(execution));
  }
}
