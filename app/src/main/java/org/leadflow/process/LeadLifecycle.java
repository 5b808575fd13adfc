package org.leadflow.process;

/** Identifiers of processes/lead-lifecycle.bpmn. Code and tests use these; nothing else hard-codes ids. */
public final class LeadLifecycle {

  public static final String KEY = "lead-lifecycle";

  public static final class Tasks {
    public static final String CHECK_LEAD_VALIDITY = "Task_CheckLeadValidity";
    public static final String SCORE_LEAD = "Task_ScoreLead";
    public static final String REVIEW_WIN_LOSS = "Task_ReviewWinLoss";
    public static final String RECYCLE_LEAD = "Task_RecycleLead";
    public static final String CLOSE_LEAD_AS_DORMANT = "Task_CloseLeadAsDormant";
    public static final String NURTURE_LEAD = "CallActivity_NurtureLead";
    public static final String QUALIFY_WITH_SDR = "CallActivity_QualifyWithSdr";
    public static final String FOLLOW_UP_WITH_SALES = "CallActivity_FollowUpWithSales";
    public static final String WORK_OPPORTUNITY = "CallActivity_WorkOpportunity";

    private Tasks() {}
  }

  public static final class Gateways {
    public static final String LEAD_VALID = "Gateway_LeadValid";
    public static final String SALES_READY = "Gateway_SalesReady";
    public static final String NURTURE_OUTCOME = "Gateway_NurtureOutcome";
    public static final String OPPORTUNITY_OUTCOME = "Gateway_OpportunityOutcome";
    public static final String QUALIFICATION_OUTCOME = "Gateway_QualificationOutcome";
    public static final String SALES_OUTCOME = "Gateway_SalesOutcome";
    public static final String OPPORTUNITY_WON = "Gateway_OpportunityWon";
    public static final String RECYCLE_ALLOWED = "Gateway_RecycleAllowed";

    private Gateways() {}
  }

  public static final class Events {
    public static final String LEAD_CAPTURED = "StartEvent_LeadCaptured";
    public static final String LEAD_INVALID = "EndEvent_LeadInvalid";
    public static final String LEAD_DISQUALIFIED = "EndEvent_LeadDisqualified";
    public static final String LEAD_DORMANT = "EndEvent_LeadDormant";
    public static final String LEAD_WON = "EndEvent_LeadWon";
    public static final String LEAD_LOST = "EndEvent_LeadLost";

    private Events() {}
  }

  private LeadLifecycle() {}
}
