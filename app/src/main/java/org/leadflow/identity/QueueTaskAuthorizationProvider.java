package org.leadflow.identity;

import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default task authorizations, except for the work queues of {@link QueueGrants}: a task of such a
 * process gets no per-task row for the queue's group (candidate group) nor for a member of that group
 * (assignee, owner, candidate user), since the definition-level grant already lets them read and work it.
 * Every other task, and every other user or group on a queue task (a manager who is not in the group), gets
 * the engine's rows as before.
 *
 * <p>Uses the engine's {@code impl} SPI: Camunda offers no public API to change which authorizations it
 * writes for tasks; {@code ResourceAuthorizationProvider} is configured on the engine configuration only and
 * its default implementation lives in an impl package. The two protected hooks overridden here are the ones
 * every task assignee, owner and identity-link callback of the default provider goes through.
 */
class QueueTaskAuthorizationProvider extends DefaultAuthorizationProvider {

  private final Map<String, String> groupByProcess;

  QueueTaskAuthorizationProvider(Map<String, String> groupByProcess) {
    this.groupByProcess = Map.copyOf(groupByProcess);
  }

  @Override
  protected AuthorizationEntity[] createOrUpdateAuthorizationsByGroupId(Task task, String groupId) {
    String queueGroup = queueGroup(task);
    if (queueGroup != null && queueGroup.equals(groupId)) {
      return null;
    }
    return super.createOrUpdateAuthorizationsByGroupId(task, groupId);
  }

  @Override
  protected AuthorizationEntity[] createOrUpdateAuthorizationsByUserId(Task task, String userId) {
    String queueGroup = queueGroup(task);
    if (queueGroup != null && isMember(userId, queueGroup)) {
      return null;
    }
    return super.createOrUpdateAuthorizationsByUserId(task, userId);
  }

  /** The group that works every task of the task's process through a definition grant, or null. */
  private String queueGroup(Task task) {
    if (task.getProcessDefinitionId() == null || !(task instanceof TaskEntity entity)) {
      return null;   // a standalone or case task
    }
    ProcessDefinitionEntity definition = entity.getProcessDefinition();
    return definition == null ? null : groupByProcess.get(definition.getKey());
  }

  private static boolean isMember(String userId, String groupId) {
    if (userId == null) {
      return false;
    }
    CommandContext commandContext = Context.getCommandContext();
    // the membership itself, whoever triggered the assignment (a group query would be filtered by their rights)
    return commandContext.runWithoutAuthorization(() -> commandContext.getReadOnlyIdentityProvider()
        .createGroupQuery(commandContext).groupMember(userId).groupId(groupId).count() > 0);
  }
}
