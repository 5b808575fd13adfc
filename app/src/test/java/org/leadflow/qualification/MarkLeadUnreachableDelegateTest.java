package org.leadflow.qualification;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class MarkLeadUnreachableDelegateTest {

  private final QualificationService qualification = mock(QualificationService.class);
  private final MarkLeadUnreachableDelegate delegate = new MarkLeadUnreachableDelegate(qualification);

  @Test
  void afterTheLastUnansweredAttemptTheLeadIsInvalidAsUnreachable() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("callAttempts")).thenReturn(3);

    // when
    delegate.execute(execution);

    // then
    verify(qualification).markUnreachable("lead-7", 3, "system");
    verify(execution).setVariable("qualification", "INVALID");
    verify(execution).setVariable("invalidReason", "UNREACHABLE");
  }

  @Test
  void withoutRecordedAttemptsZeroAttemptsAreReported() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("sam");
    when(execution.getVariable("leadId")).thenReturn("lead-7");

    // when
    delegate.execute(execution);

    // then
    verify(qualification).markUnreachable("lead-7", 0, "sam");
  }
}
