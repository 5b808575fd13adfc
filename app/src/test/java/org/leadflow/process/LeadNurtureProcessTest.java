package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadflow.config.LeadProperties;
import org.leadflow.sla.NurturePolicy;

/**
 * Paths of lead-nurture (each has one test):
 * <ol>
 *   <li>enrolled → the lead engages (Msg_LeadEngaged by business key, with engagementType) → re-scored over
 *       the threshold → EndEvent_ThresholdReached → EndEvent_LeadBecameMql (nurtureOutcome MQL)
 *   <li>enrolled → an engagement re-scores the lead below the threshold → it waits again (loop)
 *   <li>enrolled → Event_RescoreIntervalElapsed re-scores below the threshold, loops with a fresh interval
 *       (the nurture expiry keeps its original due date) → the next interval reaches the threshold → MQL
 *   <li>enrolled → BoundaryEvent_NurtureExpired → Task_CloseLeadAsDormant (NURTURE_EXPIRED) →
 *       EndEvent_LeadWentDormant (nurtureOutcome stays NURTURING)
 * </ol>
 */
@Deployment(resources = {"processes/lead-nurture.bpmn", SalesReadyTable.RESOURCE})
class LeadNurtureProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, LeadNurture.KEY);

  private static final LeadProperties PROPERTIES = LeadProperties.defaults();
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final String LEAD = "lead-nurture-1";
  /** The threshold is the lead-sales-ready table's, deployed with the model. */
  private final SalesReadyTable salesReadyTable = new SalesReadyTable(engine.getRepositoryService());

  /** Scores the stubbed re-scoring returns, in order. */
  private final Deque<Integer> nextScores = new ArrayDeque<>();
  /** What woke each re-score: the engagementType, or INTERVAL when there was none. */
  private final List<String> rescoreTriggers = new ArrayList<>();
  private final List<String> dormantReasons = new ArrayList<>();

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("nurturePolicy", new NurturePolicy(PROPERTIES));
    Mocks.register("enrolInNurtureDelegate", (JavaDelegate) execution ->
        LeadVariables.NURTURE_OUTCOME.set(execution, LeadNurture.OUTCOME_NURTURING));
    Mocks.register("rescoreLeadDelegate", (JavaDelegate) execution -> {
      rescoreTriggers.add(LeadVariables.ENGAGEMENT_TYPE.find(execution).orElse("INTERVAL"));
      execution.removeVariable(LeadVariables.ENGAGEMENT_TYPE.name());
      int score = nextScores.remove();
      boolean salesReady = salesReadyTable.salesReady(score);
      LeadVariables.LEAD_SCORE.set(execution, score);
      LeadVariables.SALES_READY.set(execution, salesReady);
      if (salesReady) {
        LeadVariables.NURTURE_OUTCOME.set(execution, LeadNurture.OUTCOME_MQL);
      }
    });
    Mocks.register("closeLeadAsDormantDelegate", (JavaDelegate) execution ->
        dormantReasons.add(LeadVariables.DORMANT_REASON.get(execution)));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void anEngagementThatReachesTheThresholdMakesTheLeadAnMql() {
    // given
    ProcessInstance nurture = startNurture();
    assertThat(nurture).hasPassed(LeadNurture.Tasks.ENROL_IN_NURTURE)
        .isWaitingAt(LeadNurture.Gateways.WHAT_HAPPENS_NEXT)
        .isWaitingFor(LeadNurture.Messages.LEAD_ENGAGED);
    assertThat(variable(nurture, LeadVariables.NURTURE_OUTCOME)).isEqualTo(LeadNurture.OUTCOME_NURTURING);
    nextScores.add(salesReadyTable.threshold());

    // when
    engage("RESUBMISSION_DEMO_REQUEST");

    // then
    assertThat(nurture).isEnded()
        .hasPassedInOrder(LeadNurture.Events.LEAD_ENGAGED, LeadNurture.Tasks.RESCORE_LEAD,
            LeadNurture.Gateways.THRESHOLD_REACHED, LeadNurture.Events.LEAD_BECAME_MQL)
        .hasPassed(LeadNurture.Tasks.NURTURE_LOOP)
        .hasNotPassed(LeadNurture.Events.RESCORE_INTERVAL_ELAPSED, LeadNurture.Events.NURTURE_EXPIRED);
    assertThat(rescoreTriggers).containsExactly("RESUBMISSION_DEMO_REQUEST");
    assertThat(historicVariable(nurture, LeadVariables.NURTURE_OUTCOME)).isEqualTo(LeadNurture.OUTCOME_MQL);
    assertThat(historicVariable(nurture, LeadVariables.SALES_READY)).isEqualTo(true);
  }

  @Test
  void anEngagementBelowTheThresholdKeepsTheLeadInNurture() {
    // given
    ProcessInstance nurture = startNurture();
    nextScores.add(salesReadyTable.threshold() - 10);

    // when
    engage("RESUBMISSION_CONTENT_DOWNLOAD");

    // then
    assertThat(nurture).hasPassed(LeadNurture.Events.LEAD_ENGAGED, LeadNurture.Tasks.RESCORE_LEAD)
        .isWaitingAt(LeadNurture.Gateways.WHAT_HAPPENS_NEXT)
        .isWaitingFor(LeadNurture.Messages.LEAD_ENGAGED);
    assertThat(variable(nurture, LeadVariables.NURTURE_OUTCOME)).isEqualTo(LeadNurture.OUTCOME_NURTURING);
    assertThat(variable(nurture, LeadVariables.ENGAGEMENT_TYPE)).as("consumed by the re-score").isNull();
    assertThat(rescoreTriggers).containsExactly("RESUBMISSION_CONTENT_DOWNLOAD");
  }

  @Test
  void theRescoreIntervalRescoresTheLeadUntilItReachesTheThreshold() {
    // given
    ProcessInstance nurture = startNurture();
    Job firstInterval = job(LeadNurture.Events.RESCORE_INTERVAL_ELAPSED, nurture);
    assertThat(firstInterval.getDuedate())
        .isEqualTo(Date.from(NOW.plus(PROPERTIES.nurture().rescoreInterval())));
    nextScores.add(salesReadyTable.threshold() - 10);
    nextScores.add(salesReadyTable.threshold());

    // when
    engine.setCurrentTime(firstInterval.getDuedate());
    execute(firstInterval);

    // then
    assertThat(nurture).isWaitingAt(LeadNurture.Gateways.WHAT_HAPPENS_NEXT);
    Instant firstRescore = firstInterval.getDuedate().toInstant();
    Job secondInterval = job(LeadNurture.Events.RESCORE_INTERVAL_ELAPSED, nurture);
    assertThat(secondInterval.getDuedate())
        .isEqualTo(Date.from(firstRescore.plus(PROPERTIES.nurture().rescoreInterval())));
    assertThat(job(LeadNurture.Events.NURTURE_EXPIRED, nurture).getDuedate())
        .as("the nurture period runs from enrolment, not from the last re-score")
        .isEqualTo(Date.from(NOW.plus(PROPERTIES.nurture().maximumDuration())));

    // when
    execute(secondInterval);

    // then
    assertThat(nurture).isEnded().hasPassed(LeadNurture.Events.RESCORE_INTERVAL_ELAPSED,
        LeadNurture.Events.LEAD_BECAME_MQL);
    assertThat(rescoreTriggers).containsExactly("INTERVAL", "INTERVAL");
    assertThat(historicVariable(nurture, LeadVariables.NURTURE_OUTCOME)).isEqualTo(LeadNurture.OUTCOME_MQL);
  }

  @Test
  void aLeadThatNeverReachesTheThresholdGoesDormantWhenTheNurturePeriodExpires() {
    // given
    ProcessInstance nurture = startNurture();
    Job expiry = job(LeadNurture.Events.NURTURE_EXPIRED, nurture);
    assertThat(expiry.getDuedate()).isEqualTo(Date.from(NOW.plus(PROPERTIES.nurture().maximumDuration())));

    // when
    engine.setCurrentTime(expiry.getDuedate());
    execute(expiry);

    // then
    assertThat(nurture).isEnded()
        .hasPassedInOrder(LeadNurture.Events.NURTURE_EXPIRED, LeadNurture.Tasks.CLOSE_LEAD_AS_DORMANT,
            LeadNurture.Events.LEAD_WENT_DORMANT)
        .hasNotPassed(LeadNurture.Tasks.RESCORE_LEAD, LeadNurture.Events.LEAD_BECAME_MQL);
    assertThat(dormantReasons).containsExactly("NURTURE_EXPIRED");
    assertThat(historicVariable(nurture, LeadVariables.NURTURE_OUTCOME))
        .isEqualTo(LeadNurture.OUTCOME_NURTURING);
  }

  private ProcessInstance startNurture() {
    return runtimeService().createProcessInstanceByKey(LeadNurture.KEY)
        .businessKey(LEAD)
        .setVariables(LeadVariables.LEAD_ID.with(LEAD))
        .execute();
  }

  /** As LeadCaptureService does when the contact comes back. */
  private void engage(String engagementType) {
    runtimeService().createMessageCorrelation(LeadNurture.Messages.LEAD_ENGAGED)
        .processInstanceBusinessKey(LEAD)
        .setVariable(LeadVariables.ENGAGEMENT_TYPE.name(), engagementType)
        .correlateWithResult();
  }

  private static Object variable(ProcessInstance instance, ProcessVariable<?> variable) {
    return runtimeService().getVariable(instance.getId(), variable.name());
  }

  private static Object historicVariable(ProcessInstance instance, ProcessVariable<?> variable) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(variable.name()).singleResult().getValue();
  }
}
