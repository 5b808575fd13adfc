package org.leadflow.process;

/** Identifiers of processes/uncalled-lead-review.bpmn (called by sdr-qualification). */
public final class UncalledLeadReview {

  public static final String KEY = "uncalled-lead-review";

  public static final class Tasks {
    public static final String REVIEW_UNCALLED_LEAD = "Task_ReviewUncalledLead";

    private Tasks() {}
  }

  public static final class Events {
    public static final String REVIEW_REQUESTED = "StartEvent_ReviewRequested";
    public static final String LEAD_REVIEWED = "EndEvent_LeadReviewed";

    private Events() {}
  }

  private UncalledLeadReview() {}
}
