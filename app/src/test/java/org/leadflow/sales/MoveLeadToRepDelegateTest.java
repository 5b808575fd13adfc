package org.leadflow.sales;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;
import org.leadflow.routing.Assignment;

class MoveLeadToRepDelegateTest {

  private final ReassignmentService reassignments = mock(ReassignmentService.class);
  private final MoveLeadToRepDelegate delegate = new MoveLeadToRepDelegate(reassignments);

  @Test
  void theManagersChoiceMovesTheLeadAndBecomesTheRepOfTheProcess() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("max");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");
    when(execution.getVariable("reassignTo")).thenReturn("nora");
    when(reassignments.move("lead-7", "leo", "nora", "max")).thenReturn(new Assignment("nora", "mona", "manager ..."));

    // when
    delegate.execute(execution);

    // then
    verify(execution).removeVariable("reassignTo");
    verify(execution).setVariable("salesRep", "nora");
    verify(execution).setVariable("salesManager", "mona");
  }

  @Test
  void anEmptyChoiceLetsRoutingPick() {
    DelegateExecution execution = TestExecutions.completedBy("max");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");
    when(reassignments.move("lead-7", "leo", null, "max")).thenReturn(new Assignment("lena", "max", "manager ..."));

    delegate.execute(execution);

    verify(execution).setVariable("salesRep", "lena");
  }
}
