package org.leadflow.sla;

import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/**
 * The SLA-tier tasks (Task_Remind..., Task_Record...Breach, Task_Escalate..., Task_Record...Reassignment,
 * Task_Record...Recycling): records the tier on the lead's SLA instance (input parameters {@code slaType}
 * and {@code slaTier}), once per instance. A reminder also puts the owner's task at the top of their
 * Tasklist (priority, follow-up date now) with a comment saying when the SLA falls due; an escalation
 * names the manager ({@code slaManager}: the supervisor of the team the SLA counts in) for the
 * manager's task that follows; the recycle tier gives the lead the recycle reason {@code SLA_<type>}.
 */
@Component
class RecordSlaEventDelegate implements JavaDelegate {

  /** Priority of a task whose owner was reminded (Camunda's default is 50). */
  static final int REMINDED_PRIORITY = 80;

  private final SlaService sla;

  RecordSlaEventDelegate(SlaService sla) {
    this.sla = sla;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaType type = SlaType.valueOf(LeadVariables.SLA_TYPE.get(execution));
    SlaTier tier = SlaTier.valueOf(LeadVariables.SLA_TIER.get(execution));
    sla.recordTier(LeadVariables.LEAD_ID.get(execution), type, tier).ifPresent(instance -> {
      if (tier == SlaTier.REMINDER && instance.taskId() != null) {
        remind(execution.getProcessEngineServices().getTaskService(), instance);
      }
      if (tier == SlaTier.ESCALATION) {
        LeadVariables.SLA_MANAGER.set(execution, sla.managerOf(instance).orElse(null));
      }
      if (tier == SlaTier.RECYCLE) {
        LeadVariables.RECYCLE_REASON.set(execution, recycleReason(type));
      }
    });
  }

  /** The recycle reason of a lead the recycle tier of this SLA sent back to marketing, e.g. SLA_SALES_ACCEPT. */
  static String recycleReason(SlaType type) {
    return "SLA_" + type.name();
  }

  private static void remind(TaskService tasks, SlaInstance instance) {
    Task task = tasks.createTaskQuery().taskId(instance.taskId()).singleResult();
    if (task == null) {
      return;
    }
    String reminder = "SLA reminder: " + instance.slaType() + " is due at " + instance.dueAt() + " ("
        + instance.ruleRef() + ")";
    task.setPriority(Math.max(task.getPriority(), REMINDED_PRIORITY));
    task.setFollowUpDate(new Date());
    // the description is what the owner sees in Tasklist (a comment needs history permissions to be read)
    task.setDescription(task.getDescription() == null || task.getDescription().isBlank() ? reminder
        : reminder + "\n\n" + task.getDescription());
    tasks.saveTask(task);
    tasks.createComment(task.getId(), task.getProcessInstanceId(), reminder);
  }
}
