package org.leadflow.rhythm;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What call-review.bpmn's expressions read: the timer cycle, the review task's due date, the reviews
 * of a run (the multi-instance collection) and each review's supervisor (the assignee).
 */
@Component("callReviewPolicy")
public class CallReviewPolicy {

  private final RhythmProperties properties;
  private final CallReviewService reviews;
  private final Clock clock;

  public CallReviewPolicy(RhythmProperties properties, CallReviewService reviews, Clock clock) {
    this.properties = properties;
    this.reviews = reviews;
    this.clock = clock;
  }

  public String cron() {
    return properties.sampling().cron();
  }

  public Date reviewDue() {
    return Date.from(clock.instant().plus(properties.sampling().reviewWithin()));
  }

  public List<String> reviewsOf(String runId) {
    return reviews.reviewsOf(runId).stream().map(String::valueOf).toList();
  }

  public String supervisorOf(String reviewId) {
    return reviews.review(Long.parseLong(reviewId)).supervisorId();
  }
}
