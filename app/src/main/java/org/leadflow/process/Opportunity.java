package org.leadflow.process;

/** Identifiers of processes/opportunity.bpmn. */
public final class Opportunity {

  public static final String KEY = "opportunity";

  public static final class Tasks {
    public static final String OPEN_OPPORTUNITY = "Task_OpenOpportunity";
    public static final String UPDATE_OPPORTUNITY = "Task_UpdateOpportunity";
    public static final String RECORD_OPPORTUNITY_UPDATE = "Task_RecordOpportunityUpdate";
    public static final String FLAG_STUCK_OPPORTUNITY = "Task_FlagStuckOpportunity";
    public static final String AWAIT_OPPORTUNITY_UPDATE = "SubProcess_AwaitOpportunityUpdate";
    public static final String REVIEW_OVERDUE_OPPORTUNITY = "Task_ReviewOverdueOpportunity";
    public static final String REASSIGN_OPPORTUNITY = "Task_ReassignOpportunity";

    private Tasks() {}
  }

  public static final class Events {
    public static final String OPPORTUNITY_STUCK = "BoundaryEvent_OpportunityStuck";
    public static final String OPPORTUNITY_WON = "EndEvent_OpportunityWon";
    public static final String OPPORTUNITY_LOST = "EndEvent_OpportunityLost";
    public static final String OPPORTUNITY_RECYCLED = "EndEvent_OpportunityRecycled";

    private Events() {}
  }

  private Opportunity() {}
}
