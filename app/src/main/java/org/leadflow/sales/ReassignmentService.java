package org.leadflow.sales;

import java.util.List;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.leadflow.lead.LeadService;
import org.leadflow.process.LeadVariables;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.routing.Assignment;
import org.leadflow.routing.RoutingService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The manager's override: a request opens Task_ReassignLead in the lead's sales follow-up; its
 * completion moves the lead and its open tasks to the chosen rep (or the one routing picks).
 */
@Service
@Transactional
public class ReassignmentService {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final RoutingService routing;
  private final LeadService leads;

  public ReassignmentService(RuntimeService runtime, TaskService tasks, RoutingService routing, LeadService leads) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.routing = routing;
    this.leads = leads;
  }

  /** Thrown when the lead is not in sales follow-up (nothing to reassign). */
  public static class NotInSalesFollowUpException extends RuntimeException {
    public NotInSalesFollowUpException(String message) {
      super(message);
    }
  }

  /** Opens the reassign task for {@code manager}; returns its id. */
  public String request(String leadId, String manager) {
    leads.get(leadId); // 404 for an unknown lead
    try {
      runtime.createMessageCorrelation(SalesFollowUp.Messages.REASSIGNMENT_REQUESTED)
          .processInstanceBusinessKey(leadId)
          .setVariable(LeadVariables.REASSIGNMENT_REQUESTED_BY.name(), manager)
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException notThere) {
      throw new NotInSalesFollowUpException("Lead " + leadId + " is not in sales follow-up; only a lead waiting "
          + "for acceptance or first contact can be reassigned");
    }
    List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(leadId)
        .taskDefinitionKey(SalesFollowUp.Tasks.REASSIGN_LEAD).orderByTaskCreateTime().desc().list();
    return open.get(0).getId();
  }

  /**
   * Moves the lead from {@code currentRep} to {@code chosenRep} (null or blank: routing picks) and
   * hands them the lead's open tasks that {@code currentRep} holds.
   */
  public Assignment move(String leadId, String currentRep, String chosenRep, String manager) {
    Assignment assignment = routing.reassignByManager(leadId, currentRep, chosenRep, manager);
    if (currentRep != null && !currentRep.equals(assignment.assignee())) {
      for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(leadId).taskAssignee(currentRep).list()) {
        tasks.setAssignee(task.getId(), assignment.assignee());
      }
    }
    return assignment;
  }
}
