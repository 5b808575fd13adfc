package org.leadflow.qualification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.leadflow.routing.Assignment;
import org.leadflow.routing.RoutingService;
import org.springframework.stereotype.Component;

/**
 * Task_AssignSdr: routes the MQL to an SDR of the eligible team (lead-routing.dmn, pool SDR), the same
 * weighted allocation as sales. Nobody eligible: {@code sdrRep} stays null and the task waits
 * unassigned in the SDR queue. Also Task_ReassignSdr: when the call-attempt SLA's reassignment tier fell due
 * or the manager asked for it, another SDR (the current one is skipped).
 */
@Component
class AssignSdrDelegate implements JavaDelegate {

  private final RoutingService routing;

  AssignSdrDelegate(RoutingService routing) {
    this.routing = routing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String previous = LeadVariables.SDR_REP.find(execution).orElse(null);
    String cause = previous == null ? "MQL"
        : "REASSIGN_NOW".equals(LeadVariables.MANAGER_DECISION.find(execution).orElse(null))
            ? "manager reassigned" : "SLA reassignment tier";
    execution.removeVariable(LeadVariables.MANAGER_DECISION.name());
    String sdr = routing.assignSdr(LeadVariables.LEAD_ID.get(execution), previous, cause, Actors.current(execution))
        .map(Assignment::assignee).orElse(null);
    LeadVariables.SDR_REP.set(execution, sdr);
  }
}
