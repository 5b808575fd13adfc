package org.leadflow.process;

/** Identifiers of processes/daily-digest.bpmn. */
public final class DailyDigest {

  public static final String KEY = "daily-digest";

  public static final class Tasks {
    public static final String SEND_DUE_DIGESTS = "Task_SendDueDigests";

    private Tasks() {}
  }

  public static final class Events {
    public static final String DIGEST_TICK = "StartEvent_DigestTick";
    public static final String DIGESTS_SENT = "EndEvent_DigestsSent";

    private Events() {}
  }

  private DailyDigest() {}
}
