package org.leadflow.handover;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class HandOverOpenLeadsDelegateTest {

  private final HandoverService handovers = mock(HandoverService.class);
  private final HandOverOpenLeadsDelegate delegate = new HandOverOpenLeadsDelegate(handovers);

  @Test
  void anAbsenceWithAReturnDateFromTheStartFormIsHandedOverAndComesBack() {
    // given the start form's values (the date picker gives yyyy-MM-dd)
    DelegateExecution execution = TestExecutions.completedBy("max");
    when(execution.getProcessInstanceId()).thenReturn("pi-1");
    when(execution.getVariable("departingRep")).thenReturn("lena");
    when(execution.getVariable("handoverKind")).thenReturn("ABSENT");
    when(execution.getVariable("returnsOn")).thenReturn("2026-12-14");
    when(execution.getVariable("handBackOnReturn")).thenReturn(true);
    when(execution.getVariable("successor")).thenReturn("leo");
    when(execution.getVariable("handoverNote")).thenReturn("parental leave");
    when(handovers.handOver("lena", HandoverKind.ABSENT, LocalDate.of(2026, 12, 14), true, "leo", "parental leave",
        "pi-1", "max")).thenReturn(7L);

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("handoverId", 7L);
    verify(execution).setVariable("handBack", true);
  }

  @Test
  void aDepartureNeverComesBack() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("max");
    when(execution.getVariable("departingRep")).thenReturn("lena");
    when(execution.getVariable("handoverKind")).thenReturn("DEPARTED");
    when(execution.getVariable("handBackOnReturn")).thenReturn(true);
    when(handovers.handOver(anyString(), any(), any(), anyBoolean(), any(), any(), any(), anyString())).thenReturn(8L);

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("handBack", false);
  }

  @Test
  void anUnknownKindNamesTheFieldAndMovesNothing() {
    DelegateExecution execution = TestExecutions.completedBy("max");
    when(execution.getVariable("departingRep")).thenReturn("lena");
    when(execution.getVariable("handoverKind")).thenReturn("RETIRED");

    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(InvalidHandoverException.class)
        .hasMessageContaining("DEPARTED or ABSENT");
    verifyNoInteractions(handovers);
  }
}
