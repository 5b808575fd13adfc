package org.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class CheckLeadValidityDelegateTest {

  private final LeadValidityService validity = mock(LeadValidityService.class);
  private final CheckLeadValidityDelegate delegate = new CheckLeadValidityDelegate(validity);

  @Test
  void aValidLeadIsMarkedValidWithoutAnInvalidReason() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(validity.checkAndRecord("lead-7", "system"))
        .thenReturn(new LeadValidityService.Verdict(true, null, null, null, "lead-validity:v1/Rule_Valid"));

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("leadValid", true);
    verify(execution, never()).setVariable(eq("invalidReason"), any());
  }

  @Test
  void anInvalidLeadCarriesItsReasonForTheGateway() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(validity.checkAndRecord("lead-7", "system"))
        .thenReturn(new LeadValidityService.Verdict(false, InvalidReason.DUPLICATE, "lead-3", "same contact",
            "lead-validity:v1/Rule_Duplicate"));

    // when
    delegate.execute(execution);

    // then
    verify(execution).setVariable("leadValid", false);
    verify(execution).setVariable("invalidReason", "DUPLICATE");
  }

  @Test
  void theCheckIsRecordedInTheNameOfTheAuthenticatedUser() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("mia");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(validity.checkAndRecord(anyString(), anyString()))
        .thenReturn(new LeadValidityService.Verdict(true, null, null, null, "lead-validity:v1/Rule_Valid"));

    // when
    delegate.execute(execution);

    // then
    verify(validity).checkAndRecord("lead-7", "mia");
  }

  @Test
  void anInstanceWithoutLeadIdFailsBeforeAnythingIsChecked() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();

    // when / then
    assertThatThrownBy(() -> delegate.execute(execution))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("leadId");
    verifyNoInteractions(validity);
  }
}
