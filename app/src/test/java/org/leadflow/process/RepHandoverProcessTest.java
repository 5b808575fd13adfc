package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

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
 * Paths of rep-handover (each has one test):
 * <ol>
 *   <li>a departing rep: Task_HandOverOpenLeads moves everything → the successors visit the bottom-of-funnel
 *       customers, then (only then) introduce themselves by phone to the middle, then call the top →
 *       no hand-back → EndEvent_HandoverCompleted
 *   <li>an absence with a return date and hand-back: no introductions are due (no leads in a band) →
 *       Event_RepReturns waits for the return time → Task_HandLeadsBack → EndEvent_LeadsHandedBack
 * </ol>
 */
@Deployment(resources = {"processes/rep-handover.bpmn", "forms/start-rep-handover.form",
    "forms/handover-introduce-successor.form"})
class RepHandoverProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, RepHandover.KEY);

  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final long HANDOVER = 41L;
  private static final String RETURN_AT = "2025-03-10T08:00:00Z";

  /** Leads the stubbed hand-over "moved", per band, and their successors. */
  private final Map<String, List<String>> bands = Map.of(
      "BOTTOM", List.of("lead-b1", "lead-b2"), "MIDDLE", List.of("lead-m1"), "TOP", List.of("lead-t1"));
  private final Map<String, String> successors = Map.of("lead-b1", "leo", "lead-b2", "lena", "lead-m1", "leo",
      "lead-t1", "lena");
  private final List<String> handedBack = new ArrayList<>();
  private final List<String> introductions = new ArrayList<>();
  private boolean emptyBands;

  /** What rep-handover's expressions call on handoverPlan. */
  public class StubPlan {
    public List<String> leadsAt(Long handoverId, String band) {
      assertThat(handoverId).isEqualTo(HANDOVER);
      return emptyBands ? List.of() : bands.get(band);
    }

    public String successorOf(Long handoverId, String leadId) {
      return successors.get(leadId);
    }
  }

  /** What rep-handover's expressions call on handoverPolicy. */
  public static class StubPolicy {
    public String visitDue() {
      return "P3D";
    }

    public String phoneIntroductionDue() {
      return "P2D";
    }

    public String callDue() {
      return "P1D";
    }

    public String returnAt(Long handoverId) {
      return RETURN_AT;
    }
  }

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("handoverPlan", new StubPlan());
    Mocks.register("handoverPolicy", new StubPolicy());
    Mocks.register("handOverOpenLeadsDelegate", (JavaDelegate) execution -> {
      LeadVariables.HANDOVER_ID.set(execution, HANDOVER);
      LeadVariables.HAND_BACK.set(execution, "ABSENT".equals(LeadVariables.HANDOVER_KIND.get(execution))
          && LeadVariables.HAND_BACK_ON_RETURN.getOrDefault(execution, false));
    });
    Mocks.register("handLeadsBackDelegate", (JavaDelegate) execution ->
        handedBack.add(LeadVariables.DEPARTING_REP.get(execution)));
    Mocks.register("leadContextTaskListener", (TaskListener) task -> {});
    Mocks.register("recordIntroductionListener", (TaskListener) task ->
        introductions.add(task.getTaskDefinitionKey() + ":" + LeadVariables.LEAD_ID.get(task)));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void aDepartingRepsLeadsAreIntroducedBottomOfTheFunnelFirstThenMiddleThenTop() {
    // given
    ProcessInstance handover = start("DEPARTED", null, false);

    // then the bottom-of-funnel visits come first, one per lead, to its successor, due in 3 days
    assertThat(handover).hasPassed(RepHandover.Tasks.HAND_OVER_OPEN_LEADS)
        .isWaitingAt(RepHandover.Tasks.VISIT_WITH_PREDECESSOR);
    List<Task> visits = tasksAt(RepHandover.Tasks.VISIT_WITH_PREDECESSOR);
    assertThat(visits).extracting(Task::getAssignee).containsExactlyInAnyOrder("leo", "lena");
    assertThat(visits).allSatisfy(visit -> assertThat(visit.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(3)))));
    assertThat(tasksAt(RepHandover.Tasks.PHONE_INTRODUCTION)).isEmpty();

    // when the first visit is done the middle still waits for the second
    complete(visits.get(0), Variables.putValue("introductionOutcome", "DONE"));
    assertThat(tasksAt(RepHandover.Tasks.PHONE_INTRODUCTION)).isEmpty();
    complete(visits.get(1), Variables.putValue("introductionOutcome", "DONE"));

    // then the phone introduction, then the call
    Task phone = tasksAt(RepHandover.Tasks.PHONE_INTRODUCTION).get(0);
    assertThat(phone).isAssignedTo("leo");
    assertThat(phone.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(2))));
    complete(phone, Variables.putValue("introductionOutcome", "CUSTOMER_UNAVAILABLE"));
    Task call = tasksAt(RepHandover.Tasks.CALL_HANDED_OVER_LEAD).get(0);
    assertThat(call).isAssignedTo("lena");
    assertThat(taskQuery().taskId(call.getId()).taskCandidateGroupIn(List.of("sales", "sdr")).includeAssignedTasks()
        .count()).as("sales reps and SDRs may take it over").isEqualTo(1);
    complete(call, Variables.putValue("introductionOutcome", "DONE"));

    assertThat(handover).isEnded()
        .hasPassedInOrder(RepHandover.Tasks.HAND_OVER_OPEN_LEADS, RepHandover.Tasks.VISIT_WITH_PREDECESSOR,
            RepHandover.Tasks.PHONE_INTRODUCTION, RepHandover.Tasks.CALL_HANDED_OVER_LEAD,
            RepHandover.Gateways.HAND_BACK_ON_RETURN, RepHandover.Events.HANDOVER_COMPLETED)
        .hasNotPassed(RepHandover.Events.REP_RETURNS);
    assertThat(introductions).containsExactly(
        RepHandover.Tasks.VISIT_WITH_PREDECESSOR + ":lead-b2", RepHandover.Tasks.VISIT_WITH_PREDECESSOR + ":lead-b1",
        RepHandover.Tasks.PHONE_INTRODUCTION + ":lead-m1", RepHandover.Tasks.CALL_HANDED_OVER_LEAD + ":lead-t1");
  }

  @Test
  void anAbsentRepGetsTheLeadsBackWhenTheyReturn() {
    // given an absence without leads in any band
    emptyBands = true;
    ProcessInstance handover = start("ABSENT", "2025-03-10", true);

    // then nothing to introduce; waiting for the return
    assertThat(handover).isWaitingAt(RepHandover.Events.REP_RETURNS);
    Job returns = job(RepHandover.Events.REP_RETURNS, handover);
    assertThat(returns.getDuedate()).isEqualTo(Date.from(Instant.parse(RETURN_AT)));

    // when
    execute(returns);

    // then
    assertThat(handover).isEnded().hasPassedInOrder(RepHandover.Gateways.HAND_BACK_ON_RETURN,
        RepHandover.Events.REP_RETURNS, RepHandover.Tasks.HAND_LEADS_BACK, RepHandover.Events.LEADS_HANDED_BACK);
    assertThat(handedBack).containsExactly("lena");
    assertThat(introductions).isEmpty();
  }

  private ProcessInstance start(String kind, String returnsOn, boolean handBack) {
    return runtimeService().startProcessInstanceByKey(RepHandover.KEY, "handover:lena", Variables.createVariables()
        .putValue("departingRep", "lena").putValue("handoverKind", kind).putValue("returnsOn", returnsOn)
        .putValue("handBackOnReturn", handBack).putValue("handoverNote", "test"));
  }

  private static List<Task> tasksAt(String taskKey) {
    return taskQuery().taskDefinitionKey(taskKey).orderByTaskAssignee().asc().list();
  }
}
