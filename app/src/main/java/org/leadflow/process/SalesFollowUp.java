package org.leadflow.process;

/** Identifiers of processes/sales-follow-up.bpmn. */
public final class SalesFollowUp {

  public static final String KEY = "sales-follow-up";

  public static final class Tasks {
    public static final String ASSIGN_SALES_REP = "Task_AssignSalesRep";
    public static final String AWAIT_ACCEPTANCE = "SubProcess_AwaitAcceptance";
    public static final String ACCEPT_LEAD = "Task_AcceptLead";
    public static final String REMIND_ACCEPT_OWNER = "Task_RemindAcceptOwner";
    public static final String RECORD_ACCEPT_SLA_BREACH = "Task_RecordAcceptSlaBreach";
    public static final String ESCALATE_ACCEPT_TO_MANAGER = "Task_EscalateAcceptToManager";
    public static final String REVIEW_UNACCEPTED_LEAD = "Task_ReviewUnacceptedLead";
    public static final String RECORD_ACCEPT_REASSIGNMENT = "Task_RecordAcceptReassignment";
    public static final String RECORD_ACCEPT_RECYCLING = "Task_RecordAcceptRecycling";
    public static final String RECORD_LEAD_ACCEPTED = "Task_RecordLeadAccepted";
    public static final String AWAIT_FIRST_CONTACT = "SubProcess_AwaitFirstContact";
    public static final String MAKE_FIRST_CONTACT = "Task_MakeFirstContact";
    public static final String REMIND_FIRST_CONTACT_OWNER = "Task_RemindFirstContactOwner";
    public static final String RECORD_FIRST_CONTACT_SLA_BREACH = "Task_RecordFirstContactSlaBreach";
    public static final String ESCALATE_FIRST_CONTACT_TO_MANAGER = "Task_EscalateFirstContactToManager";
    public static final String REVIEW_OVERDUE_FIRST_CONTACT = "Task_ReviewOverdueFirstContact";
    public static final String RECORD_FIRST_CONTACT_REASSIGNMENT = "Task_RecordFirstContactReassignment";
    public static final String RECORD_FIRST_CONTACT_RECYCLING = "Task_RecordFirstContactRecycling";
    public static final String REASSIGN_FOR_FIRST_CONTACT = "Task_ReassignForFirstContact";
    public static final String RECORD_FIRST_CONTACT = "Task_RecordFirstContact";
    public static final String MANAGER_REASSIGNMENT = "SubProcess_ManagerReassignment";
    public static final String REASSIGN_LEAD = "Task_ReassignLead";
    public static final String MOVE_LEAD_TO_REP = "Task_MoveLeadToRep";

    private Tasks() {}
  }

  public static final class Events {
    public static final String SALES_READY_LEAD_RECEIVED = "StartEvent_SalesReadyLeadReceived";
    public static final String NO_SALES_REP_FREE = "BoundaryEvent_NoSalesRepFree";
    public static final String SALES_REP_CAPACITY_RETRY_DUE = "Event_SalesRepCapacityRetryDue";
    public static final String ACCEPT_REMINDER_DUE = "BoundaryEvent_AcceptReminderDue";
    public static final String ACCEPT_SLA_DUE = "BoundaryEvent_AcceptSlaDue";
    public static final String ACCEPT_ESCALATION_DUE = "BoundaryEvent_AcceptEscalationDue";
    public static final String ACCEPT_REASSIGNMENT_DUE = "BoundaryEvent_AcceptReassignmentDue";
    public static final String ACCEPT_RECYCLE_DUE = "BoundaryEvent_AcceptRecycleDue";
    public static final String ACCEPTANCE_DECIDED = "EndEvent_AcceptanceDecided";
    public static final String ACCEPT_OWNER_KEEPS_LEAD = "EndEvent_AcceptOwnerKeepsLead";
    public static final String REASSIGNMENT_REQUESTED = "BoundaryEvent_ReassignmentRequested";
    public static final String ACCEPT_RECYCLE_REQUESTED = "BoundaryEvent_AcceptRecycleRequested";
    public static final String LEAD_RECYCLED_UNACCEPTED = "EndEvent_LeadRecycledUnaccepted";
    public static final String LEAD_REJECTED_BY_REP = "EndEvent_LeadRejectedByRep";
    public static final String FIRST_CONTACT_REMINDER_DUE = "BoundaryEvent_FirstContactReminderDue";
    public static final String FIRST_CONTACT_SLA_DUE = "BoundaryEvent_FirstContactSlaDue";
    public static final String FIRST_CONTACT_ESCALATION_DUE = "BoundaryEvent_FirstContactEscalationDue";
    public static final String FIRST_CONTACT_REASSIGNMENT_DUE = "BoundaryEvent_FirstContactReassignmentDue";
    public static final String FIRST_CONTACT_RECYCLE_DUE = "BoundaryEvent_FirstContactRecycleDue";
    public static final String FIRST_CONTACT_OWNER_KEEPS_LEAD = "EndEvent_FirstContactOwnerKeepsLead";
    public static final String FIRST_CONTACT_REASSIGNMENT_REQUESTED = "BoundaryEvent_FirstContactReassignmentRequested";
    public static final String FIRST_CONTACT_RECYCLE_REQUESTED = "BoundaryEvent_FirstContactRecycleRequested";
    public static final String LEAD_RECYCLED_NOT_CONTACTED = "EndEvent_LeadRecycledNotContacted";
    public static final String FIRST_CONTACT_MADE = "EndEvent_FirstContactMade";
    public static final String REASSIGNMENT_BY_MANAGER_REQUESTED = "StartEvent_ReassignmentRequested";
    public static final String LEAD_MOVED_TO_REP = "EndEvent_LeadMovedToRep";

    private Events() {}
  }

  public static final class Errors {
    /** Every rep of the eligible team is absent or at capacity: caught by BoundaryEvent_NoSalesRepFree. */
    public static final String NO_SALES_REP_FREE = "Err_NoSalesRepFree";

    private Errors() {}
  }

  public static final class Messages {
    /** A manager asked to reassign the lead (POST /api/leads/{id}/reassignment), correlated by business key. */
    public static final String REASSIGNMENT_REQUESTED = "Msg_ReassignmentRequested";

    private Messages() {}
  }

  private SalesFollowUp() {}
}
