package org.leadflow.sla;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class RecordSlaEventDelegateTest {

  private final SlaService sla = mock(SlaService.class);
  private final RecordSlaEventDelegate delegate = new RecordSlaEventDelegate(sla);

  private static SlaInstance instance() {
    Instant t = Instant.parse("2026-12-04T09:00:00Z");
    return new SlaInstance(7L, "lead-7", SlaType.SALES_ACCEPT, "leo", "sales-north", "sla-policy:v1/Rule_AcceptDefault",
        null, t, t, t, t, t, t, "ESCALATION", null, SlaInstance.Status.OPEN, null, null, null, "pi", null);
  }

  @Test
  void anEscalationNamesTheSupervisorOfTheTeamTheSlaCountsIn() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("slaType")).thenReturn("SALES_ACCEPT");
    when(execution.getVariable("slaTier")).thenReturn("ESCALATION");
    when(sla.recordTier("lead-7", SlaType.SALES_ACCEPT, SlaTier.ESCALATION)).thenReturn(Optional.of(instance()));
    when(sla.managerOf(instance())).thenReturn(Optional.of("max"));

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("slaManager", "max");
  }

  @Test
  void theRecycleTierGivesTheLeadAnSlaRecycleReason() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("slaType")).thenReturn("SALES_FIRST_CONTACT");
    when(execution.getVariable("slaTier")).thenReturn("RECYCLE");
    when(sla.recordTier("lead-7", SlaType.SALES_FIRST_CONTACT, SlaTier.RECYCLE)).thenReturn(Optional.of(instance()));

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("recycleReason", "SLA_SALES_FIRST_CONTACT");
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
