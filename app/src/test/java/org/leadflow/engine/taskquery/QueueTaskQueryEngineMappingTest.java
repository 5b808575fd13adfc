package org.leadflow.engine.taskquery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine as QueueTaskQuery.xml was written against (camunda-engine 7.24.0). When this fails after an engine
 * upgrade, re-check the queue's SQL against the engine's new Task.xml (selectTaskByQueryCriteria and its
 * selectTaskByQueryCriteriaSql), Authorization.xml (the AUTH join, atomicChecksOnResourceTypeAndPerms,
 * contextualAuthorizationCheck), Commons.xml (bindOrderBy, orderBySelection) and Tenant.xml (queryTenantCheck),
 * copy the engine's select into our "otherwise" branch again, check QueueTaskQuery's field lists against the
 * new fields of TaskQueryImpl, run QueueTaskQueryIT on H2 and MariaDB, and only then update the figures here.
 */
class QueueTaskQueryEngineMappingTest {

  private static final String MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/";

  @Test
  void theEngineMappingsTheQueueSqlMirrorsAreThoseOfCamunda7240() throws Exception {
    assertThat(sha256(MAPPING + "Task.xml")).isEqualTo("616c3e9cdf4055cab8493558ece2d3bce0a3edb7bb9fe88570758b5103caf821");
    assertThat(sha256(MAPPING + "Authorization.xml"))
        .isEqualTo("4d73791119716f7ce1ca86e4344d285c51c09a17e75d5f1e93013a5c551ccf92");
    assertThat(sha256(MAPPING + "Commons.xml")).isEqualTo("16c91d33896e4c3f65ea0df14912c94cc86aa04cab92cf280acc4a2e866c51ff");
    assertThat(sha256(MAPPING + "Tenant.xml")).isEqualTo("d4b28172ce65e405d2fb042edfe5dbb5fb8454f5bcb179e6cdbe17b3890dde0e");
  }

  @Test
  void theTaskQueryHasTheFieldsOfCamunda7240() {
    assertThat(QueueTaskQuery.instanceFieldNames()).containsExactly("TaskQueryImpl.taskId", "TaskQueryImpl.taskIdIn",
        "TaskQueryImpl.name", "TaskQueryImpl.nameNotEqual", "TaskQueryImpl.nameLike", "TaskQueryImpl.nameNotLike",
        "TaskQueryImpl.description", "TaskQueryImpl.descriptionLike", "TaskQueryImpl.priority",
        "TaskQueryImpl.minPriority", "TaskQueryImpl.maxPriority", "TaskQueryImpl.assignee",
        "TaskQueryImpl.assigneeLike", "TaskQueryImpl.assigneeIn", "TaskQueryImpl.assigneeNotIn",
        "TaskQueryImpl.involvedUser", "TaskQueryImpl.owner", "TaskQueryImpl.unassigned", "TaskQueryImpl.assigned",
        "TaskQueryImpl.noDelegationState", "TaskQueryImpl.delegationState", "TaskQueryImpl.candidateUser",
        "TaskQueryImpl.candidateGroup", "TaskQueryImpl.candidateGroupLike", "TaskQueryImpl.candidateGroups",
        "TaskQueryImpl.withCandidateGroups", "TaskQueryImpl.withoutCandidateGroups",
        "TaskQueryImpl.withCandidateUsers", "TaskQueryImpl.withoutCandidateUsers",
        "TaskQueryImpl.includeAssignedTasks", "TaskQueryImpl.processInstanceId", "TaskQueryImpl.processInstanceIdIn",
        "TaskQueryImpl.executionId", "TaskQueryImpl.activityInstanceIdIn", "TaskQueryImpl.createTime",
        "TaskQueryImpl.createTimeBefore", "TaskQueryImpl.createTimeAfter", "TaskQueryImpl.updatedAfter",
        "TaskQueryImpl.key", "TaskQueryImpl.keyLike", "TaskQueryImpl.taskDefinitionKeys",
        "TaskQueryImpl.taskDefinitionKeyNotIn", "TaskQueryImpl.processDefinitionKey",
        "TaskQueryImpl.processDefinitionKeys", "TaskQueryImpl.processDefinitionId",
        "TaskQueryImpl.processDefinitionName", "TaskQueryImpl.processDefinitionNameLike",
        "TaskQueryImpl.processInstanceBusinessKey", "TaskQueryImpl.processInstanceBusinessKeys",
        "TaskQueryImpl.processInstanceBusinessKeyLike", "TaskQueryImpl.variables", "TaskQueryImpl.dueDate",
        "TaskQueryImpl.dueBefore", "TaskQueryImpl.dueAfter", "TaskQueryImpl.followUpDate",
        "TaskQueryImpl.followUpBefore", "TaskQueryImpl.followUpNullAccepted", "TaskQueryImpl.followUpAfter",
        "TaskQueryImpl.excludeSubtasks", "TaskQueryImpl.suspensionState", "TaskQueryImpl.initializeFormKeys",
        "TaskQueryImpl.taskNameCaseInsensitive", "TaskQueryImpl.variableNamesIgnoreCase",
        "TaskQueryImpl.variableValuesIgnoreCase", "TaskQueryImpl.parentTaskId", "TaskQueryImpl.isWithoutTenantId",
        "TaskQueryImpl.isWithoutDueDate", "TaskQueryImpl.tenantIds", "TaskQueryImpl.caseDefinitionKey",
        "TaskQueryImpl.caseDefinitionId", "TaskQueryImpl.caseDefinitionName", "TaskQueryImpl.caseDefinitionNameLike",
        "TaskQueryImpl.caseInstanceId", "TaskQueryImpl.caseInstanceBusinessKey",
        "TaskQueryImpl.caseInstanceBusinessKeyLike", "TaskQueryImpl.caseExecutionId",
        "TaskQueryImpl.cachedCandidateGroups", "TaskQueryImpl.cachedUserGroups", "TaskQueryImpl.queries",
        "TaskQueryImpl.isOrQueryActive", "TaskQueryImpl.withCommentAttachmentInfo", "AbstractQuery.commandExecutor",
        "AbstractQuery.resultType", "AbstractQuery.expressions", "AbstractQuery.validators",
        "AbstractQuery.maxResultsLimitEnabled", "ListQueryParameterObject.authCheck",
        "ListQueryParameterObject.tenantCheck", "ListQueryParameterObject.orderingProperties",
        "ListQueryParameterObject.maxResults", "ListQueryParameterObject.firstResult",
        "ListQueryParameterObject.parameter", "ListQueryParameterObject.databaseType");
  }

  private static String sha256(String resource) throws Exception {
    try (InputStream in = QueueTaskQueryEngineMappingTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
  }
}
