package org.leadflow.sales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.leadflow.routing.Assignment;
import org.leadflow.routing.RoutingService;
import org.springframework.stereotype.Component;

/**
 * Task_AssignSalesRep and Task_ReassignForFirstContact: first assignment of a sales-ready lead, or
 * reassignment when an SLA's reassignment tier fell due or the manager asked for it (the current rep is
 * skipped).
 */
@Component
class AssignSalesRepDelegate implements JavaDelegate {

  static final String REASSIGN_NOW = "REASSIGN_NOW";

  private final RoutingService routing;

  AssignSalesRepDelegate(RoutingService routing) {
    this.routing = routing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String previous = LeadVariables.SALES_REP.find(execution).orElse(null);
    String cause = previous == null ? "sales-ready"
        : REASSIGN_NOW.equals(LeadVariables.MANAGER_DECISION.find(execution).orElse(null))
            ? "manager reassigned" : "SLA reassignment tier";
    Assignment assignment = routing.assignSalesRep(LeadVariables.LEAD_ID.get(execution), previous, cause,
        Actors.current(execution));
    execution.removeVariable(LeadVariables.MANAGER_DECISION.name());
    LeadVariables.SALES_REP.set(execution, assignment.assignee());
    LeadVariables.SALES_MANAGER.set(execution, assignment.manager());
  }
}
