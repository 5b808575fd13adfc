package org.leadflow.process;

/** Identifiers of processes/sdr-qualification.bpmn. */
public final class SdrQualification {

  public static final String KEY = "sdr-qualification";

  public static final class Tasks {
    public static final String ASSIGN_SDR = "Task_AssignSdr";
    public static final String QUALIFY_LEAD = "Task_QualifyLead";
    public static final String RECORD_CALL_OUTCOME = "Task_RecordCallOutcome";
    public static final String AWAIT_FIRST_CALL_ATTEMPT = "SubProcess_AwaitFirstCallAttempt";
    public static final String CALL_LEAD_AGAIN = "Task_CallLeadAgain";
    /** Calls uncalled-lead-review ({@link UncalledLeadReview}): the supervisor's review is not an SDR task. */
    public static final String REVIEW_UNCALLED_LEAD = "CallActivity_ReviewUncalledLead";
    public static final String REASSIGN_SDR = "Task_ReassignSdr";
    public static final String MARK_LEAD_UNREACHABLE = "Task_MarkLeadUnreachable";

    private Tasks() {}
  }

  public static final class Events {
    public static final String MQL_RECEIVED = "StartEvent_MqlReceived";
    public static final String LEAD_RECYCLED_NEVER_CALLED = "EndEvent_LeadRecycledNeverCalled";
    public static final String NEXT_CALL_ATTEMPT_DUE = "Event_NextCallAttemptDue";
    public static final String LEAD_QUALIFIED = "EndEvent_LeadQualified";
    public static final String LEAD_UNREACHABLE = "EndEvent_LeadUnreachable";

    private Events() {}
  }

  private SdrQualification() {}
}
