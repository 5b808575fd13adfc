package org.leadflow.engine.taskquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;

/**
 * Which task queries take the queue's fast SQL: the SDR queue's shape does; a query with any other criterion,
 * an or-query, a variable or case-insensitive ordering or a revoke check does not (the engine's SQL then).
 */
class QueueTaskQueryTest {

  private static TaskQueryImpl sdrQueue() {
    return (TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("sdr").includeAssignedTasks().orderByDueDate().asc();
  }

  @Test
  void theSdrQueueFilterAsTheEngineRunsItIsTheQueueShape() {
    assertThat(QueueTaskQuery.isQueueShape(sdrQueue())).isTrue();
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroup("sdr")
        .orderByTaskCreateTime().desc().orderByTaskPriority().asc())).as("unclaimed only, other sorts").isTrue();
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) new TaskQueryImpl().taskCandidateGroupIn(List.of("sdr",
        "sales")).taskUnassigned())).as("two groups, unassigned, default order").isTrue();
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) sdrQueue().active())).as("active, as Tasklist asks").isTrue();
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) sdrQueue().suspended())).as("suspended").isTrue();
  }

  @Test
  void anEmptyListCriterionIsAsUnsetAsTheEngineReadsIt() {
    // a filter's stored query comes back with processInstanceIdIn = []; Task.xml skips an empty list
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) sdrQueue().processInstanceIdIn())).isTrue();
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) sdrQueue().processInstanceIdIn("1"))).isFalse();
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) sdrQueue().taskDefinitionKeyIn())).isTrue();
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) sdrQueue().taskDefinitionKeyIn("qualifyLead"))).isFalse();
  }

  @Test
  void aQueryWithAnyOtherCriterionTakesTheEngineSql() {
    Map<String, UnaryOperator<TaskQuery>> extras = Map.ofEntries(
        Map.entry("name", query -> query.taskName("Qualify lead")),
        Map.entry("nameLike", query -> query.taskNameLike("%x%")),
        Map.entry("assignee", query -> query.taskAssignee("sam")),
        Map.entry("involvedUser", query -> query.taskInvolvedUser("sam")),
        Map.entry("owner", query -> query.taskOwner("sam")),
        Map.entry("candidateGroupLike", query -> query.taskCandidateGroupLike("sd%")),
        Map.entry("withCandidateGroups", TaskQuery::withCandidateGroups),
        Map.entry("processDefinitionKey", query -> query.processDefinitionKey("sdr-qualification")),
        Map.entry("processInstanceBusinessKey", query -> query.processInstanceBusinessKey("lead-1")),
        Map.entry("taskDefinitionKey", query -> query.taskDefinitionKey("qualifyLead")),
        Map.entry("dueBefore", query -> query.dueBefore(new Date())),
        Map.entry("withoutDueDate", TaskQuery::withoutDueDate),
        Map.entry("excludeSubtasks", TaskQuery::excludeSubtasks),
        Map.entry("delegationState", query -> query.taskDelegationState(DelegationState.PENDING)),
        Map.entry("tenantIdIn", query -> query.tenantIdIn("t1")),
        Map.entry("withoutTenantId", TaskQuery::withoutTenantId),
        Map.entry("processVariable", query -> query.processVariableValueEquals("score", 5)),
        Map.entry("taskVariable", query -> query.taskVariableValueEquals("score", 5)),
        Map.entry("orQuery", query -> query.or().taskAssignee("sam").taskUnassigned().endOr()),
        Map.entry("orderByVariable", query -> query.orderByProcessVariable("score", ValueType.INTEGER).asc()),
        Map.entry("orderByNameCaseInsensitive", query -> query.orderByTaskNameCaseInsensitive().asc()),
        Map.entry("orderByProcessInstance", query -> query.orderByProcessInstanceId().asc()));
    extras.forEach((name, extra) -> assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) extra.apply(sdrQueue())))
        .as(name).isFalse());
  }

  @Test
  void withoutACandidateGroupOrWithRevokeChecksTheEngineSqlRuns() {
    assertThat(QueueTaskQuery.isQueueShape((TaskQueryImpl) new TaskQueryImpl().orderByDueDate().asc())).isFalse();

    TaskQueryImpl revokes = sdrQueue();
    revokes.getAuthCheck().setRevokeAuthorizationCheckEnabled(true);
    assertThat(QueueTaskQuery.isQueueShape(revokes)).isFalse();
  }

  @Test
  void everyFieldOfTheQueryIsComparedUnlessItIsAShapeOrExecutionField() {
    // a field the engine adds in a later version is compared (fail closed) since it is in neither list; the
    // lists name only fields that exist, so a renamed one shows up here
    List<String> names = QueueTaskQuery.instanceFieldNames().stream().map(name -> name.substring(name.indexOf('.') + 1))
        .toList();
    assertThat(names).containsAll(QueueTaskQuery.SHAPE_FIELDS).containsAll(QueueTaskQuery.EXECUTION_FIELDS)
        .containsAll(QueueTaskQuery.EMPTY_AS_UNSET);
  }

  @Test
  void theEngineSqlIsForcedInThisThreadOnly() {
    long before = QueueTaskQuery.fastPathsTakenInThisThread();
    assertThat(QueueTaskQuery.withEngineSql(() -> QueueTaskQuery.fastPath(sdrQueue()))).isFalse();
    assertThat(QueueTaskQuery.fastPathsTakenInThisThread()).isEqualTo(before);
    assertThat(QueueTaskQuery.fastPath(sdrQueue())).isTrue();
    assertThat(QueueTaskQuery.fastPathsTakenInThisThread()).isEqualTo(before + 1);
  }
}
