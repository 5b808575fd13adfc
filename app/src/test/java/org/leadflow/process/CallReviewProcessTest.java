package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths of call-review (each has one test):
 * <ol>
 *   <li>the tick samples two supervisors' teams → one review task per supervisor, assigned to them, in
 *       group sales-manager, due by the policy, with the sampled calls as task-local variables → both
 *       complete (the listener records each) → EndEvent_CallsReviewed
 *   <li>the tick finds no team due → EndEvent_NoReviewsDue
 * </ol>
 * The service and the listener are stubbed (DailyRhythmIT runs them for real); the policy's lookups too.
 */
@Deployment(resources = {"processes/call-review.bpmn", "forms/sales-manager-review-sampled-calls.form"})
class CallReviewProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, CallReview.KEY);

  private static final Instant DUE = Instant.parse("2026-03-03T07:00:00Z");
  private static final Map<String, String> SUPERVISORS = Map.of("41", "max", "42", "mona");

  private final List<String> recorded = new ArrayList<>();
  private List<String> reviewsOfTheRun = List.of("41", "42");

  /** What call-review's expressions call on callReviewPolicy. */
  public class StubPolicy {
    public String cron() {
      return "0 0/15 * * * ?";
    }

    public Date reviewDue(String reviewId) {
      assertThat(SUPERVISORS).containsKey(reviewId);
      return Date.from(DUE);
    }

    public List<String> reviewsOf(String run) {
      assertThat(run).isNotBlank();
      return reviewsOfTheRun;
    }

    public String supervisorOf(String reviewId) {
      return SUPERVISORS.get(reviewId);
    }
  }

  @BeforeEach
  void stubs() {
    Mocks.register("callReviewPolicy", new StubPolicy());
    Mocks.register("sampleCallsDelegate", (JavaDelegate) execution -> {
      LeadVariables.CALL_REVIEW_RUN.set(execution, execution.getProcessInstanceId());
      LeadVariables.CALL_REVIEWS.set(execution, reviewsOfTheRun.size());
    });
    Mocks.register("showSampledCallsListener", (TaskListener) task -> {
      String reviewId = LeadVariables.CALL_REVIEW_ID.get(task);
      task.setVariableLocal("callReviewSummary", "Calls of 2026-03-02 for review " + reviewId);
      task.setVariableLocal("callReviewItems", "[{\"sampleId\":\"" + reviewId + "01\",\"rep\":\"sam\",\"tag\":\"INVALID\"}]");
    });
    Mocks.register("recordCallReviewListener", (TaskListener) task ->
        recorded.add(LeadVariables.CALL_REVIEW_ID.get(task) + ":" + task.getVariable("callReviewItems")));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void eachSupervisorReviewsTheirSampleAndTheVerdictsAreRecorded() {
    // when: the tick fires
    String id = tick();

    // then: one task per supervisor
    ProcessInstance run = instance(id);
    assertThat(run).isWaitingAt(CallReview.Tasks.REVIEW_SAMPLED_CALLS);
    List<Task> reviews = taskQuery().processInstanceId(run.getId()).initializeFormKeys().orderByTaskAssignee().asc()
        .list();
    assertThat(reviews).extracting(Task::getAssignee).containsExactly("max", "mona");
    for (Task review : reviews) {
      assertThat(taskService().getIdentityLinksForTask(review.getId())).anySatisfy(link -> {
        assertThat(link.getType()).isEqualTo("candidate");
        assertThat(link.getGroupId()).isEqualTo("sales-manager");
      });
      assertThat(review.getCamundaFormRef().getKey()).isEqualTo("sales-manager-review-sampled-calls");
      assertThat(review.getDueDate()).isEqualTo(Date.from(DUE));
    }
    Task max = reviews.get(0);
    assertThat(taskService().getVariableLocal(max.getId(), "callReviewSummary")).isEqualTo("Calls of 2026-03-02 for review 41");
    assertThat(taskService().getVariable(max.getId(), "callReviewItems").toString()).contains("\"sampleId\":\"4101\"");

    // when: both complete; max's form sends the list back with his verdict
    String verdict = "[{\"sampleId\":\"4101\",\"tagRight\":\"NO\",\"reviewNote\":\"had a need\"}]";
    // as Tasklist submits a Camunda Form: the variables go to the task's scope first (the task-local list)
    formService().submitTaskForm(max.getId(), Variables.createVariables().putValue("callReviewItems", verdict));
    complete(reviews.get(1));

    // then
    assertThat(recorded).containsExactly("41:" + verdict, "42:[{\"sampleId\":\"4201\",\"rep\":\"sam\",\"tag\":\"INVALID\"}]");
    assertThat(endedAt(id, CallReview.Events.CALLS_REVIEWED)).isTrue();
  }

  @Test
  void aTickWithNoTeamDueEndsAtOnce() {
    reviewsOfTheRun = List.of();

    String id = tick();

    assertThat(endedAt(id, CallReview.Events.NO_REVIEWS_DUE)).isTrue();
    assertThat(recorded).isEmpty();
  }

  /** Fires the start timer; returns the id of the instance it started. */
  private static String tick() {
    Job timer = managementService().createJobQuery().timers().activityId(CallReview.Events.SAMPLING_TICK).singleResult();
    assertThat(timer.getDuedate()).isBeforeOrEqualTo(Date.from(Instant.now().plus(Duration.ofMinutes(15))));
    execute(timer);
    return historyService().createHistoricProcessInstanceQuery().processDefinitionKey(CallReview.KEY)
        .orderByProcessInstanceStartTime().desc().list().get(0).getId();
  }

  private static ProcessInstance instance(String id) {
    return runtimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private static boolean endedAt(String id, String endEvent) {
    return historyService().createHistoricProcessInstanceQuery().processInstanceId(id).finished().singleResult()
        .getEndActivityId().equals(endEvent);
  }
}
