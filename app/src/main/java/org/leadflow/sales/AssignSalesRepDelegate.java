package org.leadflow.sales;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.routing.Assignment;
import org.leadflow.routing.NoEligibleRepException;
import org.leadflow.routing.RoutingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_AssignSalesRep and Task_ReassignForFirstContact: first assignment of a sales-ready lead, or
 * reassignment when an SLA's reassignment tier fell due or the manager asked for it (the current rep is
 * skipped; when nobody else is free the current rep keeps the lead).
 *
 * <p>When every rep of the eligible team is absent or at capacity on the first assignment, the lead waits for
 * a free rep: BPMN error {@code Err_NoSalesRepFree}, caught on Task_AssignSalesRep, then a timer
 * ({@code salesPolicy.capacityRetryInterval()}) and routing again. A staffing gap is business, not a failure:
 * it must not become an incident. A configuration problem (no such team, a team without reps) still fails the
 * job and shows as an incident.
 */
@Component
class AssignSalesRepDelegate implements JavaDelegate {

  static final String REASSIGN_NOW = "REASSIGN_NOW";

  private static final Logger log = LoggerFactory.getLogger(AssignSalesRepDelegate.class);

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
    String leadId = LeadVariables.LEAD_ID.get(execution);
    Assignment assignment;
    try {
      assignment = routing.assignSalesRep(leadId, previous, cause, Actors.current(execution));
    } catch (NoEligibleRepException nobody) {
      if (!nobody.staffing() || previous != null) {
        throw nobody;
      }
      log.warn("Sales-ready lead {} waits for a free sales rep: {}", leadId, nobody.getMessage());
      throw new BpmnError(SalesFollowUp.Errors.NO_SALES_REP_FREE, nobody.getMessage());
    }
    execution.removeVariable(LeadVariables.MANAGER_DECISION.name());
    LeadVariables.SALES_REP.set(execution, assignment.assignee());
    LeadVariables.SALES_MANAGER.set(execution, assignment.manager());
  }
}
