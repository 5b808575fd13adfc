package org.leadflow.rhythm;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.leadflow.process.LeadVariables;
import org.springframework.stereotype.Component;

/** Task_SampleCalls: samples the previous day's calls of every team due; this instance is the run. */
@Component
class SampleCallsDelegate implements JavaDelegate {

  private final CallReviewService reviews;
  private final Clock clock;

  SampleCallsDelegate(CallReviewService reviews, Clock clock) {
    this.reviews = reviews;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String run = execution.getProcessInstanceId();
    LeadVariables.CALL_REVIEW_RUN.set(execution, run);
    LeadVariables.CALL_REVIEWS.set(execution, reviews.sampleDue(clock.instant(), run).size());
  }
}
