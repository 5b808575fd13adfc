package org.leadflow.rhythm;

import java.time.Instant;

/**
 * A call a rep recorded: an SDR call attempt or a sales first contact. {@code taggedInvalid}: the rep
 * marked the lead invalid (SDR verdict, unreachable) or disqualified it (sales) that day.
 */
public record CallCandidate(Long activityId, String leadId, String repId, String callType, String callCode,
    Instant calledAt, boolean taggedInvalid) {

  public static final String INVALID = "INVALID";
  public static final String VALID = "VALID";

  public String tag() {
    return taggedInvalid ? INVALID : VALID;
  }
}
