package org.leadflow.rhythm;

import java.time.Instant;

/**
 * One line of a review: a sampled call of a rep, or (leadId null) "no calls" for a rep who made none.
 * {@code tagRight} and {@code note} are the supervisor's verdict.
 */
public record CallReviewItem(Long id, Long reviewId, String teamId, String repId, String leadId, Long activityId,
    String callType, String callCode, Instant calledAt, String tag, Boolean tagRight, String note,
    Instant reviewedAt) {

  static CallReviewItem sampled(long reviewId, String teamId, CallCandidate call) {
    return new CallReviewItem(null, reviewId, teamId, call.repId(), call.leadId(), call.activityId(), call.callType(),
        call.callCode(), call.calledAt(), call.tag(), null, null, null);
  }

  static CallReviewItem noCalls(long reviewId, String teamId, String repId) {
    return new CallReviewItem(null, reviewId, teamId, repId, null, null, null, null, null, null, null, null, null);
  }
}
