package org.leadflow.scoring;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class ScoreLeadDelegateTest {

  private final LeadScoringService scoring = mock(LeadScoringService.class);
  private final ScoreLeadDelegate delegate = new ScoreLeadDelegate(scoring);

  @Test
  void writesTheCombinedScoreAndWhetherTheLeadIsSalesReady() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(scoring.scoreNewLead("lead-7", "system")).thenReturn(new ScoreResult(32, 50, true, "hand-raiser"));

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("leadScore", 82);
    verify(execution).setVariable("salesReady", true);
  }

  @Test
  void aLeadBelowTheThresholdIsNotSalesReady() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("mia");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(scoring.scoreNewLead("lead-7", "mia")).thenReturn(new ScoreResult(10, 5, false, "score 15 < threshold 60"));

    // when
    delegate.execute(execution);

    // then
    verify(scoring).scoreNewLead("lead-7", "mia");
    verify(execution).setVariable("leadScore", 15);
    verify(execution).setVariable("salesReady", false);
  }
}
