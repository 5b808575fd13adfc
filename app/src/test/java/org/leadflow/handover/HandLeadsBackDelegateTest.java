package org.leadflow.handover;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class HandLeadsBackDelegateTest {

  private final HandoverService handovers = mock(HandoverService.class);
  private final HandLeadsBackDelegate delegate = new HandLeadsBackDelegate(handovers);

  @Test
  void theReturnTimerHandsThisHandoversLeadsBack() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("handoverId")).thenReturn(7L);

    // when
    delegate.execute(execution);

    // then
    verify(handovers).handBack(7L, "system");
  }
}
