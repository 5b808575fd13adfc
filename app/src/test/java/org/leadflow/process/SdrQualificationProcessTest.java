package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Instant;
import java.util.Date;
import java.util.function.BiConsumer;
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
import org.leadflow.sla.SlaPolicy;

/**
 * Paths of sdr-qualification (each has one test):
 * <ol>
 *   <li>Task_AssignSdr routes the MQL to an SDR, who gets the task (candidate group sdr kept); with nobody
 *       eligible the task waits unassigned in the SDR queue
 *   <li>the SDR reaches the contact on the first call and gives a verdict (SALES_READY, RECYCLE, INVALID or
 *       DISQUALIFIED) → EndEvent_LeadQualified with that verdict
 *   <li>no answer → Event_NextCallAttemptDue (retry interval) → second call reaches the contact → verdict
 *   <li>no answer on every allowed attempt, the cadence timer fired between attempts →
 *       Task_MarkLeadUnreachable → EndEvent_LeadUnreachable (verdict INVALID, UNREACHABLE)
 *   <li>the call attempt is overdue: BoundaryEvent_CallAttemptOverdue (non-interrupting) →
 *       Task_RecordCallAttemptSlaBreach → EndEvent_CallAttemptSlaBreachRecorded, while the SDR still calls
 * </ol>
 */
@Deployment(resources = {"processes/sdr-qualification.bpmn", "forms/sdr-qualify-lead.form"})
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

  @SuppressWarnings("unchecked")
  private final BiConsumer<String, String> slaEvent = mock(BiConsumer.class);
  /** Whom Task_AssignSdr picks (null: nobody eligible). */
  private String sdrOnDuty = "sam";

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("slaPolicy", new SlaPolicy(PROPERTIES));
    Mocks.register("sdrPolicy", new SdrPolicy(PROPERTIES));
    Mocks.register("leadContextTaskListener",
        (TaskListener) task -> LeadVariables.LEAD_SUMMARY.setLocal(task, "Ada Lovelace, Analytical Engines Ltd"));
    Mocks.register("recordCallOutcomeDelegate", (JavaDelegate) execution -> LeadVariables.CALL_ATTEMPTS.set(
        execution, LeadVariables.CALL_ATTEMPTS.getOrDefault(execution, 0) + 1));
    Mocks.register("markLeadUnreachableDelegate", (JavaDelegate) execution -> {
      LeadVariables.QUALIFICATION.set(execution, "INVALID");
      LeadVariables.INVALID_REASON.set(execution, "UNREACHABLE");
    });
    Mocks.register("assignSdrDelegate", (JavaDelegate) execution -> LeadVariables.SDR_REP.set(execution, sdrOnDuty));
    Mocks.register("recordSlaEventDelegate", (JavaDelegate) execution -> slaEvent.accept(
        LeadVariables.SLA_TYPE.get(execution), LeadVariables.SLA_TIER.get(execution)));
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
        .hasDueDate(Date.from(NOW.plus(PROPERTIES.sla().sdrCallAttempt())));
    assertThat(taskService().getVariableLocal(call.getId(), LeadVariables.LEAD_SUMMARY.name())).isNotNull();
    assertThat(formService().getDeployedTaskForm(call.getId())).isNotNull();

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
    verifyNoInteractions(slaEvent);
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
  void anUnansweredCallIsRetriedAfterTheRetryIntervalWithAFreshCallSla() {
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
    assertThat(qualification).isWaitingAt(SdrQualification.Tasks.QUALIFY_LEAD);
    Instant retriedAt = nextAttempt.getDuedate().toInstant();
    assertThat(task(qualification)).hasDueDate(Date.from(retriedAt.plus(PROPERTIES.sla().sdrCallAttempt())));
    assertThat(job(SdrQualification.Events.CALL_ATTEMPT_OVERDUE, qualification).getDuedate())
        .isEqualTo(Date.from(retriedAt.plus(PROPERTIES.sla().sdrCallAttempt())));

    // when
    complete(task(qualification), withVariables(LeadVariables.CALL_OUTCOME.name(), "REACHED",
        LeadVariables.QUALIFICATION.name(), "SALES_READY"));

    // then
    assertThat(qualification).isEnded().hasPassed(SdrQualification.Events.LEAD_QUALIFIED);
    assertThat(historicVariable(qualification, LeadVariables.CALL_ATTEMPTS)).isEqualTo(2);
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
      assertThat(qualification).isWaitingAt(SdrQualification.Tasks.QUALIFY_LEAD);
    }
    complete(task(qualification), withVariables(LeadVariables.CALL_OUTCOME.name(), "NO_ANSWER"));

    // then
    assertThat(qualification).isEnded()
        .hasPassed(SdrQualification.Tasks.MARK_LEAD_UNREACHABLE, SdrQualification.Events.LEAD_UNREACHABLE)
        .hasNotPassed(SdrQualification.Events.LEAD_QUALIFIED);
    assertThat(historicVariable(qualification, LeadVariables.CALL_ATTEMPTS)).isEqualTo(maxAttempts);
    assertThat(historicVariable(qualification, LeadVariables.QUALIFICATION)).isEqualTo("INVALID");
    assertThat(historicVariable(qualification, LeadVariables.INVALID_REASON)).isEqualTo("UNREACHABLE");
    verifyNoInteractions(slaEvent);
  }

  @Test
  void anOverdueCallAttemptIsRecordedAsSlaBreachWhileTheSdrKeepsTheTask() {
    // given
    ProcessInstance qualification = startQualification();
    Job overdue = job(SdrQualification.Events.CALL_ATTEMPT_OVERDUE, qualification);
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(NOW.plus(PROPERTIES.sla().sdrCallAttempt())));

    // when
    engine.setCurrentTime(overdue.getDuedate());
    execute(overdue);

    // then
    assertThat(qualification).isWaitingAt(SdrQualification.Tasks.QUALIFY_LEAD)
        .hasPassed(SdrQualification.Events.CALL_ATTEMPT_OVERDUE,
            SdrQualification.Tasks.RECORD_CALL_ATTEMPT_SLA_BREACH,
            SdrQualification.Events.CALL_ATTEMPT_SLA_BREACH_RECORDED);
    verify(slaEvent).accept("SDR_CALL_ATTEMPT", "BREACH");
    verifyNoMoreInteractions(slaEvent);

    // when
    complete(task(qualification), withVariables(LeadVariables.CALL_OUTCOME.name(), "REACHED",
        LeadVariables.QUALIFICATION.name(), "DISQUALIFIED"));

    // then
    assertThat(qualification).isEnded().hasPassed(SdrQualification.Events.LEAD_QUALIFIED);
  }

  private ProcessInstance startQualification() {
    return runtimeService().createProcessInstanceByKey(SdrQualification.KEY)
        .businessKey(LEAD)
        .setVariables(LeadVariables.LEAD_ID.with(LEAD))
        .execute();
  }

  private static Object historicVariable(ProcessInstance instance, ProcessVariable<?> variable) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(variable.name()).singleResult().getValue();
  }
}
