package org.leadflow.lead;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class RecycleLeadDelegateTest {

  private final LeadService leads = mock(LeadService.class);
  private final RecycleLeadDelegate delegate = new RecycleLeadDelegate(leads);

  @Test
  void theLeadGoesBackToMarketingWithTheGivenReasonAndTheNewRecycleCount() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("sam");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("recycleReason")).thenReturn("NOT_NOW");
    when(leads.recycle("lead-7", "NOT_NOW", "sam")).thenReturn(2);

    // when
    delegate.execute(execution);

    // then
    verify(leads).recycle("lead-7", "NOT_NOW", "sam");
    verify(execution).setVariable("recycleCount", 2);
  }

  @Test
  void aRecycleWithoutReasonIsRecordedAsUnspecified() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(leads.recycle("lead-7", "UNSPECIFIED", "system")).thenReturn(1);

    // when
    delegate.execute(execution);

    // then
    verify(leads).recycle("lead-7", "UNSPECIFIED", "system");
    verify(execution).setVariable("recycleCount", 1);
  }
}
