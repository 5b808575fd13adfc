package org.leadflow.process;

/** Identifiers of processes/lead-nurture.bpmn. */
public final class LeadNurture {

  public static final String KEY = "lead-nurture";

  public static final class Tasks {
    public static final String ENROL_IN_NURTURE = "Task_EnrolInNurture";
    public static final String RESCORE_LEAD = "Task_RescoreLead";
    public static final String CLOSE_LEAD_AS_DORMANT = "Task_CloseLeadAsDormant";
    public static final String NURTURE_LOOP = "SubProcess_NurtureLoop";

    private Tasks() {}
  }

  public static final class Gateways {
    /** Event-based: waits for an engagement or the re-score interval. */
    public static final String WHAT_HAPPENS_NEXT = "Gateway_WhatHappensNext";
    public static final String THRESHOLD_REACHED = "Gateway_ThresholdReached";

    private Gateways() {}
  }

  public static final class Events {
    public static final String LEAD_ENGAGED = "Event_LeadEngaged";
    public static final String RESCORE_INTERVAL_ELAPSED = "Event_RescoreIntervalElapsed";
    public static final String NURTURE_EXPIRED = "BoundaryEvent_NurtureExpired";
    public static final String LEAD_BECAME_MQL = "EndEvent_LeadBecameMql";
    public static final String LEAD_WENT_DORMANT = "EndEvent_LeadWentDormant";

    private Events() {}
  }

  public static final class Messages {
    /** Correlated by business key (the lead id) when the lead engages; carries {@code engagementType}. */
    public static final String LEAD_ENGAGED = "Msg_LeadEngaged";

    private Messages() {}
  }

  /** Values of {@link LeadVariables#NURTURE_OUTCOME}. */
  public static final String OUTCOME_NURTURING = "NURTURING";
  public static final String OUTCOME_MQL = "MQL";

  private LeadNurture() {}
}
