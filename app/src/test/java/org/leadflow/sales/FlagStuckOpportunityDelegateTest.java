package org.leadflow.sales;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.config.LeadProperties;
import org.leadflow.lead.TestExecutions;
import org.leadflow.sla.OpportunityPolicy;

class FlagStuckOpportunityDelegateTest {

  private final SalesService sales = mock(SalesService.class);
  private final OpportunityPolicy policy = new OpportunityPolicy(new LeadProperties(null, null, null, null,
      new LeadProperties.OpportunityDwell(Duration.ofDays(14), Duration.ofDays(21), Duration.ofDays(10)), null));
  private final FlagStuckOpportunityDelegate delegate = new FlagStuckOpportunityDelegate(sales, policy);

  @Test
  void aDealStuckInItsPositionIsFlaggedWithThatPositionsDwellLimit() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("funnelPosition")).thenReturn("MIDDLE");

    // when
    delegate.execute(execution);

    // then
    verify(sales).flagStuck("lead-7", "MIDDLE", Duration.ofDays(21));
  }

  @Test
  void aDealWithoutPositionCountsAsTopOfTheFunnel() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");

    // when
    delegate.execute(execution);

    // then
    verify(sales).flagStuck("lead-7", "TOP", Duration.ofDays(14));
  }
}
