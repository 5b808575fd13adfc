package org.leadflow.sales;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.Actors;
import org.leadflow.process.LeadVariables;
import org.leadflow.routing.Assignment;
import org.springframework.stereotype.Component;

/** Task_MoveLeadToRep: the manager's reassignment (Task_ReassignLead) moves the lead and its open tasks. */
@Component
class MoveLeadToRepDelegate implements JavaDelegate {

  private final ReassignmentService reassignments;

  MoveLeadToRepDelegate(ReassignmentService reassignments) {
    this.reassignments = reassignments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment assignment = reassignments.move(LeadVariables.LEAD_ID.get(execution),
        LeadVariables.SALES_REP.find(execution).orElse(null), LeadVariables.REASSIGN_TO.find(execution).orElse(null),
        Actors.current(execution));
    execution.removeVariable(LeadVariables.REASSIGN_TO.name());
    LeadVariables.SALES_REP.set(execution, assignment.assignee());
    LeadVariables.SALES_MANAGER.set(execution, assignment.manager());
  }
}
