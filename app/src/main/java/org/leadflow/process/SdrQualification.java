package org.leadflow.process;

/** Identifiers of processes/sdr-qualification.bpmn. */
public final class SdrQualification {

  public static final String KEY = "sdr-qualification";

  public static final class Tasks {
    public static final String ASSIGN_SDR = "Task_AssignSdr";
    public static final String QUALIFY_LEAD = "Task_QualifyLead";
    public static final String RECORD_CALL_OUTCOME = "Task_RecordCallOutcome";
    public static final String RECORD_CALL_ATTEMPT_SLA_BREACH = "Task_RecordCallAttemptSlaBreach";
    public static final String MARK_LEAD_UNREACHABLE = "Task_MarkLeadUnreachable";

    private Tasks() {}
  }

  public static final class Events {
    public static final String MQL_RECEIVED = "StartEvent_MqlReceived";
    public static final String CALL_ATTEMPT_OVERDUE = "BoundaryEvent_CallAttemptOverdue";
    public static final String NEXT_CALL_ATTEMPT_DUE = "Event_NextCallAttemptDue";
    public static final String LEAD_QUALIFIED = "EndEvent_LeadQualified";
    public static final String LEAD_UNREACHABLE = "EndEvent_LeadUnreachable";
    public static final String CALL_ATTEMPT_SLA_BREACH_RECORDED = "EndEvent_CallAttemptSlaBreachRecorded";

    private Events() {}
  }

  private SdrQualification() {}
}
