package org.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class RecordLeadAcceptedDelegateTest {

  private final SalesService sales = mock(SalesService.class);
  private final RecordLeadAcceptedDelegate delegate = new RecordLeadAcceptedDelegate(sales);

  @Test
  void theAssignedRepAcceptsTheLeadWithTheirNotes() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("leo");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");
    when(execution.getVariable("acceptNotes")).thenReturn("calling tomorrow");

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordAccepted("lead-7", "leo", "leo", "calling tomorrow");
  }

  @Test
  void aLeadAcceptedOnTheRepsBehalfStillBelongsToTheRep() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("max");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordAccepted("lead-7", "leo", "max", null);
  }

  @Test
  void aLeadWithoutAssignedRepCannotBeAccepted() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("leo");
    when(execution.getVariable("leadId")).thenReturn("lead-7");

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("salesRep");
    verifyNoInteractions(sales);
  }
}
