package org.leadflow.process;

/** Identifiers of processes/call-review.bpmn. */
public final class CallReview {

  public static final String KEY = "call-review";

  public static final class Tasks {
    public static final String SAMPLE_CALLS = "Task_SampleCalls";
    public static final String REVIEW_SAMPLED_CALLS = "Task_ReviewSampledCalls";

    private Tasks() {}
  }

  public static final class Gateways {
    public static final String REVIEWS_DUE = "Gateway_ReviewsDue";

    private Gateways() {}
  }

  public static final class Events {
    public static final String SAMPLING_TICK = "StartEvent_SamplingTick";
    public static final String NO_REVIEWS_DUE = "EndEvent_NoReviewsDue";
    public static final String CALLS_REVIEWED = "EndEvent_CallsReviewed";

    private Events() {}
  }

  private CallReview() {}
}
