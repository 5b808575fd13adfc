package org.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class CloseLeadAsDormantDelegateTest {

  private final LeadService leads = mock(LeadService.class);
  private final CloseLeadAsDormantDelegate delegate = new CloseLeadAsDormantDelegate(leads);

  @Test
  void theLeadClosesAsDormantInTheTeamQueueWithTheModelledReason() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("dormantReason")).thenReturn("NURTURE_EXPIRED");

    // when
    delegate.execute(execution);

    // then
    verify(leads).moveToStage("lead-7", LeadStage.DORMANT, null, "system", "NURTURE_EXPIRED");
  }

  @Test
  void aMissingDormantReasonIsAModellingErrorAndLeavesTheLeadAlone() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dormantReason");
    verifyNoInteractions(leads);
  }
}
