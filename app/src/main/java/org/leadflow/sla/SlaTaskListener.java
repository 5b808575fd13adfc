package org.leadflow.sla;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/**
 * The SLA of a task whose input parameter {@code slaType} names it ({@code ${slaTaskListener}} on
 * create, complete and delete): creating the task starts the SLA instance with the schedule its timers
 * and due date use; completing it closes the instance as met (in time or late); deleting it (the step
 * ended another way) cancels an instance a tier did not already close.
 */
@Component
class SlaTaskListener implements TaskListener {

  private final SlaPolicy policy;
  private final SlaService slas;

  SlaTaskListener(SlaPolicy policy, SlaService slas) {
    this.policy = policy;
    this.slas = slas;
  }

  @Override
  public void notify(DelegateTask task) {
    String leadId = LeadVariables.LEAD_ID.get(task);
    SlaType type = SlaType.valueOf(LeadVariables.SLA_TYPE.get(task));
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> slas.start(leadId, policy.takeSchedule(leadId, type), task.getProcessInstanceId(),
          task.getId());
      case EVENTNAME_COMPLETE -> slas.complete(leadId, type);
      case EVENTNAME_DELETE -> slas.cancel(leadId, type);
      default -> { }
    }
  }
}
