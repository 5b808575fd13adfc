package org.leadflow.qualification;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;
import org.leadflow.routing.Assignment;
import org.leadflow.routing.RoutingService;

class AssignSdrDelegateTest {

  private final RoutingService routing = mock(RoutingService.class);
  private final AssignSdrDelegate delegate = new AssignSdrDelegate(routing);

  @Test
  void theMqlGoesToTheSdrRoutingChose() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(routing.assignSdr("lead-7", null, "MQL", "system")).thenReturn(Optional.of(new Assignment("sam", "max", "MQL: ...")));

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("sdrRep", "sam");
  }

  @Test
  void withNobodyEligibleTheTaskWaitsUnassignedInTheQueue() {
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(routing.assignSdr("lead-7", null, "MQL", "system")).thenReturn(Optional.empty());

    delegate.execute(execution);

    verify(execution).setVariable("sdrRep", null);
  }
}
