package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.config.LeadProperties;
import org.leadflow.sla.SdrPolicy;
import org.leadflow.sla.SlaFacts;
import org.leadflow.sla.SlaTerms;
import org.leadflow.sla.SlaType;
import org.leadflow.sla.TestSlaPolicies;

/**
 * Paths of sdr-qualification (each has one test): a reached contact ends with the SDR's verdict; nobody
 * eligible leaves the call unassigned in the queue; an unanswered first call is retried by Task_CallLeadAgain
 * after the retry interval until the attempts run out (Task_MarkLeadUnreachable); the first call attempt's
 * SLA tiers — reminder, breach, escalation to the SDR team's supervisor (CallActivity_ReviewUncalledLead, the
 * supervisor's task in uncalled-lead-review: keep or reassign now; the review ends with the SDR's call or a
 * later tier), reassignment (Task_ReassignSdr) and recycle (EndEvent_LeadRecycledNeverCalled) — each fired by
 * executing its timer job; a hand-raiser's tiers follow the hand-raiser row. The review itself:
 * UncalledLeadReviewProcessTest.
 */
@Deployment(resources = {"processes/sdr-qualification.bpmn", "processes/uncalled-lead-review.bpmn",
    "forms/sdr-qualify-lead.form",
    "forms/sales-manager-review-overdue-lead.form", TestSlaPolicies.TABLE})
class SdrQualificationProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, SdrQualification.KEY);

  private static final LeadProperties PROPERTIES = LeadProperties.defaults();
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final String LEAD = "lead-sdr-1";
  private static final String SUPERVISOR = "max";
  private static final SlaTerms CALL = TestSlaPolicies.DEFAULT_ROWS.get(SlaType.SDR_CALL_ATTEMPT);

  /** The facts the sla-policy table sees per lead (others are a standard lead: the catch-all row). */
  private final Map<String, SlaFacts> leadFacts = new HashMap<>();
  private final List<String> tiers = new ArrayList<>();
  private final List<String> slaTasks = new ArrayList<>();
  /** Whom Task_AssignSdr picks next (null: nobody eligible); reassignment takes the other SDR. */
  private String sdrOnDuty = "sam";

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("slaPolicy", TestSlaPolicies.fromTable(engine.getRepositoryService(), leadFacts));
    Mocks.register("sdrPolicy", new SdrPolicy(PROPERTIES));
    Mocks.register("leadContextTaskListener",
        (TaskListener) task -> LeadVariables.LEAD_SUMMARY.setLocal(task, "Ada Lovelace, Analytical Engines Ltd"));
    Mocks.register("slaTaskListener", (TaskListener) task -> slaTasks.add(task.getEventName() + " "
        + LeadVariables.SLA_TYPE.get(task) + " " + task.getAssignee()));
    Mocks.register("recordCallOutcomeDelegate", (JavaDelegate) execution -> LeadVariables.CALL_ATTEMPTS.set(
        execution, LeadVariables.CALL_ATTEMPTS.getOrDefault(execution, 0) + 1));
    Mocks.register("markLeadUnreachableDelegate", (JavaDelegate) execution -> {
      LeadVariables.QUALIFICATION.set(execution, "INVALID");
      LeadVariables.INVALID_REASON.set(execution, "UNREACHABLE");
    });
    Mocks.register("assignSdrDelegate", (JavaDelegate) execution -> {
      String current = LeadVariables.SDR_REP.find(execution).orElse(null);
      LeadVariables.SDR_REP.set(execution, current == null ? sdrOnDuty : current.equals("sam") ? "sara" : "sam");
      execution.removeVariable(LeadVariables.MANAGER_DECISION.name());
    });
    Mocks.register("recordSlaEventDelegate", TestSlaPolicies.tierRecorder(tiers, SUPERVISOR));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @ParameterizedTest(name = "verdict {0}")
  @ValueSource(strings = {"SALES_READY", "RECYCLE", "INVALID", "DISQUALIFIED"})
  void aReachedContactEndsTheQualificationWithTheSdrsVerdict(String verdict) {
    // given
    ProcessInstance qualification = startQualification();
    assertThat(qualification).isWaitingAt(SdrQualification.Tasks.QUALIFY_LEAD);
    Task call = task(qualification);
    assertThat(call).hasCandidateGroupAssociated("sdr").isAssignedTo("sam")
        .hasDueDate(Date.from(NOW.plus(CALL.dueAfter())));
    assertThat(taskService().getVariableLocal(call.getId(), LeadVariables.LEAD_SUMMARY.name())).isNotNull();
    assertThat(formService().getDeployedTaskForm(call.getId())).isNotNull();
    assertTierTimers(qualification, NOW, CALL);

    // when
    complete(call, withVariables(LeadVariables.CALL_OUTCOME.name(), "REACHED",
        LeadVariables.QUALIFICATION.name(), verdict));

    // then
    assertThat(qualification).isEnded()
        .hasPassedInOrder(SdrQualification.Tasks.QUALIFY_LEAD, SdrQualification.Tasks.RECORD_CALL_OUTCOME,
            SdrQualification.Events.LEAD_QUALIFIED)
        .hasNotPassed(SdrQualification.Events.NEXT_CALL_ATTEMPT_DUE, SdrQualification.Tasks.MARK_LEAD_UNREACHABLE);
    assertThat(historicVariable(qualification, LeadVariables.QUALIFICATION)).isEqualTo(verdict);
    assertThat(historicVariable(qualification, LeadVariables.CALL_ATTEMPTS)).isEqualTo(1);
    assertThat(tiers).isEmpty();
    assertThat(slaTasks).containsExactly("create SDR_CALL_ATTEMPT sam", "complete SDR_CALL_ATTEMPT sam");
  }

  @Test
  void withNobodyEligibleTheCallWaitsUnassignedInTheSdrQueue() {
    // given
    sdrOnDuty = null;

    // when
    ProcessInstance qualification = startQualification();

    // then
    assertThat(qualification).hasPassed(SdrQualification.Tasks.ASSIGN_SDR)
        .isWaitingAt(SdrQualification.Tasks.QUALIFY_LEAD);
    assertThat(task(qualification)).hasCandidateGroup("sdr").isNotAssigned();
  }

  @Test
  void anUnansweredFirstCallMeetsTheSlaAndIsRetriedAfterTheRetryInterval() {
    // given
    ProcessInstance qualification = startQualification();
    complete(task(qualification), withVariables(LeadVariables.CALL_OUTCOME.name(), "NO_ANSWER"));
    assertThat(qualification).isWaitingAt(SdrQualification.Events.NEXT_CALL_ATTEMPT_DUE);
    Job nextAttempt = job(SdrQualification.Events.NEXT_CALL_ATTEMPT_DUE, qualification);
    assertThat(nextAttempt.getDuedate()).isEqualTo(Date.from(NOW.plus(PROPERTIES.sdr().retryInterval())));

    // when
    engine.setCurrentTime(nextAttempt.getDuedate());
    execute(nextAttempt);

    // then
    assertThat(qualification).isWaitingAt(SdrQualification.Tasks.CALL_LEAD_AGAIN);
    Instant retriedAt = nextAttempt.getDuedate().toInstant();
    Task again = task(qualification);
    assertThat(again).isAssignedTo("sam").hasCandidateGroupAssociated("sdr")
        .hasDueDate(Date.from(retriedAt.plus(CALL.dueAfter())));
    assertThat(formService().getDeployedTaskForm(again.getId())).isNotNull();
    assertThat(managementService().createJobQuery().processInstanceId(qualification.getId()).count())
        .as("later attempts have no SLA tiers").isZero();

    // when
    complete(again, withVariables(LeadVariables.CALL_OUTCOME.name(), "REACHED",
        LeadVariables.QUALIFICATION.name(), "SALES_READY"));

    // then
    assertThat(qualification).isEnded().hasPassed(SdrQualification.Events.LEAD_QUALIFIED);
    assertThat(historicVariable(qualification, LeadVariables.CALL_ATTEMPTS)).isEqualTo(2);
    assertThat(slaTasks).containsExactly("create SDR_CALL_ATTEMPT sam", "complete SDR_CALL_ATTEMPT sam");
  }

  @Test
  void aLeadThatNeverAnswersIsMarkedUnreachableAfterTheLastAllowedAttempt() {
    // given
    ProcessInstance qualification = startQualification();
    int maxAttempts = PROPERTIES.sdr().maxCallAttempts();

    // when
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      complete(task(qualification), withVariables(LeadVariables.CALL_OUTCOME.name(), "NO_ANSWER"));
      assertThat(qualification).isWaitingAt(SdrQualification.Events.NEXT_CALL_ATTEMPT_DUE);
      execute(job(SdrQualification.Events.NEXT_CALL_ATTEMPT_DUE, qualification));
      assertThat(qualification).isWaitingAt(SdrQualification.Tasks.CALL_LEAD_AGAIN);
    }
    complete(task(qualification), withVariables(LeadVariables.CALL_OUTCOME.name(), "NO_ANSWER"));

    // then
    assertThat(qualification).isEnded()
        .hasPassed(SdrQualification.Tasks.MARK_LEAD_UNREACHABLE, SdrQualification.Events.LEAD_UNREACHABLE)
        .hasNotPassed(SdrQualification.Events.LEAD_QUALIFIED);
    assertThat(historicVariable(qualification, LeadVariables.CALL_ATTEMPTS)).isEqualTo(maxAttempts);
    assertThat(historicVariable(qualification, LeadVariables.QUALIFICATION)).isEqualTo("INVALID");
    assertThat(historicVariable(qualification, LeadVariables.INVALID_REASON)).isEqualTo("UNREACHABLE");
    assertThat(tiers).isEmpty();
  }

  @Test
  void anUncalledLeadIsRemindedBreachedAndEscalatedToTheSupervisorWhoLeavesItWithTheSdr() {
    // given
    ProcessInstance qualification = startQualification();

    // when
    fire("BoundaryEvent_CallAttemptReminderDue", qualification);
    fire("BoundaryEvent_CallAttemptSlaDue", qualification);
    Instant escalatedAt = fire("BoundaryEvent_CallAttemptEscalationDue", qualification);

    // then
    assertThat(qualification).hasPassed("Task_RemindCallAttemptOwner", "Task_RecordCallAttemptSlaBreach",
        "Task_EscalateCallAttemptToManager").isWaitingAt(SdrQualification.Tasks.REVIEW_UNCALLED_LEAD,
        SdrQualification.Tasks.QUALIFY_LEAD);
    ProcessInstance reviewInstance = review(qualification);
    assertThat(reviewInstance).hasBusinessKey(LEAD)
        .variables().containsOnlyKeys(LeadVariables.LEAD_ID.name(), LeadVariables.SLA_MANAGER.name())
        .containsEntry(LeadVariables.SLA_MANAGER.name(), SUPERVISOR);
    Task review = task(UncalledLeadReview.Tasks.REVIEW_UNCALLED_LEAD, reviewInstance);
    assertThat(review).isAssignedTo(SUPERVISOR).hasCandidateGroupAssociated("sales-manager")
        .hasDueDate(Date.from(escalatedAt.plus(PROPERTIES.sla().managerReview())));
    assertThat(taskService().getVariableLocal(review.getId(), LeadVariables.LEAD_SUMMARY.name())).isNotNull();
    assertThat(formService().getDeployedTaskForm(review.getId())).isNotNull();
    assertThat(tiers).containsExactly("SDR_CALL_ATTEMPT REMINDER", "SDR_CALL_ATTEMPT BREACH",
        "SDR_CALL_ATTEMPT ESCALATION");

    // when
    complete(review, withVariables(LeadVariables.MANAGER_DECISION.name(), "KEEP_REP",
        LeadVariables.MANAGER_NOTES.name(), "she calls back today"));

    // then
    assertThat(reviewInstance).isEnded().hasPassed(UncalledLeadReview.Events.LEAD_REVIEWED);
    assertThat(qualification).hasPassed(SdrQualification.Tasks.REVIEW_UNCALLED_LEAD,
        "EndEvent_CallAttemptOwnerKeepsLead").isWaitingAt(SdrQualification.Tasks.QUALIFY_LEAD)
        .variables().containsEntry(LeadVariables.MANAGER_DECISION.name(), "KEEP_REP")
        .containsEntry(LeadVariables.MANAGER_NOTES.name(), "she calls back today");

    // when
    complete(task(SdrQualification.Tasks.QUALIFY_LEAD, qualification), withVariables(
        LeadVariables.CALL_OUTCOME.name(), "REACHED", LeadVariables.QUALIFICATION.name(), "DISQUALIFIED"));

    // then
    assertThat(qualification).isEnded().hasPassed(SdrQualification.Events.LEAD_QUALIFIED);
  }

  @Test
  void anOpenReviewEndsWhenTheSdrMakesTheCall() {
    // given the supervisor has not decided yet
    ProcessInstance qualification = startQualification();
    fire("BoundaryEvent_CallAttemptEscalationDue", qualification);
    ProcessInstance reviewInstance = review(qualification);

    // when
    complete(task(SdrQualification.Tasks.QUALIFY_LEAD, qualification), withVariables(
        LeadVariables.CALL_OUTCOME.name(), "REACHED", LeadVariables.QUALIFICATION.name(), "SALES_READY"));

    // then the review is gone with the sub-process, as the review task was when it was part of it
    assertThat(reviewInstance).isEnded().hasNotPassed(UncalledLeadReview.Events.LEAD_REVIEWED);
    assertThat(taskService().createTaskQuery().processInstanceId(reviewInstance.getId()).count()).isZero();
    assertThat(qualification).isEnded().hasPassed(SdrQualification.Events.LEAD_QUALIFIED)
        .hasNotPassed("Gateway_CallAttemptManagerReassigns");
  }

  @Test
  void theSupervisorOrTheReassignmentTierGivesTheCallToAnotherSdr() {
    // given
    ProcessInstance qualification = startQualification();
    fire("BoundaryEvent_CallAttemptEscalationDue", qualification);

    // when
    complete(task(UncalledLeadReview.Tasks.REVIEW_UNCALLED_LEAD, review(qualification)),
        withVariables(LeadVariables.MANAGER_DECISION.name(), "REASSIGN_NOW"));

    // then
    assertThat(qualification).hasPassed("Task_RecordCallAttemptReassignment",
            "BoundaryEvent_CallAttemptReassignmentRequested", SdrQualification.Tasks.REASSIGN_SDR)
        .isWaitingAt(SdrQualification.Tasks.QUALIFY_LEAD);
    assertThat(task(qualification)).isAssignedTo("sara");

    // when sara lets it lapse too
    Instant reassignedAt = fire("BoundaryEvent_CallAttemptReassignmentDue", qualification);

    // then
    assertThat(task(qualification)).isAssignedTo("sam");
    assertTierTimers(qualification, reassignedAt, CALL);
    assertThat(slaTasks).containsExactly("create SDR_CALL_ATTEMPT sam", "delete SDR_CALL_ATTEMPT sam",
        "create SDR_CALL_ATTEMPT sara", "delete SDR_CALL_ATTEMPT sara", "create SDR_CALL_ATTEMPT sam");
  }

  @Test
  void aLeadNobodyCallsByTheRecycleTierGoesBackToMarketing() {
    // given
    ProcessInstance qualification = startQualification();

    // when
    fire("BoundaryEvent_CallAttemptRecycleDue", qualification);

    // then
    assertThat(qualification).isEnded().hasPassed("Task_RecordCallAttemptRecycling",
            "BoundaryEvent_CallAttemptRecycleRequested", SdrQualification.Events.LEAD_RECYCLED_NEVER_CALLED)
        .hasNotPassed(SdrQualification.Tasks.RECORD_CALL_OUTCOME);
    assertThat(historicVariable(qualification, LeadVariables.QUALIFICATION)).isEqualTo("RECYCLE");
    assertThat(historicVariable(qualification, LeadVariables.RECYCLE_REASON)).isEqualTo("SLA_SDR_CALL_ATTEMPT");
  }

  @Test
  void aHandRaisersCallTiersFollowTheHandRaiserRowOfTheSlaPolicy() {
    // given
    leadFacts.put(LEAD, TestSlaPolicies.HAND_RAISER);

    // when
    ProcessInstance qualification = startQualification();

    // then
    assertThat(task(qualification)).hasDueDate(Date.from(NOW.plus(Duration.ofHours(1))));
    assertTierTimers(qualification, NOW, TestSlaPolicies.HAND_RAISER_ROWS.get(SlaType.SDR_CALL_ATTEMPT));
  }

  private ProcessInstance startQualification() {
    return runtimeService().createProcessInstanceByKey(SdrQualification.KEY)
        .businessKey(LEAD)
        .setVariables(LeadVariables.LEAD_ID.with(LEAD))
        .execute();
  }

  /** The supervisor's review called by the qualification (uncalled-lead-review), open. */
  private static ProcessInstance review(ProcessInstance qualification) {
    return assertThat(qualification).calledProcessInstance(UncalledLeadReview.KEY).isNotEnded().getActual();
  }

  private Instant fire(String boundaryEvent, ProcessInstance qualification) {
    Job timer = job(boundaryEvent, qualification);
    engine.setCurrentTime(timer.getDuedate());
    execute(timer);
    return timer.getDuedate().toInstant();
  }

  private static void assertTierTimers(ProcessInstance qualification, Instant start, SlaTerms terms) {
    Map<String, Duration> tiers = Map.of("ReminderDue", terms.remindAfter(), "SlaDue", terms.dueAfter(),
        "EscalationDue", terms.escalateAfter(), "ReassignmentDue", terms.reassignAfter(),
        "RecycleDue", terms.recycleAfter());
    tiers.forEach((tier, after) -> assertThat(job("BoundaryEvent_CallAttempt" + tier, qualification).getDuedate())
        .as(tier).isEqualTo(Date.from(start.plus(after))));
  }

  private static Object historicVariable(ProcessInstance instance, ProcessVariable<?> variable) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(variable.name()).singleResult().getValue();
  }
}
