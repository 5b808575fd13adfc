package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadflow.config.LeadProperties;
import org.leadflow.sla.RecyclePolicy;
import org.leadflow.sla.TestSlaPolicies;

/**
 * Paths of lead-lifecycle (each has one test). The called processes are one-task stubs with the real keys,
 * deployed together with the lifecycle (the call activities bind by deployment); a test completes a stub's
 * task with the variables the real sub-process would leave, and the call activity's mappings carry them.
 * The sub-processes have their own tests.
 * <ol>
 *   <li>captured → Task_CheckLeadValidity finds it invalid → EndEvent_LeadInvalid
 *   <li>a DEMO_REQUEST hand-raiser is sales-ready at once → straight to the SDR (no nurture) → SALES_READY →
 *       sales follow-up (opportunity) → opportunity won → Task_ReviewWinLoss → EndEvent_LeadWon
 *   <li>low score → nurture → MQL → SDR → sales → opportunity lost → Task_ReviewWinLoss → EndEvent_LeadLost
 *   <li>low score → nurture ends dormant → EndEvent_LeadDormant
 *   <li>SDR verdict DISQUALIFIED → EndEvent_LeadDisqualified
 *   <li>SDR verdict INVALID (e.g. unreachable) → EndEvent_LeadInvalid
 *   <li>SDR verdict RECYCLE → Gateway_RecycleAllowed → Task_RecycleLead → back into nurture
 *   <li>the rep rejects the lead (acceptance RECYCLE) → the out mapping makes salesOutcome RECYCLE →
 *       Task_RecycleLead → back into nurture
 *   <li>the rep accepts and recycles after first contact → Task_RecycleLead → back into nurture
 *   <li>the rep disqualifies after first contact → EndEvent_LeadDisqualified
 *   <li>recycled until the recycle cap → Task_CloseLeadAsDormant (RECYCLE_LIMIT_REACHED) → EndEvent_LeadDormant
 * </ol>
 */
class LeadLifecycleProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, LeadLifecycle.KEY);

  /** The one user task of every stubbed sub-process. */
  private static final String STUB_TASK = "Task_StubbedSubProcess";

  private static final LeadProperties PROPERTIES = LeadProperties.defaults();
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final String LEAD = "lead-lifecycle-1";
  private static final String REP = "rep-anna";

  private final List<String> recycleReasons = new ArrayList<>();
  private final List<String> dormantReasons = new ArrayList<>();

  @BeforeEach
  void deployTheLifecycleWithStubbedSubProcesses() {
    Deployment deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/lead-lifecycle.bpmn")
        .addClasspathResource(SalesReadyTable.RESOURCE)
        .addClasspathResource("forms/marketing-review-win-loss.form")
        .addClasspathResource(TestSlaPolicies.TABLE)
        .addModelInstance(LeadNurture.KEY + ".bpmn", stub(LeadNurture.KEY))
        .addModelInstance(SdrQualification.KEY + ".bpmn", stub(SdrQualification.KEY))
        .addModelInstance(SalesFollowUp.KEY + ".bpmn", stub(SalesFollowUp.KEY))
        .addModelInstance(Opportunity.KEY + ".bpmn", stub(Opportunity.KEY))
        .deploy();
    engine.manageDeployment(deployment);
  }

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("slaPolicy", TestSlaPolicies.fromTable(engine.getRepositoryService(), Map.of()));
    Mocks.register("recyclePolicy", new RecyclePolicy(PROPERTIES));
    Mocks.register("leadContextTaskListener",
        (TaskListener) task -> LeadVariables.LEAD_SUMMARY.setLocal(task, "Ada Lovelace, Analytical Engines Ltd"));
    Mocks.register("checkLeadValidityDelegate", (JavaDelegate) execution ->
        LeadVariables.LEAD_VALID.set(execution, true));
    Mocks.register("scoreLeadDelegate", (JavaDelegate) execution -> {
      boolean handRaiser = "DEMO_REQUEST".equals(LeadVariables.INTENT.get(execution));
      int threshold = new SalesReadyTable(engine.getRepositoryService()).threshold();
      LeadVariables.LEAD_SCORE.set(execution, handRaiser ? threshold + 20 : threshold - 30);
      LeadVariables.SALES_READY.set(execution, handRaiser);
    });
    Mocks.register("recycleLeadDelegate", (JavaDelegate) execution -> {
      recycleReasons.add(LeadVariables.RECYCLE_REASON.getOrDefault(execution, "UNSPECIFIED"));
      LeadVariables.RECYCLE_COUNT.set(execution, LeadVariables.RECYCLE_COUNT.getOrDefault(execution, 0) + 1);
    });
    Mocks.register("closeLeadAsDormantDelegate", (JavaDelegate) execution ->
        dormantReasons.add(LeadVariables.DORMANT_REASON.get(execution)));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void anInvalidLeadEndsRightAfterTheValidityCheck() {
    // given
    Mocks.register("checkLeadValidityDelegate", (JavaDelegate) execution -> {
      LeadVariables.LEAD_VALID.set(execution, false);
      LeadVariables.INVALID_REASON.set(execution, "SPAM");
    });

    // when
    ProcessInstance lifecycle = captureLead("INQUIRY");

    // then
    assertThat(lifecycle).isEnded()
        .hasPassedInOrder(LeadLifecycle.Tasks.CHECK_LEAD_VALIDITY, LeadLifecycle.Gateways.LEAD_VALID,
            LeadLifecycle.Events.LEAD_INVALID)
        .hasNotPassed(LeadLifecycle.Tasks.SCORE_LEAD);
  }

  @Test
  void aDemoRequestGoesStraightToTheSdrAndEndsAsAWonDeal() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");
    assertThat(lifecycle).hasPassed(LeadLifecycle.Tasks.SCORE_LEAD)
        .isWaitingAt(LeadLifecycle.Tasks.QUALIFY_WITH_SDR);
    assertThat(calledProcessInstance(SdrQualification.KEY, lifecycle)).hasBusinessKey(LEAD)
        .hasVariables(LeadVariables.LEAD_ID.name());

    // when
    sdrQualifies("SALES_READY");
    assertThat(calledProcessInstance(SalesFollowUp.KEY, lifecycle)).hasBusinessKey(LEAD)
        .hasVariables(LeadVariables.LEAD_ID.name());
    salesFollowUpEnds("ACCEPTED", "OPPORTUNITY");
    ProcessInstance opportunity = calledProcessInstance(Opportunity.KEY, lifecycle);
    assertThat(opportunity).hasBusinessKey(LEAD);
    assertThat(runtimeService().getVariable(opportunity.getId(), LeadVariables.SALES_REP.name())).isEqualTo(REP);
    opportunityCloses("WON");

    // then
    assertThat(lifecycle).isWaitingAt(LeadLifecycle.Tasks.REVIEW_WIN_LOSS);
    Task review = task(lifecycle);
    assertThat(review).hasCandidateGroup("marketing")
        .hasDueDate(Date.from(NOW.plus(PROPERTIES.sla().winLossReview())));
    assertThat(taskService().getVariableLocal(review.getId(), LeadVariables.LEAD_SUMMARY.name())).isNotNull();
    assertThat(formService().getDeployedTaskForm(review.getId())).isNotNull();

    // when
    complete(review, withVariables(LeadVariables.REVIEW_FINDING.name(), "NOTHING_TO_CHANGE"));

    // then
    assertThat(lifecycle).isEnded()
        .hasPassedInOrder(LeadLifecycle.Gateways.SALES_READY, LeadLifecycle.Tasks.QUALIFY_WITH_SDR,
            LeadLifecycle.Tasks.FOLLOW_UP_WITH_SALES, LeadLifecycle.Tasks.WORK_OPPORTUNITY,
            LeadLifecycle.Tasks.REVIEW_WIN_LOSS, LeadLifecycle.Gateways.OPPORTUNITY_WON,
            LeadLifecycle.Events.LEAD_WON)
        .hasNotPassed(LeadLifecycle.Tasks.NURTURE_LEAD);
  }

  @Test
  void aLowScoringLeadIsNurturedToMqlAndEndsAsALostDeal() {
    // given
    ProcessInstance lifecycle = captureLead("CONTENT_DOWNLOAD");
    assertThat(lifecycle).isWaitingAt(LeadLifecycle.Tasks.NURTURE_LEAD);
    assertThat(calledProcessInstance(LeadNurture.KEY, lifecycle)).hasBusinessKey(LEAD)
        .hasVariables(LeadVariables.LEAD_ID.name());

    // when
    nurtureEnds(LeadNurture.OUTCOME_MQL);
    sdrQualifies("SALES_READY");
    salesFollowUpEnds("ACCEPTED", "OPPORTUNITY");
    opportunityCloses("LOST");
    complete(task(lifecycle), withVariables(LeadVariables.REVIEW_FINDING.name(), "ADJUST_SCORING"));

    // then
    assertThat(lifecycle).isEnded()
        .hasPassedInOrder(LeadLifecycle.Tasks.NURTURE_LEAD, LeadLifecycle.Gateways.NURTURE_OUTCOME,
            LeadLifecycle.Tasks.QUALIFY_WITH_SDR, LeadLifecycle.Gateways.QUALIFICATION_OUTCOME,
            LeadLifecycle.Tasks.FOLLOW_UP_WITH_SALES, LeadLifecycle.Gateways.SALES_OUTCOME,
            LeadLifecycle.Tasks.WORK_OPPORTUNITY, LeadLifecycle.Tasks.REVIEW_WIN_LOSS,
            LeadLifecycle.Events.LEAD_LOST)
        .hasNotPassed(LeadLifecycle.Events.LEAD_WON);
  }

  @Test
  void aLeadThatGoesDormantInNurtureEndsDormant() {
    // given
    ProcessInstance lifecycle = captureLead("NEWSLETTER");

    // when
    nurtureEnds(LeadNurture.OUTCOME_NURTURING);

    // then
    assertThat(lifecycle).isEnded().hasPassed(LeadLifecycle.Events.LEAD_DORMANT)
        .hasNotPassed(LeadLifecycle.Tasks.QUALIFY_WITH_SDR, LeadLifecycle.Tasks.CLOSE_LEAD_AS_DORMANT);
    assertThat(dormantReasons).as("lead-nurture closed it already").isEmpty();
  }

  @Test
  void aLeadTheSdrDisqualifiesEndsDisqualified() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");

    // when
    sdrQualifies("DISQUALIFIED");

    // then
    assertThat(lifecycle).isEnded().hasPassed(LeadLifecycle.Events.LEAD_DISQUALIFIED)
        .hasNotPassed(LeadLifecycle.Tasks.FOLLOW_UP_WITH_SALES);
  }

  @Test
  void aLeadTheSdrFindsInvalidEndsInvalid() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");

    // when
    sdrQualifies("INVALID");

    // then
    assertThat(lifecycle).isEnded().hasPassed(LeadLifecycle.Tasks.QUALIFY_WITH_SDR, LeadLifecycle.Events.LEAD_INVALID)
        .hasNotPassed(LeadLifecycle.Tasks.FOLLOW_UP_WITH_SALES);
  }

  @Test
  void aLeadTheSdrRecyclesGoesBackIntoNurture() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");

    // when
    sdrQualifies("RECYCLE", "NOT_NOW");

    // then
    assertThat(lifecycle).hasPassed(LeadLifecycle.Gateways.RECYCLE_ALLOWED, LeadLifecycle.Tasks.RECYCLE_LEAD)
        .isWaitingAt(LeadLifecycle.Tasks.NURTURE_LEAD);
    assertThat(recycleReasons).containsExactly("NOT_NOW");
    assertThat(variable(lifecycle, LeadVariables.RECYCLE_COUNT)).isEqualTo(1);
  }

  @Test
  void aLeadTheRepRejectsIsRecycledThroughTheCallActivitysOutMapping() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");
    sdrQualifies("SALES_READY");

    // when
    complete(stubTask(SalesFollowUp.KEY), withVariables(LeadVariables.ACCEPTANCE.name(), "RECYCLE",
        LeadVariables.RECYCLE_REASON.name(), "NOT_SALES_READY", LeadVariables.SALES_REP.name(), REP));

    // then
    assertThat(variable(lifecycle, LeadVariables.SALES_OUTCOME)).isEqualTo("RECYCLE");
    assertThat(lifecycle).hasPassed(LeadLifecycle.Gateways.SALES_OUTCOME, LeadLifecycle.Tasks.RECYCLE_LEAD)
        .isWaitingAt(LeadLifecycle.Tasks.NURTURE_LEAD);
    assertThat(recycleReasons).containsExactly("NOT_SALES_READY");
  }

  @Test
  void aLeadTheRepRecyclesAfterFirstContactGoesBackIntoNurture() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");
    sdrQualifies("SALES_READY");

    // when
    salesFollowUpEnds("ACCEPTED", "RECYCLE");

    // then
    assertThat(lifecycle).hasPassed(LeadLifecycle.Tasks.RECYCLE_LEAD).isWaitingAt(LeadLifecycle.Tasks.NURTURE_LEAD);
  }

  @Test
  void aDealNobodyFollowedUpIsRecycledWithTheSlaReasonInsteadOfReviewedAsClosed() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");
    sdrQualifies("SALES_READY");
    salesFollowUpEnds("ACCEPTED", "OPPORTUNITY");

    // when
    complete(stubTask(Opportunity.KEY), withVariables(LeadVariables.OPPORTUNITY_OUTCOME.name(), "RECYCLE",
        LeadVariables.RECYCLE_REASON.name(), "SLA_OPPORTUNITY_FOLLOW_UP"));

    // then
    assertThat(lifecycle).hasPassed(LeadLifecycle.Gateways.OPPORTUNITY_OUTCOME, LeadLifecycle.Tasks.RECYCLE_LEAD)
        .hasNotPassed(LeadLifecycle.Tasks.REVIEW_WIN_LOSS)
        .isWaitingAt(LeadLifecycle.Tasks.NURTURE_LEAD);
    assertThat(recycleReasons).containsExactly("SLA_OPPORTUNITY_FOLLOW_UP");
  }

  @Test
  void aLeadTheRepDisqualifiesAfterFirstContactEndsDisqualified() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");
    sdrQualifies("SALES_READY");

    // when
    salesFollowUpEnds("ACCEPTED", "DISQUALIFIED");

    // then
    assertThat(lifecycle).isEnded()
        .hasPassedInOrder(LeadLifecycle.Tasks.FOLLOW_UP_WITH_SALES, LeadLifecycle.Gateways.SALES_OUTCOME,
            LeadLifecycle.Events.LEAD_DISQUALIFIED)
        .hasNotPassed(LeadLifecycle.Tasks.WORK_OPPORTUNITY);
  }

  @Test
  void aLeadRecycledUpToTheCapClosesAsDormant() {
    // given
    ProcessInstance lifecycle = captureLead("DEMO_REQUEST");
    int maxRecycles = PROPERTIES.recycle().maxRecycles();

    // when
    for (int recycle = 1; recycle <= maxRecycles; recycle++) {
      sdrQualifies("RECYCLE", "NOT_NOW");
      assertThat(lifecycle).isWaitingAt(LeadLifecycle.Tasks.NURTURE_LEAD);
      nurtureEnds(LeadNurture.OUTCOME_MQL);
    }
    sdrQualifies("SALES_READY");
    complete(stubTask(SalesFollowUp.KEY), withVariables(LeadVariables.ACCEPTANCE.name(), "RECYCLE",
        LeadVariables.RECYCLE_REASON.name(), "WRONG_TERRITORY", LeadVariables.SALES_REP.name(), REP));

    // then
    assertThat(lifecycle).isEnded()
        .hasPassed(LeadLifecycle.Tasks.CLOSE_LEAD_AS_DORMANT, LeadLifecycle.Events.LEAD_DORMANT);
    assertThat(recycleReasons).hasSize(maxRecycles);
    assertThat(dormantReasons).containsExactly("RECYCLE_LIMIT_REACHED");
    assertThat(historicVariable(lifecycle, LeadVariables.RECYCLE_COUNT)).isEqualTo(maxRecycles);
  }

  /** As LeadCaptureService starts it: business key and leadId are the lead's id. */
  private ProcessInstance captureLead(String intent) {
    return runtimeService().createProcessInstanceByKey(LeadLifecycle.KEY)
        .businessKey(LEAD)
        .setVariables(LeadVariables.LEAD_ID.with(LEAD))
        .setVariable(LeadVariables.INTENT.name(), intent)
        .setVariable(LeadVariables.RECYCLE_COUNT.name(), 0)
        .execute();
  }

  private void nurtureEnds(String nurtureOutcome) {
    complete(stubTask(LeadNurture.KEY), withVariables(LeadVariables.NURTURE_OUTCOME.name(), nurtureOutcome));
  }

  private void sdrQualifies(String qualification) {
    complete(stubTask(SdrQualification.KEY), withVariables(LeadVariables.QUALIFICATION.name(), qualification));
  }

  private void sdrQualifies(String qualification, String recycleReason) {
    complete(stubTask(SdrQualification.KEY), withVariables(LeadVariables.QUALIFICATION.name(), qualification,
        LeadVariables.RECYCLE_REASON.name(), recycleReason));
  }

  private void salesFollowUpEnds(String acceptance, String salesOutcome) {
    complete(stubTask(SalesFollowUp.KEY), withVariables(LeadVariables.ACCEPTANCE.name(), acceptance,
        LeadVariables.SALES_OUTCOME.name(), salesOutcome, LeadVariables.SALES_REP.name(), REP));
  }

  private void opportunityCloses(String opportunityOutcome) {
    complete(stubTask(Opportunity.KEY),
        withVariables(LeadVariables.OPPORTUNITY_OUTCOME.name(), opportunityOutcome));
  }

  /** The waiting task of the lead's stubbed sub-process, found by the business key it was given. */
  private static Task stubTask(String processKey) {
    Task task = taskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(LEAD).singleResult();
    assertThat(task).as("%s is running for %s", processKey, LEAD).isNotNull();
    return task;
  }

  private static BpmnModelInstance stub(String processKey) {
    return Bpmn.createExecutableProcess(processKey)
        .name("Stub of " + processKey)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask(STUB_TASK)
        .endEvent()
        .done();
  }

  private static Object variable(ProcessInstance instance, ProcessVariable<?> variable) {
    return runtimeService().getVariable(instance.getId(), variable.name());
  }

  private static Object historicVariable(ProcessInstance instance, ProcessVariable<?> variable) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(variable.name()).singleResult().getValue();
  }
}
