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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.config.LeadProperties;
import org.leadflow.sla.OpportunityPolicy;
import org.leadflow.sla.SlaFacts;
import org.leadflow.sla.SlaTerms;
import org.leadflow.sla.SlaType;
import org.leadflow.sla.TestSlaPolicies;

/**
 * Paths of opportunity (each has one test):
 * <ol>
 *   <li>opened at TOP → the rep moves it to MIDDLE, then BOTTOM (the update loop, each round with the new
 *       position's dwell limit) → won → EndEvent_OpportunityWon
 *   <li>opened → the rep marks it lost → EndEvent_OpportunityLost
 *   <li>for every funnel position: the deal sits longer than that position's dwell limit →
 *       BoundaryEvent_OpportunityStuck (non-interrupting) → Task_FlagStuckOpportunity → EndEvent_StuckFlagged,
 *       while the rep keeps the update task
 *   <li>each update task is due after the sla-policy's OPPORTUNITY_FOLLOW_UP row of the lead (APAC's is longer
 *       than the default's); its tiers, each fired by executing its timer job: reminder, breach, escalation to
 *       the rep's manager (Task_ReviewOverdueOpportunity: keep or reassign now → Task_ReassignOpportunity),
 *       the reassignment tier, and the recycle tier → EndEvent_OpportunityRecycled (opportunityOutcome RECYCLE)
 * </ol>
 */
@Deployment(resources = {"processes/opportunity.bpmn", "forms/sales-update-opportunity.form",
    "forms/sales-manager-review-overdue-lead.form", TestSlaPolicies.TABLE})
class OpportunityProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, Opportunity.KEY);

  private static final LeadProperties PROPERTIES = LeadProperties.defaults();
  private static final OpportunityPolicy DWELL = new OpportunityPolicy(PROPERTIES);
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final String LEAD = "lead-opportunity-1";
  private static final String REP = "rep-anna";
  private static final String OTHER_REP = "rep-ben";
  private static final String MANAGER = "manager-maria";
  private static final SlaTerms FOLLOW_UP = TestSlaPolicies.DEFAULT_ROWS.get(SlaType.OPPORTUNITY_FOLLOW_UP);

  /** The facts the sla-policy table sees per lead (others are a standard lead: the catch-all row). */
  private final Map<String, SlaFacts> leadFacts = new HashMap<>();

  /** The position OpenOpportunityDelegate reads from the first contact. */
  private String openingPosition = "TOP";
  /** Each recorded update as "position outcome". */
  private final List<String> recordedUpdates = new ArrayList<>();
  private final List<String> flaggedPositions = new ArrayList<>();
  private final List<String> tiers = new ArrayList<>();
  private final List<String> slaTasks = new ArrayList<>();

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("opportunityPolicy", DWELL);
    Mocks.register("slaPolicy", TestSlaPolicies.fromTable(engine.getRepositoryService(), leadFacts));
    Mocks.register("leadContextTaskListener",
        (TaskListener) task -> LeadVariables.LEAD_SUMMARY.setLocal(task, "Ada Lovelace, Analytical Engines Ltd"));
    Mocks.register("openOpportunityDelegate", (JavaDelegate) execution ->
        LeadVariables.FUNNEL_POSITION.set(execution, openingPosition));
    Mocks.register("recordOpportunityUpdateDelegate", (JavaDelegate) execution -> recordedUpdates.add(
        LeadVariables.FUNNEL_POSITION.get(execution) + " "
            + LeadVariables.OPPORTUNITY_OUTCOME.getOrDefault(execution, "OPEN")));
    Mocks.register("flagStuckOpportunityDelegate", (JavaDelegate) execution ->
        flaggedPositions.add(LeadVariables.FUNNEL_POSITION.get(execution)));
    Mocks.register("slaTaskListener", (TaskListener) task -> slaTasks.add(task.getEventName() + " "
        + LeadVariables.SLA_TYPE.get(task) + " " + task.getAssignee()));
    Mocks.register("assignSalesRepDelegate", (JavaDelegate) execution -> {
      LeadVariables.SALES_REP.set(execution, REP.equals(LeadVariables.SALES_REP.get(execution)) ? OTHER_REP : REP);
      execution.removeVariable(LeadVariables.MANAGER_DECISION.name());
    });
    Mocks.register("recordSlaEventDelegate", TestSlaPolicies.tierRecorder(tiers, MANAGER));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void theRepWorksTheDealDownTheFunnelUntilItIsWon() {
    // given
    ProcessInstance opportunity = startOpportunity();
    assertThat(opportunity).hasPassed(Opportunity.Tasks.OPEN_OPPORTUNITY)
        .isWaitingAt(Opportunity.Tasks.UPDATE_OPPORTUNITY);
    Task update = task(opportunity);
    assertThat(update).isAssignedTo(REP).hasCandidateGroupAssociated("sales").hasDueDate(followUpDue(NOW));
    assertThat(taskService().getVariableLocal(update.getId(), LeadVariables.LEAD_SUMMARY.name())).isNotNull();
    assertThat(formService().getDeployedTaskForm(update.getId())).isNotNull();

    // when
    Instant movedToMiddle = NOW.plus(Duration.ofDays(3));
    engine.setCurrentTime(Date.from(movedToMiddle));
    complete(update, withVariables(LeadVariables.FUNNEL_POSITION.name(), "MIDDLE",
        LeadVariables.OPPORTUNITY_OUTCOME.name(), "OPEN", LeadVariables.DEAL_VALUE.name(), 12_000L));

    // then
    assertThat(opportunity).isWaitingAt(Opportunity.Tasks.UPDATE_OPPORTUNITY);
    assertThat(task(opportunity)).isAssignedTo(REP).hasDueDate(followUpDue(movedToMiddle));
    assertThat(job(Opportunity.Events.OPPORTUNITY_STUCK, opportunity).getDuedate())
        .isEqualTo(dueAfterDwell("MIDDLE", movedToMiddle));

    // when
    Instant movedToBottom = movedToMiddle.plus(Duration.ofDays(5));
    engine.setCurrentTime(Date.from(movedToBottom));
    complete(task(opportunity), withVariables(LeadVariables.FUNNEL_POSITION.name(), "BOTTOM",
        LeadVariables.OPPORTUNITY_OUTCOME.name(), "OPEN"));

    // then
    assertThat(task(opportunity)).hasDueDate(followUpDue(movedToBottom));
    assertThat(job(Opportunity.Events.OPPORTUNITY_STUCK, opportunity).getDuedate())
        .isEqualTo(dueAfterDwell("BOTTOM", movedToBottom));

    // when
    complete(task(opportunity), withVariables(LeadVariables.OPPORTUNITY_OUTCOME.name(), "WON",
        LeadVariables.CLOSE_REASON.name(), "PRODUCT_FIT", LeadVariables.NEW_CUSTOMER.name(), true));

    // then
    assertThat(opportunity).isEnded().hasPassed(Opportunity.Events.OPPORTUNITY_WON)
        .hasNotPassed(Opportunity.Events.OPPORTUNITY_LOST, Opportunity.Events.OPPORTUNITY_STUCK);
    assertThat(recordedUpdates).containsExactly("MIDDLE OPEN", "BOTTOM OPEN", "BOTTOM WON");
  }

  @Test
  void aLostDealEndsTheOpportunityAsLost() {
    // given
    ProcessInstance opportunity = startOpportunity();

    // when
    complete(task(opportunity), withVariables(LeadVariables.OPPORTUNITY_OUTCOME.name(), "LOST",
        LeadVariables.CLOSE_REASON.name(), "PRICE"));

    // then
    assertThat(opportunity).isEnded()
        .hasPassedInOrder(Opportunity.Tasks.UPDATE_OPPORTUNITY, Opportunity.Tasks.RECORD_OPPORTUNITY_UPDATE,
            Opportunity.Events.OPPORTUNITY_LOST)
        .hasNotPassed(Opportunity.Events.OPPORTUNITY_WON);
    assertThat(recordedUpdates).containsExactly("TOP LOST");
  }

  @ParameterizedTest(name = "position {0}")
  @ValueSource(strings = {"TOP", "MIDDLE", "BOTTOM"})
  void aDealThatOutstaysItsPositionsDwellLimitIsFlaggedAsStuck(String position) {
    // given
    openingPosition = position;
    ProcessInstance opportunity = startOpportunity();
    Job stuck = job(Opportunity.Events.OPPORTUNITY_STUCK, opportunity);
    assertThat(stuck.getDuedate()).isEqualTo(dueAfterDwell(position, NOW));
    assertThat(task(opportunity)).hasDueDate(followUpDue(NOW));

    // when
    engine.setCurrentTime(stuck.getDuedate());
    execute(stuck);

    // then
    assertThat(opportunity).isWaitingAt(Opportunity.Tasks.UPDATE_OPPORTUNITY)
        .hasPassed(Opportunity.Events.OPPORTUNITY_STUCK, Opportunity.Tasks.FLAG_STUCK_OPPORTUNITY);
    assertThat(flaggedPositions).containsExactly(position);

    // when
    complete(task(opportunity), withVariables(LeadVariables.OPPORTUNITY_OUTCOME.name(), "LOST",
        LeadVariables.CLOSE_REASON.name(), "NO_DECISION"));

    // then
    assertThat(opportunity).isEnded().hasPassed(Opportunity.Events.OPPORTUNITY_LOST);
  }

  @Test
  void anApacLeadsUpdateIsDueAfterTheApacFollowUpRow() {
    // given
    leadFacts.put(LEAD, new SlaFacts("web-form", "INQUIRY", 65, "APAC"));

    // when
    ProcessInstance opportunity = startOpportunity();

    // then
    assertThat(task(opportunity)).hasDueDate(Date.from(NOW.plus(Duration.ofHours(56))));
    assertThat(job("BoundaryEvent_FollowUpRecycleDue", opportunity).getDuedate())
        .isEqualTo(Date.from(NOW.plus(Duration.ofHours(160))));
    assertThat(job(Opportunity.Events.OPPORTUNITY_STUCK, opportunity).getDuedate())
        .as("the dwell limit stays configuration").isEqualTo(dueAfterDwell("TOP", NOW));
  }

  @Test
  void anOverdueUpdateIsRemindedBreachedAndEscalatedAndTheManagerLeavesTheDealWithTheRep() {
    // given
    ProcessInstance opportunity = startOpportunity();
    assertTierTimers(opportunity, NOW);

    // when
    fire("BoundaryEvent_FollowUpReminderDue", opportunity);
    fire("BoundaryEvent_FollowUpSlaDue", opportunity);
    Instant escalatedAt = fire("BoundaryEvent_FollowUpEscalationDue", opportunity);

    // then
    Task review = task(Opportunity.Tasks.REVIEW_OVERDUE_OPPORTUNITY, opportunity);
    assertThat(review).isAssignedTo(MANAGER).hasCandidateGroupAssociated("sales-manager")
        .hasDueDate(Date.from(escalatedAt.plus(PROPERTIES.sla().managerReview())));
    assertThat(formService().getDeployedTaskForm(review.getId())).isNotNull();
    assertThat(opportunity).hasPassed("Task_RemindFollowUpOwner", "Task_RecordFollowUpSlaBreach",
        "Task_EscalateFollowUpToManager");
    assertThat(tiers).containsExactly("OPPORTUNITY_FOLLOW_UP REMINDER", "OPPORTUNITY_FOLLOW_UP BREACH",
        "OPPORTUNITY_FOLLOW_UP ESCALATION");

    // when
    complete(review, withVariables(LeadVariables.MANAGER_DECISION.name(), "KEEP_REP"));
    complete(task(Opportunity.Tasks.UPDATE_OPPORTUNITY, opportunity), withVariables(
        LeadVariables.OPPORTUNITY_OUTCOME.name(), "WON", LeadVariables.CLOSE_REASON.name(), "PRODUCT_FIT",
        LeadVariables.NEW_CUSTOMER.name(), true));

    // then
    assertThat(opportunity).isEnded().hasPassed("EndEvent_FollowUpOwnerKeepsLead", Opportunity.Events.OPPORTUNITY_WON);
  }

  @Test
  void theManagerOrTheReassignmentTierGivesANeglectedDealToAnotherRep() {
    // given
    ProcessInstance opportunity = startOpportunity();
    fire("BoundaryEvent_FollowUpEscalationDue", opportunity);

    // when
    complete(task(Opportunity.Tasks.REVIEW_OVERDUE_OPPORTUNITY, opportunity),
        withVariables(LeadVariables.MANAGER_DECISION.name(), "REASSIGN_NOW"));

    // then
    assertThat(opportunity).hasPassed("Task_RecordFollowUpReassignment", "BoundaryEvent_FollowUpReassignmentRequested",
        Opportunity.Tasks.REASSIGN_OPPORTUNITY).isWaitingAt(Opportunity.Tasks.UPDATE_OPPORTUNITY);
    assertThat(task(opportunity)).isAssignedTo(OTHER_REP);

    // when the new rep neglects it too
    Instant reassignedAt = fire("BoundaryEvent_FollowUpReassignmentDue", opportunity);

    // then
    assertThat(task(opportunity)).isAssignedTo(REP);
    assertTierTimers(opportunity, reassignedAt);
    assertThat(slaTasks).containsExactly("create OPPORTUNITY_FOLLOW_UP rep-anna", "delete OPPORTUNITY_FOLLOW_UP rep-anna",
        "create OPPORTUNITY_FOLLOW_UP rep-ben", "delete OPPORTUNITY_FOLLOW_UP rep-ben",
        "create OPPORTUNITY_FOLLOW_UP rep-anna");
  }

  @Test
  void aDealNobodyFollowsUpByTheRecycleTierGoesBackToMarketing() {
    // given
    ProcessInstance opportunity = startOpportunity();

    // when
    fire("BoundaryEvent_FollowUpRecycleDue", opportunity);

    // then
    assertThat(opportunity).isEnded().hasPassed("Task_RecordFollowUpRecycling",
            "BoundaryEvent_FollowUpRecycleRequested", Opportunity.Events.OPPORTUNITY_RECYCLED)
        .hasNotPassed(Opportunity.Tasks.RECORD_OPPORTUNITY_UPDATE)
        .variables().containsEntry(LeadVariables.OPPORTUNITY_OUTCOME.name(), "RECYCLE")
        .containsEntry(LeadVariables.RECYCLE_REASON.name(), "SLA_OPPORTUNITY_FOLLOW_UP");
  }

  private Instant fire(String boundaryEvent, ProcessInstance opportunity) {
    Job timer = job(boundaryEvent, opportunity);
    engine.setCurrentTime(timer.getDuedate());
    execute(timer);
    return timer.getDuedate().toInstant();
  }

  private static void assertTierTimers(ProcessInstance opportunity, Instant start) {
    Map<String, Duration> tiers = Map.of("ReminderDue", FOLLOW_UP.remindAfter(), "SlaDue", FOLLOW_UP.dueAfter(),
        "EscalationDue", FOLLOW_UP.escalateAfter(), "ReassignmentDue", FOLLOW_UP.reassignAfter(),
        "RecycleDue", FOLLOW_UP.recycleAfter());
    tiers.forEach((tier, after) -> assertThat(job("BoundaryEvent_FollowUp" + tier, opportunity).getDuedate())
        .as(tier).isEqualTo(Date.from(start.plus(after))));
  }

  private ProcessInstance startOpportunity() {
    return runtimeService().createProcessInstanceByKey(Opportunity.KEY)
        .businessKey(LEAD)
        .setVariables(LeadVariables.LEAD_ID.with(LEAD))
        .setVariable(LeadVariables.SALES_REP.name(), REP)
        .execute();
  }

  /** The default OPPORTUNITY_FOLLOW_UP row of sla-policy. */
  private static Date followUpDue(Instant updated) {
    return Date.from(updated.plus(FOLLOW_UP.dueAfter()));
  }

  private static Date dueAfterDwell(String position, Instant enteredPosition) {
    return Date.from(enteredPosition.plus(Duration.parse(DWELL.dwellLimit(position))));
  }
}
