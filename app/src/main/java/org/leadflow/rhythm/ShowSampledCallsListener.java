package org.leadflow.rhythm;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/**
 * On creating a Task_ReviewSampledCalls: the review's header and its sampled calls become task-local
 * variables, the list as Spin JSON (Tasklist's form-js shows it as a dynamic list and sends it back as
 * JSON). A listener, not an input mapping: the multi-instance element variable is not yet set when an
 * input mapping of the activity is evaluated.
 */
@Component
class ShowSampledCallsListener implements TaskListener {

  private final CallReviewService reviews;

  ShowSampledCallsListener(CallReviewService reviews) {
    this.reviews = reviews;
  }

  @Override
  public void notify(DelegateTask task) {
    long reviewId = Long.parseLong(LeadVariables.CALL_REVIEW_ID.get(task));
    task.setVariableLocal(LeadVariables.CALL_REVIEW_SUMMARY.name(), reviews.summary(reviewId));
    task.setVariableLocal(LeadVariables.CALL_REVIEW_ITEMS.name(), Spin.JSON(reviews.formItems(reviewId).toString()));
  }
}
