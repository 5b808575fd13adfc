package org.leadflow.process;

/** Identifiers of processes/rep-handover.bpmn. */
public final class RepHandover {

  public static final String KEY = "rep-handover";

  public static final class Tasks {
    public static final String HAND_OVER_OPEN_LEADS = "Task_HandOverOpenLeads";
    public static final String VISIT_WITH_PREDECESSOR = "Task_VisitWithPredecessor";
    public static final String PHONE_INTRODUCTION = "Task_PhoneIntroduction";
    public static final String CALL_HANDED_OVER_LEAD = "Task_CallHandedOverLead";
    public static final String HAND_LEADS_BACK = "Task_HandLeadsBack";

    private Tasks() {}
  }

  public static final class Gateways {
    public static final String HAND_BACK_ON_RETURN = "Gateway_HandBackOnReturn";

    private Gateways() {}
  }

  public static final class Events {
    public static final String HANDOVER_REQUESTED = "StartEvent_HandoverRequested";
    public static final String REP_RETURNS = "Event_RepReturns";
    public static final String HANDOVER_COMPLETED = "EndEvent_HandoverCompleted";
    public static final String LEADS_HANDED_BACK = "EndEvent_LeadsHandedBack";

    private Events() {}
  }

  private RepHandover() {}
}
