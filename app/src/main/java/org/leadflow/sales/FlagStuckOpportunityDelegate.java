package org.leadflow.sales;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.LeadVariables;
import org.leadflow.sla.OpportunityPolicy;
import org.springframework.stereotype.Component;

/** Task_FlagStuckOpportunity: the deal sat in its funnel position longer than the dwell limit. */
@Component
class FlagStuckOpportunityDelegate implements JavaDelegate {

  private final SalesService sales;
  private final OpportunityPolicy policy;

  FlagStuckOpportunityDelegate(SalesService sales, OpportunityPolicy policy) {
    this.sales = sales;
    this.policy = policy;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String position = LeadVariables.FUNNEL_POSITION.getOrDefault(execution, SalesService.DEFAULT_POSITION);
    sales.flagStuck(LeadVariables.LEAD_ID.get(execution), position, Duration.parse(policy.dwellLimit(position)));
  }
}
