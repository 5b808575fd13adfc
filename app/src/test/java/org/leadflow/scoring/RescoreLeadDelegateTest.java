package org.leadflow.scoring;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class RescoreLeadDelegateTest {

  private final LeadScoringService scoring = mock(LeadScoringService.class);
  private final RescoreLeadDelegate delegate = new RescoreLeadDelegate(scoring);

  @Test
  void anEngagementThatLiftsTheLeadOverTheThresholdEndsNurtureAsMql() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("engagementType")).thenReturn("RESUBMISSION_DEMO_REQUEST");
    when(scoring.applyEngagement("lead-7", "RESUBMISSION_DEMO_REQUEST", "system"))
        .thenReturn(new ScoreResult(20, 60, true, "hand-raiser"));

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("leadScore", 80);
    verify(execution).setVariable("salesReady", true);
    verify(execution).setVariable("nurtureOutcome", "MQL");
    verify(scoring, never()).rescore(anyString(), anyString());
  }

  @Test
  void theEngagementIsConsumedSoTheNextTimerRescoreDoesNotCountItAgain() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("engagementType")).thenReturn("RESUBMISSION_NEWSLETTER");
    when(scoring.applyEngagement("lead-7", "RESUBMISSION_NEWSLETTER", "system"))
        .thenReturn(new ScoreResult(10, 10, false, "score 20 < threshold 60"));

    // when
    delegate.execute(execution);

    // then
    verify(execution).removeVariable("engagementType");
  }

  @Test
  void aTimerRescoreWithoutEngagementKeepsTheLeadNurturing() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(scoring.rescore("lead-7", "system")).thenReturn(new ScoreResult(10, 15, false, "score 25 < threshold 60"));

    // when
    delegate.execute(execution);

    // then
    verify(scoring, never()).applyEngagement(anyString(), anyString(), anyString());
    verify(execution).setVariable("leadScore", 25);
    verify(execution).setVariable("salesReady", false);
    verify(execution, never()).setVariable(eq("nurtureOutcome"), any());
  }
}
