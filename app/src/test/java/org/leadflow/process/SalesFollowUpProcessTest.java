package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
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
import org.leadflow.sla.SalesPolicy;
import org.leadflow.sla.SlaFacts;
import org.leadflow.sla.SlaTerms;
import org.leadflow.sla.SlaType;
import org.leadflow.sla.TestSlaPolicies;

/**
 * Paths of sales-follow-up (each has one test). Both SLAs (SALES_ACCEPT, SALES_FIRST_CONTACT) have the
 * same five tiers, each fired here by executing its timer job:
 * <ol>
 *   <li>assigned → the rep accepts in time → Task_RecordLeadAccepted → first contact in time with the rep's
 *       verdict (OPPORTUNITY, RECYCLE or DISQUALIFIED) → Task_RecordFirstContact → EndEvent_FirstContactMade
 *   <li>the rep rejects the lead → EndEvent_LeadRejectedByRep
 *   <li>reminder → Task_RemindAcceptOwner, the rep still accepts; SLA due → Task_RecordAcceptSlaBreach
 *   <li>escalation → Task_EscalateAcceptToManager → Task_ReviewUnacceptedLead for the manager: REASSIGN_NOW →
 *       Task_RecordAcceptReassignment → BoundaryEvent_ReassignmentRequested → Task_AssignSalesRep (another rep)
 *   <li>the same escalation, KEEP_REP → EndEvent_AcceptOwnerKeepsLead; accepting ends the open review too
 *   <li>reassignment due → Task_RecordAcceptReassignment → another rep with a fresh schedule
 *   <li>recycle due → Task_RecordAcceptRecycling → EndEvent_LeadRecycledUnaccepted (acceptance RECYCLE)
 *   <li>the first-contact tiers: reminder, SLA due, escalation → Task_ReviewOverdueFirstContact (KEEP_REP and
 *       REASSIGN_NOW → Task_ReassignForFirstContact), reassignment due, recycle due →
 *       EndEvent_LeadRecycledNotContacted (salesOutcome RECYCLE)
 *   <li>a manager asks to reassign (Msg_ReassignmentRequested, non-interrupting event sub-process) →
 *       Task_ReassignLead → Task_MoveLeadToRep → EndEvent_LeadMovedToRep
 *   <li>a hand-raiser's tiers follow the sla-policy's hand-raiser rows, not the catch-all's
 * </ol>
 */
@Deployment(resources = {"processes/sales-follow-up.bpmn", TestSlaPolicies.TABLE, "forms/sales-accept-lead.form",
    "forms/sales-manager-review-unaccepted-lead.form", "forms/sales-first-contact.form",
    "forms/sales-manager-review-overdue-lead.form", "forms/sales-manager-reassign-lead.form"})
class SalesFollowUpProcessTest {

  @RegisterExtension
  @Order(1)
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  static ModelCoverage coverage = ModelCoverage.of(engine, SalesFollowUp.KEY);

  private static final LeadProperties PROPERTIES = LeadProperties.defaults();
  /** The catch-all rows of sla-policy, which decide for the standard lead of these tests. */
  private static final SlaTerms ACCEPT = TestSlaPolicies.DEFAULT_ROWS.get(SlaType.SALES_ACCEPT);
  private static final SlaTerms CONTACT = TestSlaPolicies.DEFAULT_ROWS.get(SlaType.SALES_FIRST_CONTACT);
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final String LEAD = "lead-sales-1";
  private static final String FIRST_REP = "rep-anna";
  private static final String SECOND_REP = "rep-ben";
  private static final String MANAGER = "manager-maria";

  /** Round robin of the stubbed routing: the next rep that is not the current one. */
  private static final List<String> REPS = List.of(FIRST_REP, SECOND_REP);

  /** "SALES_ACCEPT REMINDER", ... as the tier tasks recorded them. */
  private final List<String> tiers = new ArrayList<>();
  /** "create SALES_ACCEPT rep-anna", "complete ...", "delete ..." as the SLA tasks reported them. */
  private final List<String> slaTasks = new ArrayList<>();
  private final List<String> assignedReps = new ArrayList<>();
  private final List<String> acceptedBy = new ArrayList<>();
  private final List<String> firstContactVerdicts = new ArrayList<>();
  /** The facts the sla-policy table sees per lead (others are a standard lead: the catch-all rows). */
  private final Map<String, SlaFacts> leadFacts = new HashMap<>();
  private final List<String> movedTo = new ArrayList<>();
  /** How many routings in a row find every rep of the team absent or at capacity. */
  private int busyRoutings;
  /** How many routings in a row fail for a technical reason. */
  private int failingRoutings;

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("slaPolicy", TestSlaPolicies.fromTable(engine.getRepositoryService(), leadFacts));
    Mocks.register("leadContextTaskListener",
        (TaskListener) task -> LeadVariables.LEAD_SUMMARY.setLocal(task, "Ada Lovelace, Analytical Engines Ltd"));
    Mocks.register("slaTaskListener", (TaskListener) task -> slaTasks.add(task.getEventName() + " "
        + LeadVariables.SLA_TYPE.get(task) + " " + task.getAssignee()));
    Mocks.register("salesPolicy", new SalesPolicy(PROPERTIES));
    Mocks.register("assignSalesRepDelegate", (JavaDelegate) execution -> {
      if (busyRoutings > 0) {
        busyRoutings--;
        throw new BpmnError(SalesFollowUp.Errors.NO_SALES_REP_FREE, "Nobody in team sales-west can take the lead");
      }
      if (failingRoutings > 0) {
        failingRoutings--;
        throw new IllegalStateException("the routing table could not be read");
      }
      String current = LeadVariables.SALES_REP.find(execution).orElse(null);
      String next = REPS.get(current == null ? 0 : (REPS.indexOf(current) + 1) % REPS.size());
      assignedReps.add(next);
      execution.removeVariable(LeadVariables.MANAGER_DECISION.name());
      LeadVariables.SALES_REP.set(execution, next);
      LeadVariables.SALES_MANAGER.set(execution, MANAGER);
    });
    Mocks.register("moveLeadToRepDelegate", (JavaDelegate) execution -> {
      String chosen = LeadVariables.REASSIGN_TO.find(execution).orElse(SECOND_REP);
      movedTo.add(chosen);
      execution.removeVariable(LeadVariables.REASSIGN_TO.name());
      LeadVariables.SALES_REP.set(execution, chosen);
    });
    Mocks.register("recordSlaEventDelegate", TestSlaPolicies.tierRecorder(tiers, MANAGER));
    Mocks.register("recordLeadAcceptedDelegate", (JavaDelegate) execution ->
        acceptedBy.add(LeadVariables.SALES_REP.get(execution)));
    Mocks.register("recordFirstContactDelegate", (JavaDelegate) execution ->
        firstContactVerdicts.add(LeadVariables.SALES_OUTCOME.get(execution)));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @ParameterizedTest(name = "verdict {0}")
  @ValueSource(strings = {"OPPORTUNITY", "RECYCLE", "DISQUALIFIED"})
  void theRepAcceptsInTimeAndGivesAVerdictAfterFirstContact(String verdict) {
    // given
    ProcessInstance followUp = startFollowUp();
    Task accept = task(followUp);
    assertThat(accept).hasDefinitionKey(SalesFollowUp.Tasks.ACCEPT_LEAD).isAssignedTo(FIRST_REP)
        .hasCandidateGroupAssociated("sales").hasDueDate(Date.from(NOW.plus(ACCEPT.dueAfter())));
    assertThat(taskService().getVariableLocal(accept.getId(), LeadVariables.LEAD_SUMMARY.name())).isNotNull();
    assertThat(formService().getDeployedTaskForm(accept.getId())).isNotNull();
    assertTierTimers(followUp, "Accept", NOW, ACCEPT);

    // when
    complete(accept, withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Tasks.AWAIT_ACCEPTANCE, SalesFollowUp.Events.ACCEPTANCE_DECIDED,
            SalesFollowUp.Tasks.RECORD_LEAD_ACCEPTED)
        .isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    Task firstContact = task(followUp);
    assertThat(firstContact).isAssignedTo(FIRST_REP).hasCandidateGroupAssociated("sales")
        .hasDueDate(Date.from(NOW.plus(CONTACT.dueAfter())));
    assertThat(formService().getDeployedTaskForm(firstContact.getId())).isNotNull();
    assertThat(acceptedBy).containsExactly(FIRST_REP);
    assertTierTimers(followUp, "FirstContact", NOW, CONTACT);

    // when
    complete(firstContact, withVariables(LeadVariables.SALES_OUTCOME.name(), verdict));

    // then
    assertThat(followUp).isEnded()
        .hasPassedInOrder(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT, SalesFollowUp.Tasks.RECORD_FIRST_CONTACT,
            SalesFollowUp.Events.FIRST_CONTACT_MADE)
        .hasNotPassed(SalesFollowUp.Events.LEAD_REJECTED_BY_REP, SalesFollowUp.Events.ACCEPT_REMINDER_DUE);
    assertThat(firstContactVerdicts).containsExactly(verdict);
    assertThat(assignedReps).containsExactly(FIRST_REP);
    assertThat(tiers).isEmpty();
    assertThat(slaTasks).containsExactly("create SALES_ACCEPT rep-anna", "complete SALES_ACCEPT rep-anna",
        "create SALES_FIRST_CONTACT rep-anna", "complete SALES_FIRST_CONTACT rep-anna");
    assertThat(managementService().createJobQuery().count()).as("no tier timer outlives its SLA").isZero();
  }

  @Test
  void whenEveryRepOfTheTeamIsBusyTheLeadWaitsAndRoutingTriesAgainUntilARepIsFree() {
    // given: the whole team is absent or at capacity for the first two routings
    busyRoutings = 2;
    ProcessInstance followUp = runtimeService().createProcessInstanceByKey(SalesFollowUp.KEY)
        .businessKey(LEAD).setVariables(LeadVariables.LEAD_ID.with(LEAD)).execute();

    // when
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));

    // then: a staffing gap is no failure: the lead waits, no incident
    assertThat(followUp).hasPassed(SalesFollowUp.Events.NO_SALES_REP_FREE)
        .isWaitingAt(SalesFollowUp.Events.SALES_REP_CAPACITY_RETRY_DUE);
    Job retry = job(SalesFollowUp.Events.SALES_REP_CAPACITY_RETRY_DUE, followUp);
    assertThat(retry.getDuedate()).isEqualTo(Date.from(NOW.plus(PROPERTIES.sales().capacityRetryInterval())));
    assertThat(runtimeService().createIncidentQuery().processInstanceId(followUp.getId()).count()).isZero();

    // when: still busy at the next try, free at the one after
    fire(SalesFollowUp.Events.SALES_REP_CAPACITY_RETRY_DUE, followUp);
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));
    assertThat(followUp).isWaitingAt(SalesFollowUp.Events.SALES_REP_CAPACITY_RETRY_DUE);
    Instant freeAt = fire(SalesFollowUp.Events.SALES_REP_CAPACITY_RETRY_DUE, followUp);
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));

    // then: the rep gets the lead with SLAs counted from the assignment
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(task(followUp)).isAssignedTo(FIRST_REP).hasDueDate(Date.from(freeAt.plus(ACCEPT.dueAfter())));
    assertThat(assignedReps).containsExactly(FIRST_REP);
    assertThat(runtimeService().createIncidentQuery().processInstanceId(followUp.getId()).count()).isZero();
  }

  @Test
  void aTechnicalFailureOfTheAssignmentIsRetriedFiveMinutesLaterNotAtOnce() {
    // given
    failingRoutings = 1;
    ProcessInstance followUp = runtimeService().createProcessInstanceByKey(SalesFollowUp.KEY)
        .businessKey(LEAD).setVariables(LeadVariables.LEAD_ID.with(LEAD)).execute();

    // when
    Job assignment = job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp);
    assertThatThrownBy(() -> execute(assignment))
        .hasMessageContaining("the routing table could not be read");

    // then: R3/PT5M: two retries left, the next in five minutes, no incident yet
    Job failed = job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp);
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(5))));
    assertThat(runtimeService().createIncidentQuery().processInstanceId(followUp.getId()).count()).isZero();

    // when
    engine.setCurrentTime(failed.getDuedate());
    execute(failed);

    // then
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(assignedReps).containsExactly(FIRST_REP);
  }

  @Test
  void aRepWhoRejectsTheLeadSendsItBackForRecycling() {
    // given
    ProcessInstance followUp = startFollowUp();

    // when
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "RECYCLE",
        LeadVariables.RECYCLE_REASON.name(), "NOT_SALES_READY"));

    // then
    assertThat(followUp).isEnded().hasPassed(SalesFollowUp.Events.LEAD_REJECTED_BY_REP)
        .hasNotPassed(SalesFollowUp.Tasks.RECORD_LEAD_ACCEPTED, SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    assertThat(acceptedBy).isEmpty();
  }

  @Test
  void theRepIsRemindedThenTheBreachIsRecordedAndTheRepStillAccepts() {
    // given
    ProcessInstance followUp = startFollowUp();

    // when
    fire(SalesFollowUp.Events.ACCEPT_REMINDER_DUE, followUp);

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Tasks.REMIND_ACCEPT_OWNER).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(tiers).containsExactly("SALES_ACCEPT REMINDER");

    // when
    fire(SalesFollowUp.Events.ACCEPT_SLA_DUE, followUp);

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Tasks.RECORD_ACCEPT_SLA_BREACH)
        .isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(task(followUp)).isAssignedTo(FIRST_REP);
    assertThat(tiers).containsExactly("SALES_ACCEPT REMINDER", "SALES_ACCEPT BREACH");

    // when
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    assertThat(acceptedBy).containsExactly(FIRST_REP);
    assertThat(slaTasks).contains("complete SALES_ACCEPT rep-anna");
  }

  @Test
  void theManagerReassignsALeadTheRepDidNotAccept() {
    // given
    ProcessInstance followUp = startFollowUp();
    Instant escalatedAt = escalate("Accept", followUp);
    Task review = task(SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD, followUp);
    assertThat(review).isAssignedTo(MANAGER).hasCandidateGroupAssociated("sales-manager")
        .hasDueDate(Date.from(escalatedAt.plus(PROPERTIES.sla().managerReview())));
    assertThat(formService().getDeployedTaskForm(review.getId())).isNotNull();

    // when
    complete(review, withVariables(LeadVariables.MANAGER_DECISION.name(), "REASSIGN_NOW"));

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Tasks.RECORD_ACCEPT_REASSIGNMENT,
            SalesFollowUp.Events.REASSIGNMENT_REQUESTED)
        .isWaitingAt(SalesFollowUp.Tasks.ASSIGN_SALES_REP);
    assertThat(taskService().createTaskQuery().processInstanceId(followUp.getId()).count())
        .as("the first rep's accept task is withdrawn").isZero();
    assertThat(slaTasks).contains("delete SALES_ACCEPT rep-anna");

    // when
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));

    // then
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(task(followUp)).isAssignedTo(SECOND_REP).hasDueDate(Date.from(escalatedAt.plus(ACCEPT.dueAfter())));
    assertTierTimers(followUp, "Accept", escalatedAt, ACCEPT);
    assertThat(assignedReps).containsExactly(FIRST_REP, SECOND_REP);
    assertThat(runtimeService().getVariable(followUp.getId(), LeadVariables.MANAGER_DECISION.name()))
        .as("the decision belongs to the previous assignment").isNull();
    assertThat(tiers).containsExactly("SALES_ACCEPT REMINDER", "SALES_ACCEPT BREACH", "SALES_ACCEPT ESCALATION",
        "SALES_ACCEPT REASSIGNMENT");
  }

  @Test
  void theManagerLeavesTheLeadWithTheRepWhoseAcceptanceEndsAnOpenReview() {
    // given
    ProcessInstance followUp = startFollowUp();
    escalate("Accept", followUp);

    // when
    complete(task(SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD, followUp),
        withVariables(LeadVariables.MANAGER_DECISION.name(), "KEEP_REP"));

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Events.ACCEPT_OWNER_KEEPS_LEAD)
        .hasNotPassed(SalesFollowUp.Events.REASSIGNMENT_REQUESTED)
        .isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(task(followUp)).isAssignedTo(FIRST_REP);
    assertThat(job(SalesFollowUp.Events.ACCEPT_REASSIGNMENT_DUE, followUp).getDuedate())
        .as("the later tiers still apply").isEqualTo(Date.from(NOW.plus(ACCEPT.reassignAfter())));

    // when a second escalation is open and the rep accepts (a new lead, escalated again)
    ProcessInstance second = startFollowUp("lead-sales-2");
    escalate("Accept", second);
    complete(task(SalesFollowUp.Tasks.ACCEPT_LEAD, second), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    assertThat(second).isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    assertThat(taskService().createTaskQuery().processInstanceId(second.getId())
        .taskDefinitionKey(SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD).count())
        .as("the manager's review is no longer needed once the rep accepted").isZero();
    assertThat(acceptedBy).containsExactly(FIRST_REP, FIRST_REP);
  }

  @Test
  void aLeadNotAcceptedByTheReassignmentTierGoesToAnotherRepWithAFreshSchedule() {
    // given
    ProcessInstance followUp = startFollowUp();

    // when
    Instant reassignedAt = fire(SalesFollowUp.Events.ACCEPT_REASSIGNMENT_DUE, followUp);

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Tasks.RECORD_ACCEPT_REASSIGNMENT)
        .isWaitingAt(SalesFollowUp.Tasks.ASSIGN_SALES_REP);
    assertThat(tiers).containsExactly("SALES_ACCEPT REASSIGNMENT");

    // when
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));

    // then
    assertThat(task(followUp)).isAssignedTo(SECOND_REP);
    assertTierTimers(followUp, "Accept", reassignedAt, ACCEPT);
    assertThat(slaTasks).containsExactly("create SALES_ACCEPT rep-anna", "delete SALES_ACCEPT rep-anna",
        "create SALES_ACCEPT rep-ben");

    // when
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(acceptedBy).containsExactly(SECOND_REP);
  }

  @Test
  void aLeadNobodyAcceptsByTheRecycleTierGoesBackToMarketing() {
    // given
    ProcessInstance followUp = startFollowUp();

    // when
    fire(SalesFollowUp.Events.ACCEPT_RECYCLE_DUE, followUp);

    // then
    assertThat(followUp).isEnded().hasPassed(SalesFollowUp.Tasks.RECORD_ACCEPT_RECYCLING,
            SalesFollowUp.Events.ACCEPT_RECYCLE_REQUESTED, SalesFollowUp.Events.LEAD_RECYCLED_UNACCEPTED)
        .variables().containsEntry(LeadVariables.ACCEPTANCE.name(), "RECYCLE")
        .containsEntry(LeadVariables.RECYCLE_REASON.name(), "SLA_SALES_ACCEPT");
    assertThat(acceptedBy).isEmpty();
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @Test
  void anOverdueFirstContactIsRemindedBreachedAndEscalatedWhileTheRepKeepsIt() {
    // given
    ProcessInstance followUp = acceptedFollowUp();

    // when
    fire(SalesFollowUp.Events.FIRST_CONTACT_REMINDER_DUE, followUp);
    fire(SalesFollowUp.Events.FIRST_CONTACT_SLA_DUE, followUp);
    Instant escalatedAt = escalate("FirstContact", followUp);

    // then
    Task review = task(SalesFollowUp.Tasks.REVIEW_OVERDUE_FIRST_CONTACT, followUp);
    assertThat(review).isAssignedTo(MANAGER).hasCandidateGroupAssociated("sales-manager")
        .hasDueDate(Date.from(escalatedAt.plus(PROPERTIES.sla().managerReview())));
    assertThat(formService().getDeployedTaskForm(review.getId())).isNotNull();
    assertThat(followUp).hasPassed(SalesFollowUp.Tasks.REMIND_FIRST_CONTACT_OWNER,
        SalesFollowUp.Tasks.RECORD_FIRST_CONTACT_SLA_BREACH, SalesFollowUp.Tasks.ESCALATE_FIRST_CONTACT_TO_MANAGER);

    // when
    complete(review, withVariables(LeadVariables.MANAGER_DECISION.name(), "KEEP_REP"));

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Events.FIRST_CONTACT_OWNER_KEEPS_LEAD)
        .isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    assertThat(tiers).containsExactly("SALES_FIRST_CONTACT REMINDER", "SALES_FIRST_CONTACT BREACH",
        "SALES_FIRST_CONTACT ESCALATION");

    // when
    complete(task(followUp), withVariables(LeadVariables.SALES_OUTCOME.name(), "OPPORTUNITY"));

    // then
    assertThat(followUp).isEnded().hasPassed(SalesFollowUp.Events.FIRST_CONTACT_MADE);
  }

  @Test
  void theManagerOrTheReassignmentTierGivesAnOverdueFirstContactToAnotherRep() {
    // given
    ProcessInstance followUp = acceptedFollowUp();
    escalate("FirstContact", followUp);

    // when
    complete(task(SalesFollowUp.Tasks.REVIEW_OVERDUE_FIRST_CONTACT, followUp),
        withVariables(LeadVariables.MANAGER_DECISION.name(), "REASSIGN_NOW"));

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Tasks.RECORD_FIRST_CONTACT_REASSIGNMENT,
            SalesFollowUp.Events.FIRST_CONTACT_REASSIGNMENT_REQUESTED, SalesFollowUp.Tasks.REASSIGN_FOR_FIRST_CONTACT)
        .isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    assertThat(task(followUp)).isAssignedTo(SECOND_REP);

    // when the new rep lets it lapse too
    Instant reassignedAgainAt = fire(SalesFollowUp.Events.FIRST_CONTACT_REASSIGNMENT_DUE, followUp);

    // then
    assertThat(task(followUp)).isAssignedTo(FIRST_REP);
    assertTierTimers(followUp, "FirstContact", reassignedAgainAt, CONTACT);
    assertThat(assignedReps).containsExactly(FIRST_REP, SECOND_REP, FIRST_REP);
    assertThat(tiers).endsWith("SALES_FIRST_CONTACT REASSIGNMENT");
  }

  @Test
  void aFirstContactNobodyMakesByTheRecycleTierGoesBackToMarketing() {
    // given
    ProcessInstance followUp = acceptedFollowUp();

    // when
    fire(SalesFollowUp.Events.FIRST_CONTACT_RECYCLE_DUE, followUp);

    // then
    assertThat(followUp).isEnded().hasPassed(SalesFollowUp.Tasks.RECORD_FIRST_CONTACT_RECYCLING,
            SalesFollowUp.Events.FIRST_CONTACT_RECYCLE_REQUESTED, SalesFollowUp.Events.LEAD_RECYCLED_NOT_CONTACTED)
        .hasNotPassed(SalesFollowUp.Tasks.RECORD_FIRST_CONTACT)
        .variables().containsEntry(LeadVariables.SALES_OUTCOME.name(), "RECYCLE")
        .containsEntry(LeadVariables.RECYCLE_REASON.name(), "SLA_SALES_FIRST_CONTACT");
  }

  @Test
  void aHandRaisersTiersFollowTheHandRaiserRowsOfTheSlaPolicy() {
    // given
    leadFacts.put(LEAD, TestSlaPolicies.HAND_RAISER);
    SlaTerms accept = TestSlaPolicies.HAND_RAISER_ROWS.get(SlaType.SALES_ACCEPT);
    SlaTerms contact = TestSlaPolicies.HAND_RAISER_ROWS.get(SlaType.SALES_FIRST_CONTACT);

    // when
    ProcessInstance followUp = startFollowUp();

    // then
    assertThat(task(followUp)).hasDueDate(Date.from(NOW.plus(Duration.ofHours(4))));
    assertTierTimers(followUp, "Accept", NOW, accept);

    // when
    Instant acceptedAt = NOW.plus(Duration.ofMinutes(90));
    engine.setCurrentTime(Date.from(acceptedAt));
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(task(followUp)).hasDueDate(Date.from(acceptedAt.plus(Duration.ofHours(8))));
    assertTierTimers(followUp, "FirstContact", acceptedAt, contact);
  }

  @Test
  void aManagersReassignmentRequestOpensATaskForThemWhoseCompletionMovesTheLead() {
    // given a lead waiting for its rep's acceptance
    ProcessInstance followUp = startFollowUp();

    // when the manager asks to reassign it
    runtimeService().createMessageCorrelation(SalesFollowUp.Messages.REASSIGNMENT_REQUESTED)
        .processInstanceBusinessKey(LEAD)
        .setVariable(LeadVariables.REASSIGNMENT_REQUESTED_BY.name(), MANAGER)
        .correlateWithResult();

    // then they get the reassign task, next to the rep's accept task
    Task reassign = taskService().createTaskQuery().processInstanceId(followUp.getId())
        .taskDefinitionKey(SalesFollowUp.Tasks.REASSIGN_LEAD).singleResult();
    assertThat(reassign).isAssignedTo(MANAGER).hasCandidateGroupAssociated("sales-manager")
        .hasDueDate(Date.from(NOW.plus(PROPERTIES.sla().managerReview())));
    assertThat(formService().getDeployedTaskForm(reassign.getId())).isNotNull();
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD, SalesFollowUp.Tasks.REASSIGN_LEAD);

    // when they choose the second rep
    complete(reassign, withVariables(LeadVariables.REASSIGN_TO.name(), SECOND_REP));

    // then the lead is moved and still waits for acceptance, now by the new rep
    assertThat(followUp).hasPassed(SalesFollowUp.Events.REASSIGNMENT_BY_MANAGER_REQUESTED,
            SalesFollowUp.Tasks.MOVE_LEAD_TO_REP, SalesFollowUp.Events.LEAD_MOVED_TO_REP)
        .isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD).variables().containsEntry("salesRep", SECOND_REP);
    assertThat(movedTo).containsExactly(SECOND_REP);
  }

  private ProcessInstance startFollowUp() {
    return startFollowUp(LEAD);
  }

  /** Starts the follow-up and runs the asynchronous first assignment. */
  private ProcessInstance startFollowUp(String leadId) {
    ProcessInstance followUp = runtimeService().createProcessInstanceByKey(SalesFollowUp.KEY)
        .businessKey(leadId)
        .setVariables(LeadVariables.LEAD_ID.with(leadId))
        .execute();
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ASSIGN_SALES_REP);
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    return followUp;
  }

  /** A follow-up whose lead the first rep accepted at {@link #NOW}: waiting for first contact. */
  private ProcessInstance acceptedFollowUp() {
    ProcessInstance followUp = startFollowUp();
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    return followUp;
  }

  /** Fires one tier timer at its due date; returns when it fired. */
  private Instant fire(String boundaryEvent, ProcessInstance followUp) {
    Job timer = job(boundaryEvent, followUp);
    engine.setCurrentTime(timer.getDuedate());
    execute(timer);
    return timer.getDuedate().toInstant();
  }

  /** Fires the escalation of the SLA whose element ids start with {@code sla} ("Accept", "FirstContact"). */
  private Instant escalate(String sla, ProcessInstance followUp) {
    if (sla.equals("Accept")) {
      fire(SalesFollowUp.Events.ACCEPT_REMINDER_DUE, followUp);
      fire(SalesFollowUp.Events.ACCEPT_SLA_DUE, followUp);
    }
    Instant at = fire("BoundaryEvent_" + sla + "EscalationDue", followUp);
    assertThat(followUp).hasPassed("Task_Escalate" + sla + "ToManager");
    return at;
  }

  /** The five tier timers of one SLA fall due at start + each tier's duration (around the clock here). */
  private static void assertTierTimers(ProcessInstance followUp, String sla, Instant start, SlaTerms terms) {
    Map<String, Duration> tiers = Map.of("ReminderDue", terms.remindAfter(), "SlaDue", terms.dueAfter(),
        "EscalationDue", terms.escalateAfter(), "ReassignmentDue", terms.reassignAfter(),
        "RecycleDue", terms.recycleAfter());
    tiers.forEach((tier, after) -> assertThat(job("BoundaryEvent_" + sla + tier, followUp).getDuedate())
        .as("%s %s", sla, tier).isEqualTo(Date.from(start.plus(after))));
  }
}
