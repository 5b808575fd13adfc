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
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.leadflow.sla.SlaFacts;
import org.leadflow.sla.SlaTerms;
import org.leadflow.sla.TestSlaPolicies;
import org.mockito.InOrder;

/**
 * Paths of sales-follow-up (each has one test):
 * <ol>
 *   <li>assigned → the rep accepts in time → Task_RecordLeadAccepted → first contact with the rep's verdict
 *       (OPPORTUNITY, RECYCLE or DISQUALIFIED) → Task_RecordFirstContact → EndEvent_FirstContactMade
 *   <li>assigned → the rep rejects the lead (acceptance RECYCLE) → EndEvent_LeadRejectedByRep
 *   <li>BoundaryEvent_AcceptReminderDue (non-interrupting) → Task_RemindRepToAccept → the rep accepts
 *   <li>BoundaryEvent_AcceptEscalationDue (non-interrupting) → Task_RecordAcceptEscalation →
 *       Task_ReviewUnacceptedLead: REASSIGN_NOW → escalation end event → BoundaryEvent_ReassignmentRequested →
 *       Task_AssignSalesRep gives the lead to another rep
 *   <li>the same escalation, KEEP_REP → EndEvent_RepKeepsLead → the rep still accepts
 *   <li>BoundaryEvent_AcceptSlaBreached (interrupting) → Task_RecordAcceptSlaBreach → Task_AssignSalesRep
 *       gives the lead to another rep
 *   <li>a manager asks to reassign (Msg_ReassignmentRequested, non-interrupting event sub-process) →
 *       Task_ReassignLead for that manager → Task_MoveLeadToRep → EndEvent_LeadMovedToRep, while the
 *       lead's own path goes on with the new rep
 *   <li>BoundaryEvent_FirstContactOverdue (non-interrupting) → Task_RecordFirstContactSlaBreach → the rep
 *       still makes first contact
 *   <li>a hand-raiser's accept tiers and first contact are due at the sla-policy's hand-raiser row, not the
 *       catch-all's
 * </ol>
 */
@Deployment(resources = {"processes/sales-follow-up.bpmn", TestSlaPolicies.TABLE, "forms/sales-accept-lead.form",
    "forms/sales-manager-review-unaccepted-lead.form", "forms/sales-first-contact.form",
    "forms/sales-manager-reassign-lead.form"})
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
  /** The catch-all row of sla-policy, which decides for the standard lead of these tests. */
  private static final SlaTerms SLA = TestSlaPolicies.DEFAULT_ROW;
  private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
  private static final String LEAD = "lead-sales-1";
  private static final String FIRST_REP = "rep-anna";
  private static final String SECOND_REP = "rep-ben";
  private static final String MANAGER = "manager-maria";

  /** Round robin of the stubbed routing: the next rep that is not the current one. */
  private static final List<String> REPS = List.of(FIRST_REP, SECOND_REP);

  @SuppressWarnings("unchecked")
  private final BiConsumer<String, String> slaEvent = mock(BiConsumer.class);
  private final List<String> assignedReps = new ArrayList<>();
  private final List<String> acceptedBy = new ArrayList<>();
  private final List<String> firstContactVerdicts = new ArrayList<>();
  /** The facts the sla-policy table sees per lead (others are a standard lead: the catch-all row). */
  private final Map<String, SlaFacts> leadFacts = new HashMap<>();
  private final List<String> movedTo = new ArrayList<>();

  @BeforeEach
  void registerBeansAndFreezeTheClock() {
    engine.setCurrentTime(Date.from(NOW));
    Mocks.register("slaPolicy", TestSlaPolicies.fromTable(engine.getRepositoryService(), leadFacts));
    Mocks.register("leadContextTaskListener",
        (TaskListener) task -> LeadVariables.LEAD_SUMMARY.setLocal(task, "Ada Lovelace, Analytical Engines Ltd"));
    Mocks.register("assignSalesRepDelegate", (JavaDelegate) execution -> {
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
    Mocks.register("recordSlaEventDelegate", (JavaDelegate) execution -> slaEvent.accept(
        LeadVariables.SLA_TYPE.get(execution), LeadVariables.SLA_TIER.get(execution)));
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
        .hasCandidateGroupAssociated("sales").hasDueDate(Date.from(NOW.plus(SLA.acceptWithin())));
    assertThat(taskService().getVariableLocal(accept.getId(), LeadVariables.LEAD_SUMMARY.name())).isNotNull();
    assertThat(formService().getDeployedTaskForm(accept.getId())).isNotNull();

    // when
    complete(accept, withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Tasks.AWAIT_ACCEPTANCE, SalesFollowUp.Tasks.RECORD_LEAD_ACCEPTED)
        .isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    Task firstContact = task(followUp);
    assertThat(firstContact).isAssignedTo(FIRST_REP).hasCandidateGroupAssociated("sales")
        .hasDueDate(Date.from(NOW.plus(SLA.firstContactWithin())));
    assertThat(formService().getDeployedTaskForm(firstContact.getId())).isNotNull();
    assertThat(acceptedBy).containsExactly(FIRST_REP);

    // when
    complete(firstContact, withVariables(LeadVariables.SALES_OUTCOME.name(), verdict));

    // then
    assertThat(followUp).isEnded()
        .hasPassedInOrder(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT, SalesFollowUp.Tasks.RECORD_FIRST_CONTACT,
            SalesFollowUp.Events.FIRST_CONTACT_MADE)
        .hasNotPassed(SalesFollowUp.Events.LEAD_REJECTED_BY_REP, SalesFollowUp.Events.ACCEPT_REMINDER_DUE);
    assertThat(firstContactVerdicts).containsExactly(verdict);
    assertThat(assignedReps).containsExactly(FIRST_REP);
    verifyNoInteractions(slaEvent);
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
  void theRepIsRemindedToAcceptAndStillAccepts() {
    // given
    ProcessInstance followUp = startFollowUp();
    Job reminder = job(SalesFollowUp.Events.ACCEPT_REMINDER_DUE, followUp);
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(NOW.plus(SLA.acceptReminderAfter())));

    // when
    engine.setCurrentTime(reminder.getDuedate());
    execute(reminder);

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Events.ACCEPT_REMINDER_DUE, SalesFollowUp.Tasks.REMIND_REP_TO_ACCEPT)
        .isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    verify(slaEvent).accept("SALES_ACCEPT", "REMINDER");
    verifyNoMoreInteractions(slaEvent);

    // when
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    assertThat(acceptedBy).containsExactly(FIRST_REP);
  }

  @Test
  void theManagerReassignsALeadTheRepDidNotAccept() {
    // given
    ProcessInstance followUp = startFollowUp();
    Instant escalatedAt = escalateToManager(followUp);
    Task review = task(SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD, followUp);
    assertThat(review).hasDefinitionKey(SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD).isAssignedTo(MANAGER)
        .hasCandidateGroupAssociated("sales-manager")
        .hasDueDate(Date.from(escalatedAt.plus(PROPERTIES.sla().managerReview())));
    assertThat(formService().getDeployedTaskForm(review.getId())).isNotNull();

    // when
    complete(review, withVariables(LeadVariables.MANAGER_DECISION.name(), "REASSIGN_NOW"));

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Events.REASSIGNMENT_REQUESTED)
        .isWaitingAt(SalesFollowUp.Tasks.ASSIGN_SALES_REP);
    assertThat(taskService().createTaskQuery().processInstanceId(followUp.getId()).count())
        .as("the first rep's accept task is withdrawn").isZero();

    // when
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));

    // then
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(task(followUp)).isAssignedTo(SECOND_REP)
        .hasDueDate(Date.from(escalatedAt.plus(SLA.acceptWithin())));
    assertThat(job(SalesFollowUp.Events.ACCEPT_SLA_BREACHED, followUp).getDuedate())
        .as("the new rep gets a full accept deadline")
        .isEqualTo(Date.from(escalatedAt.plus(SLA.acceptWithin())));
    assertThat(assignedReps).containsExactly(FIRST_REP, SECOND_REP);
    assertThat(runtimeService().getVariable(followUp.getId(), LeadVariables.MANAGER_DECISION.name()))
        .as("the decision belongs to the previous assignment").isNull();
    verify(slaEvent).accept("SALES_ACCEPT", "ESCALATION");
    verifyNoMoreInteractions(slaEvent);
  }

  @Test
  void theManagerLeavesTheLeadWithTheRepWhoThenAccepts() {
    // given
    ProcessInstance followUp = startFollowUp();
    escalateToManager(followUp);

    // when
    complete(task(SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD, followUp),
        withVariables(LeadVariables.MANAGER_DECISION.name(), "KEEP_REP"));

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Events.REP_KEEPS_LEAD)
        .hasNotPassed(SalesFollowUp.Events.REASSIGNMENT_REQUESTED)
        .isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(task(followUp)).isAssignedTo(FIRST_REP);
    assertThat(job(SalesFollowUp.Events.ACCEPT_SLA_BREACHED, followUp).getDuedate())
        .as("the accept deadline still applies").isEqualTo(Date.from(NOW.plus(SLA.acceptWithin())));

    // when
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    assertThat(acceptedBy).containsExactly(FIRST_REP);
    assertThat(assignedReps).containsExactly(FIRST_REP);
  }

  @Test
  void aLeadNotAcceptedByTheDeadlineIsReassignedToAnotherRep() {
    // given
    ProcessInstance followUp = startFollowUp();
    Job deadline = job(SalesFollowUp.Events.ACCEPT_SLA_BREACHED, followUp);
    assertThat(deadline.getDuedate()).isEqualTo(Date.from(NOW.plus(SLA.acceptWithin())));

    // when
    engine.setCurrentTime(deadline.getDuedate());
    execute(deadline);

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Events.ACCEPT_SLA_BREACHED,
            SalesFollowUp.Tasks.RECORD_ACCEPT_SLA_BREACH)
        .isWaitingAt(SalesFollowUp.Tasks.ASSIGN_SALES_REP);
    verify(slaEvent).accept("SALES_ACCEPT", "BREACH");

    // when
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));

    // then
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(task(followUp)).isAssignedTo(SECOND_REP);
    assertThat(job(SalesFollowUp.Events.ACCEPT_REMINDER_DUE, followUp).getDuedate())
        .isEqualTo(Date.from(deadline.getDuedate().toInstant().plus(SLA.acceptReminderAfter())));
    assertThat(assignedReps).containsExactly(FIRST_REP, SECOND_REP);

    // when
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    assertThat(acceptedBy).containsExactly(SECOND_REP);
  }

  @Test
  void anOverdueFirstContactIsRecordedAsSlaBreachWhileTheRepKeepsTheTask() {
    // given
    ProcessInstance followUp = startFollowUp();
    complete(task(followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));
    Job overdue = job(SalesFollowUp.Events.FIRST_CONTACT_OVERDUE, followUp);
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(NOW.plus(SLA.firstContactWithin())));

    // when
    engine.setCurrentTime(overdue.getDuedate());
    execute(overdue);

    // then
    assertThat(followUp).hasPassed(SalesFollowUp.Events.FIRST_CONTACT_OVERDUE,
            SalesFollowUp.Tasks.RECORD_FIRST_CONTACT_SLA_BREACH)
        .isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
    verify(slaEvent).accept("SALES_FIRST_CONTACT", "BREACH");
    verifyNoMoreInteractions(slaEvent);

    // when
    complete(task(followUp), withVariables(LeadVariables.SALES_OUTCOME.name(), "OPPORTUNITY"));

    // then
    assertThat(followUp).isEnded().hasPassed(SalesFollowUp.Events.FIRST_CONTACT_MADE);
  }

  @Test
  void aHandRaisersAcceptTiersAndFirstContactFollowTheHandRaiserRowOfTheSlaPolicy() {
    // given
    leadFacts.put(LEAD, TestSlaPolicies.HAND_RAISER);
    SlaTerms row = TestSlaPolicies.HAND_RAISER_ROW;
    ProcessInstance followUp = startFollowUp();
    assertThat(task(followUp)).hasDueDate(Date.from(NOW.plus(Duration.ofHours(4))));
    Job reminder = job(SalesFollowUp.Events.ACCEPT_REMINDER_DUE, followUp);
    Job escalation = job(SalesFollowUp.Events.ACCEPT_ESCALATION_DUE, followUp);
    Job deadline = job(SalesFollowUp.Events.ACCEPT_SLA_BREACHED, followUp);
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(NOW.plus(row.acceptReminderAfter())));
    assertThat(escalation.getDuedate()).isEqualTo(Date.from(NOW.plus(row.acceptEscalationAfter())));
    assertThat(deadline.getDuedate()).isEqualTo(Date.from(NOW.plus(row.acceptWithin())));

    // when
    engine.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    Instant acceptedAt = NOW.plus(Duration.ofMinutes(90));
    engine.setCurrentTime(Date.from(acceptedAt));
    complete(task(SalesFollowUp.Tasks.ACCEPT_LEAD, followUp), withVariables(LeadVariables.ACCEPTANCE.name(), "ACCEPTED"));

    // then
    verify(slaEvent).accept("SALES_ACCEPT", "REMINDER");
    Job overdue = job(SalesFollowUp.Events.FIRST_CONTACT_OVERDUE, followUp);
    assertThat(overdue.getDuedate()).isEqualTo(Date.from(acceptedAt.plus(Duration.ofHours(8))));
    assertThat(task(followUp)).hasDueDate(Date.from(acceptedAt.plus(row.firstContactWithin())));

    // when
    engine.setCurrentTime(overdue.getDuedate());
    execute(overdue);

    // then
    verify(slaEvent).accept("SALES_FIRST_CONTACT", "BREACH");
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.MAKE_FIRST_CONTACT);
  }

  /** Starts the follow-up and runs the asynchronous first assignment. */
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
    ProcessInstance followUp = runtimeService().createProcessInstanceByKey(SalesFollowUp.KEY)
        .businessKey(LEAD)
        .setVariables(LeadVariables.LEAD_ID.with(LEAD))
        .execute();
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ASSIGN_SALES_REP);
    execute(job(SalesFollowUp.Tasks.ASSIGN_SALES_REP, followUp));
    assertThat(followUp).isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD);
    return followUp;
  }

  /** Fires the accept escalation (after the reminder, as time goes by); returns when it fired. */
  private Instant escalateToManager(ProcessInstance followUp) {
    Job reminder = job(SalesFollowUp.Events.ACCEPT_REMINDER_DUE, followUp);
    Job escalation = job(SalesFollowUp.Events.ACCEPT_ESCALATION_DUE, followUp);
    assertThat(escalation.getDuedate()).isEqualTo(Date.from(NOW.plus(SLA.acceptEscalationAfter())));
    engine.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    engine.setCurrentTime(escalation.getDuedate());
    execute(escalation);
    assertThat(followUp).hasPassed(SalesFollowUp.Events.ACCEPT_ESCALATION_DUE,
            SalesFollowUp.Tasks.RECORD_ACCEPT_ESCALATION)
        .isWaitingAt(SalesFollowUp.Tasks.ACCEPT_LEAD, SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD);
    InOrder tiers = inOrder(slaEvent);
    tiers.verify(slaEvent).accept("SALES_ACCEPT", "REMINDER");
    tiers.verify(slaEvent).accept("SALES_ACCEPT", "ESCALATION");
    return escalation.getDuedate().toInstant();
  }
}
