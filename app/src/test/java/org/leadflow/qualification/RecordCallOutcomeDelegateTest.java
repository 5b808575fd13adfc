package org.leadflow.qualification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class RecordCallOutcomeDelegateTest {

  private final QualificationService qualification = mock(QualificationService.class);
  private final RecordCallOutcomeDelegate delegate = new RecordCallOutcomeDelegate(qualification);

  @Test
  void theFirstCallIsAttemptOneAndCarriesTheWholeSdrForm() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("sam");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("callOutcome")).thenReturn("REACHED");
    when(execution.getVariable("qualification")).thenReturn("SALES_READY");
    when(execution.getVariable("realNeed")).thenReturn(true);
    when(execution.getVariable("authority")).thenReturn("DECISION_MAKER");
    when(execution.getVariable("timing")).thenReturn("THIS_QUARTER");
    when(execution.getVariable("objection")).thenReturn("PRICE");
    when(execution.getVariable("callNotes")).thenReturn("wants a demo next week");

    // when
    delegate.execute(execution);

    // then
    verify(qualification).recordCall("lead-7", 1, new CallVerdict("REACHED", "SALES_READY", true,
        "DECISION_MAKER", "THIS_QUARTER", "PRICE", null, null, null, "wants a demo next week"), "sam");
    verify(execution).setVariable("callAttempts", 1);
  }

  @Test
  void everyFurtherCallCountsAsTheNextAttempt() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("sam");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("callAttempts")).thenReturn(2);
    when(execution.getVariable("callOutcome")).thenReturn("NO_ANSWER");

    // when
    delegate.execute(execution);

    // then
    verify(qualification).recordCall("lead-7", 3,
        new CallVerdict("NO_ANSWER", null, null, null, null, null, null, null, null, null), "sam");
    verify(execution).setVariable("callAttempts", 3);
  }

  @Test
  void theVerdictReasonsAreHandedToTheService() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("sam");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("callOutcome")).thenReturn("REACHED");
    when(execution.getVariable("qualification")).thenReturn("RECYCLE");
    when(execution.getVariable("invalidReason")).thenReturn("NO_NEED");
    when(execution.getVariable("disqualifyReason")).thenReturn("NO_FIT");
    when(execution.getVariable("recycleReason")).thenReturn("NOT_NOW");

    // when
    delegate.execute(execution);

    // then
    verify(qualification).recordCall("lead-7", 1, new CallVerdict("REACHED", "RECYCLE", null, null, null, null,
        "NO_NEED", "NO_FIT", "NOT_NOW", null), "sam");
  }

  @Test
  void aRejectedVerdictDoesNotCountAsAnAttempt() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("sam");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("callAttempts")).thenReturn(1);
    when(execution.getVariable("callOutcome")).thenReturn("REACHED");
    when(execution.getVariable("qualification")).thenReturn("SALES_READY");
    doThrow(new IllegalArgumentException("A sales-ready lead needs a confirmed real need (realNeed)"))
        .when(qualification).recordCall(anyString(), anyInt(), any(), anyString());

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(IllegalArgumentException.class);
    verify(execution, never()).setVariable(eq("callAttempts"), any());
  }
}
