package org.leadflow.rhythm;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.leadflow.calendar.BusinessTime;
import org.springframework.stereotype.Component;

/**
 * What call-review.bpmn's expressions read: the timer cycle, the review task's due date, the reviews
 * of a run (the multi-instance collection) and each review's supervisor (the assignee).
 */
@Component("callReviewPolicy")
public class CallReviewPolicy {

  private final RhythmProperties properties;
  private final CallReviewService reviews;
  private final BusinessTime businessTime;
  private final Clock clock;

  public CallReviewPolicy(RhythmProperties properties, CallReviewService reviews, BusinessTime businessTime,
      Clock clock) {
    this.properties = properties;
    this.reviews = reviews;
    this.businessTime = businessTime;
    this.clock = clock;
  }

  public String cron() {
    return properties.sampling().cron();
  }

  /**
   * {@code lead.rhythm.sampling.review-within} of working time in the calendar of the review's (first)
   * team: a review made on Saturday morning falls due on Monday.
   */
  public Date reviewDue(String reviewId) {
    String teamId = reviews.items(Long.parseLong(reviewId)).stream().map(CallReviewItem::teamId).findFirst()
        .orElse(null);
    return Date.from(businessTime.plus(teamId, clock.instant(), properties.sampling().reviewWithin()));
  }

  public List<String> reviewsOf(String runId) {
    return reviews.reviewsOf(runId).stream().map(String::valueOf).toList();
  }

  public String supervisorOf(String reviewId) {
    return reviews.review(Long.parseLong(reviewId)).supervisorId();
  }
}
