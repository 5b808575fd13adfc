package org.leadflow.rhythm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** On completing Task_ReviewSampledCalls: the verdicts of the form's list are recorded. */
@Component
class RecordCallReviewListener implements TaskListener {

  private final CallReviewService reviews;
  private final ObjectMapper json;

  RecordCallReviewListener(CallReviewService reviews, ObjectMapper json) {
    this.reviews = reviews;
    this.json = json;
  }

  @Override
  public void notify(DelegateTask task) {
    long reviewId = Long.parseLong(LeadVariables.CALL_REVIEW_ID.get(task));
    Object items = LeadVariables.CALL_REVIEW_ITEMS.find(task).orElse("[]");
    String supervisor = task.getAssignee() != null ? task.getAssignee() : reviews.review(reviewId).supervisorId();
    reviews.recordVerdicts(reviewId, read(items), supervisor);
  }

  /** Spin JSON from Tasklist (its toString is the JSON), or a JSON string from a script. */
  private JsonNode read(Object items) {
    try {
      JsonNode list = json.readTree(items.toString());
      if (!list.isArray()) {
        throw new IllegalArgumentException("callReviewItems must be a JSON array");
      }
      return list;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("callReviewItems is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
