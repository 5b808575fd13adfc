package org.leadflow.lead;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class EnrolInNurtureDelegateTest {

  private final LeadService leads = mock(LeadService.class);
  private final EnrolInNurtureDelegate delegate = new EnrolInNurtureDelegate(leads);

  @Test
  void aLeadBelowTheThresholdEntersNurtureInMarketingsQueue() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(leads.get("lead-7")).thenReturn(TestLeads.lead("lead-7").scores(15, 20).build());

    // when
    delegate.execute(execution);

    // then
    verify(leads).moveToStage("lead-7", LeadStage.NURTURING, null, "system",
        "score 35 below the sales-ready threshold");
    verify(execution).setVariable("nurtureOutcome", "NURTURING");
  }

  @Test
  void aRecycledLeadReEntersNurtureNamingHowOftenItWasRecycled() {
    // given
    DelegateExecution execution = TestExecutions.completedBy("sam");
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(leads.get("lead-7")).thenReturn(
        TestLeads.lead("lead-7").stage(LeadStage.RECYCLED).recycleCount(2).scores(40, 40).build());

    // when
    delegate.execute(execution);

    // then
    verify(leads).moveToStage("lead-7", LeadStage.NURTURING, null, "sam", "re-enters nurture after recycle #2");
    verify(execution).setVariable("nurtureOutcome", "NURTURING");
  }
}
