package org.leadflow.sla;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class RecordSlaEventDelegateTest {

  private final SlaService sla = mock(SlaService.class);
  private final RecordSlaEventDelegate delegate = new RecordSlaEventDelegate(sla);

  @Test
  void recordsTheSlaAndTierGivenAsInputParameters() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("slaType")).thenReturn("SALES_ACCEPT");
    when(execution.getVariable("slaTier")).thenReturn("ESCALATION");

    // when
    delegate.execute(execution);

    // then
    verify(sla).record("lead-7", SlaService.SlaType.SALES_ACCEPT, SlaService.Tier.ESCALATION);
  }

  @Test
  void aMisspelledTierInTheModelFailsInsteadOfRecordingTheWrongTier() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("slaType")).thenReturn("SALES_FIRST_CONTACT");
    when(execution.getVariable("slaTier")).thenReturn("BREACHED");

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(IllegalArgumentException.class);
    verifyNoInteractions(sla);
  }

  @Test
  void aTaskWithoutSlaTypeIsAModellingError() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("slaTier")).thenReturn("BREACH");

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("slaType");
    verifyNoInteractions(sla);
  }
}
