package org.leadflow.sales;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.TestExecutions;

class OpenOpportunityDelegateTest {

  private final SalesService sales = mock(SalesService.class);
  private final OpenOpportunityDelegate delegate = new OpenOpportunityDelegate(sales);

  @Test
  void theOpportunityOpensForTheRepWithPositionAndValueForTheStuckTimerAndTheUpdateForm() {
    // given
    DelegateExecution execution = TestExecutions.runByTheEngine();
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    when(execution.getVariable("salesRep")).thenReturn("leo");
    when(sales.openOpportunity("lead-7", "leo", "system"))
        .thenReturn(new SalesService.OpenedOpportunity("MIDDLE", new BigDecimal("50000")));

    // when
    delegate.execute(execution);

    // then
    verify(sales).openOpportunity("lead-7", "leo", "system");
    verify(execution).setVariable("funnelPosition", "MIDDLE");
    verify(execution).setVariable("dealValue", 50000L);
  }
}
