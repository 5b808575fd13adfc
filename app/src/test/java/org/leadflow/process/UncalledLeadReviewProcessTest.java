package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadflow.config.LeadProperties;
import org.leadflow.sla.TestSlaPolicies;

/**
 * The one path of uncalled-lead-review: the supervisor named by the caller (slaManager) gets "Review uncalled
 * lead" in group sales-manager, due by the SLA policy, with the lead's context and the overdue-lead form, and
 * decides. How sdr-qualification calls it, acts on the decision and ends it early: SdrQualificationProcessTest.
 */
@Deployment(resources = {"processes/uncalled-lead-review.bpmn", "forms/sales-manager-review-overdue-lead.form",
    TestSlaPolicies.TABLE})
class UncalledLeadReviewProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, UncalledLeadReview.KEY);

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");
  private static final String LEAD = "lead-review-1";

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("slaPolicy", TestSlaPolicies.fromTable(engine.getRepositoryService(), new HashMap<>()));
    Mocks.register("leadContextTaskListener",
        (TaskListener) task -> LeadVariables.LEAD_SUMMARY.setLocal(task, "Ada Lovelace, Analytical Engines Ltd"));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void theSupervisorReviewsTheUncalledLeadAndDecides() {
    // when
    ProcessInstance review = runtimeService().createProcessInstanceByKey(UncalledLeadReview.KEY).businessKey(LEAD)
        .setVariables(LeadVariables.LEAD_ID.with(LEAD)).setVariable(LeadVariables.SLA_MANAGER.name(), "max")
        .execute();

    // then
    assertThat(review).isWaitingAt(UncalledLeadReview.Tasks.REVIEW_UNCALLED_LEAD);
    Task task = task(review);
    assertThat(task).isAssignedTo("max").hasCandidateGroupAssociated("sales-manager")
        .hasDueDate(Date.from(NOW.plus(LeadProperties.defaults().sla().managerReview())));
    assertThat(taskService().getVariableLocal(task.getId(), LeadVariables.LEAD_SUMMARY.name())).isNotNull();
    assertThat(formService().getDeployedTaskForm(task.getId())).isNotNull();

    // when
    complete(task, withVariables(LeadVariables.MANAGER_DECISION.name(), "REASSIGN_NOW"));

    // then
    assertThat(review).isEnded().hasPassed(UncalledLeadReview.Events.LEAD_REVIEWED);
  }
}
