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
 * unassigned in the SDR queue.
 */
@Component
class AssignSdrDelegate implements JavaDelegate {

  private final RoutingService routing;

  AssignSdrDelegate(RoutingService routing) {
    this.routing = routing;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String sdr = routing.assignSdr(LeadVariables.LEAD_ID.get(execution), "MQL", Actors.current(execution))
        .map(Assignment::assignee).orElse(null);
    LeadVariables.SDR_REP.set(execution, sdr);
  }
}
