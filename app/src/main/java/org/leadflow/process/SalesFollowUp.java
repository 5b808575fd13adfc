package org.leadflow.process;

/** Identifiers of processes/sales-follow-up.bpmn. */
public final class SalesFollowUp {

  public static final String KEY = "sales-follow-up";

  public static final class Tasks {
    public static final String ASSIGN_SALES_REP = "Task_AssignSalesRep";
    public static final String AWAIT_ACCEPTANCE = "SubProcess_AwaitAcceptance";
    public static final String ACCEPT_LEAD = "Task_AcceptLead";
    public static final String REMIND_REP_TO_ACCEPT = "Task_RemindRepToAccept";
    public static final String RECORD_ACCEPT_ESCALATION = "Task_RecordAcceptEscalation";
    public static final String REVIEW_UNACCEPTED_LEAD = "Task_ReviewUnacceptedLead";
    public static final String RECORD_ACCEPT_SLA_BREACH = "Task_RecordAcceptSlaBreach";
    public static final String RECORD_LEAD_ACCEPTED = "Task_RecordLeadAccepted";
    public static final String MAKE_FIRST_CONTACT = "Task_MakeFirstContact";
    public static final String RECORD_FIRST_CONTACT_SLA_BREACH = "Task_RecordFirstContactSlaBreach";
    public static final String RECORD_FIRST_CONTACT = "Task_RecordFirstContact";
    public static final String MANAGER_REASSIGNMENT = "SubProcess_ManagerReassignment";
    public static final String REASSIGN_LEAD = "Task_ReassignLead";
    public static final String MOVE_LEAD_TO_REP = "Task_MoveLeadToRep";

    private Tasks() {}
  }

  public static final class Events {
    public static final String SALES_READY_LEAD_RECEIVED = "StartEvent_SalesReadyLeadReceived";
    public static final String ACCEPT_REMINDER_DUE = "BoundaryEvent_AcceptReminderDue";
    public static final String ACCEPT_ESCALATION_DUE = "BoundaryEvent_AcceptEscalationDue";
    public static final String ACCEPT_SLA_BREACHED = "BoundaryEvent_AcceptSlaBreached";
    public static final String REASSIGNMENT_REQUESTED = "BoundaryEvent_ReassignmentRequested";
    public static final String FIRST_CONTACT_OVERDUE = "BoundaryEvent_FirstContactOverdue";
    public static final String LEAD_REJECTED_BY_REP = "EndEvent_LeadRejectedByRep";
    public static final String FIRST_CONTACT_MADE = "EndEvent_FirstContactMade";
    public static final String REP_KEEPS_LEAD = "EndEvent_RepKeepsLead";
    public static final String REASSIGNMENT_BY_MANAGER_REQUESTED = "StartEvent_ReassignmentRequested";
    public static final String LEAD_MOVED_TO_REP = "EndEvent_LeadMovedToRep";

    private Events() {}
  }

  public static final class Messages {
    /** A manager asked to reassign the lead (POST /api/leads/{id}/reassignment), correlated by business key. */
    public static final String REASSIGNMENT_REQUESTED = "Msg_ReassignmentRequested";

    private Messages() {}
  }

  private SalesFollowUp() {}
}
