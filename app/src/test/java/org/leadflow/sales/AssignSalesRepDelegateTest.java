package org.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;
import org.leadflow.routing.Assignment;
import org.leadflow.routing.NoEligibleRepException;
import org.leadflow.routing.RoutingService;

class AssignSalesRepDelegateTest {

  private final RoutingService routing = mock(RoutingService.class);
  private final AssignSalesRepDelegate delegate = new AssignSalesRepDelegate(routing);

  @Test
  void aSalesReadyLeadGetsItsFirstRepAndTheRepsManager() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(routing.assignSalesRep("lead-7", null, "sales-ready", "system"))
        .thenReturn(new Assignment("leo", "max", "sales-ready: round robin"));

    // when
    delegate.execute(execution);

    // then
    verify(routing).assignSalesRep("lead-7", null, "sales-ready", "system");
    verify(execution).setVariable("salesRep", "leo");
    verify(execution).setVariable("salesManager", "max");
  }

  @Test
  void aManagersReassignmentTakesTheLeadFromTheCurrentRepAndConsumesTheDecision() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("max");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");
    when(execution.getVariable("managerDecision")).thenReturn("REASSIGN_NOW");
    when(routing.assignSalesRep("lead-7", "leo", "manager reassigned", "max"))
        .thenReturn(new Assignment("lia", "max", "manager reassigned: round robin"));

    // when
    delegate.execute(execution);

    // then
    verify(routing).assignSalesRep("lead-7", "leo", "manager reassigned", "max");
    verify(execution).removeVariable("managerDecision");
    verify(execution).setVariable("salesRep", "lia");
    verify(execution).setVariable("salesManager", "max");
  }

  @Test
  void withoutAManagersDecisionAReassignmentIsCausedByTheSlaReassignmentTier() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");
    when(routing.assignSalesRep(anyString(), anyString(), anyString(), anyString()))
        .thenReturn(new Assignment("lia", null, "SLA reassignment tier: round robin"));

    // when
    delegate.execute(execution);

    // then
    verify(routing).assignSalesRep("lead-7", "leo", "SLA reassignment tier", "system");
    verify(execution).setVariable("salesRep", "lia");
    verify(execution).setVariable("salesManager", null);
  }

  @Test
  void aManagerWhoKeepsTheRepDoesNotCountAsAReassignmentCause() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");
    when(execution.getVariable("managerDecision")).thenReturn("KEEP_REP");
    when(routing.assignSalesRep(anyString(), anyString(), anyString(), anyString()))
        .thenReturn(new Assignment("lia", "max", "SLA reassignment tier: round robin"));

    // when
    delegate.execute(execution);

    // then
    verify(routing).assignSalesRep("lead-7", "leo", "SLA reassignment tier", "system");
  }

  @Test
  void aSalesReadyLeadWhoseWholeTeamIsBusyWaitsThroughTheBpmnErrorInsteadOfFailingTheJob() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(routing.assignSalesRep("lead-7", null, "sales-ready", "system")).thenThrow(NoEligibleRepException.staffingGap(
        "Nobody in team sales-west can take the lead; skipped nick (at capacity 15/15)"));

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOfSatisfying(BpmnError.class, error -> {
      assertThat(error.getErrorCode()).isEqualTo("Err_NoSalesRepFree");
      assertThat(error.getMessage()).contains("nick (at capacity 15/15)");
    });
    verify(execution, never()).setVariable(eq("salesRep"), any());
  }

  @Test
  void aRoutingTableNamingAMissingTeamStillFailsTheJobSoThatAnAdminSeesTheIncident() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(routing.assignSalesRep("lead-7", null, "sales-ready", "system")).thenThrow(
        new NoEligibleRepException("Team 'sales-mars' (named by the routing table) does not exist"));

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(NoEligibleRepException.class)
        .isNotInstanceOf(BpmnError.class).hasMessageContaining("sales-mars");
  }

  @Test
  void aReassignmentThatFindsNobodyIsNotTurnedIntoTheWaitOfAFirstAssignment() {
    // given: Task_ReassignForFirstContact has no boundary for the error: it must never see it
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");
    when(routing.assignSalesRep(anyString(), anyString(), anyString(), anyString()))
        .thenThrow(NoEligibleRepException.staffingGap("Nobody in team sales-west can take the lead"));

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(NoEligibleRepException.class);
  }
}
