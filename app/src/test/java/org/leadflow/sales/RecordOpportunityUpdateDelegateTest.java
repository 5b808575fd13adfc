package org.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.leadflow.lead.TestExecutions;

class RecordOpportunityUpdateDelegateTest {

  private final SalesService sales = mock(SalesService.class);
  private final RecordOpportunityUpdateDelegate delegate = new RecordOpportunityUpdateDelegate(sales);
  private final ArgumentCaptor<SalesService.OpportunityUpdate> update =
      ArgumentCaptor.forClass(SalesService.OpportunityUpdate.class);

  private DelegateExecution updateBy(String rep) {
    DelegateExecution execution = TestExecutions.completedBy(rep);
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    return execution;
  }

  @Test
  void aWholeNumberDealValueBecomesADecimal() {
    // given
    DelegateExecution execution = updateBy("leo");
    when(execution.getVariable("funnelPosition")).thenReturn("BOTTOM");
    when(execution.getVariable("dealValue")).thenReturn(75_000L);
    when(execution.getVariable("opportunityOutcome")).thenReturn("OPEN");
    when(execution.getVariable("opportunityNotes")).thenReturn("legal review");

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordOpportunityUpdate(eq("lead-7"), update.capture(), eq("leo"));
    assertThat(update.getValue().funnelPosition()).isEqualTo("BOTTOM");
    assertThat(update.getValue().dealValue()).isEqualTo(BigDecimal.valueOf(75_000));
    assertThat(update.getValue().outcome()).isEqualTo("OPEN");
    assertThat(update.getValue().notes()).isEqualTo("legal review");
  }

  @Test
  void aDoubleDealValueBecomesTheSameDecimal() {
    // given
    DelegateExecution execution = updateBy("leo");
    when(execution.getVariable("dealValue")).thenReturn(19_999.99d);

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordOpportunityUpdate(eq("lead-7"), update.capture(), eq("leo"));
    assertThat(update.getValue().dealValue()).isEqualTo(new BigDecimal("19999.99"));
  }

  @Test
  void anUpdateWithoutOutcomeKeepsTheDealOpen() {
    // given
    DelegateExecution execution = updateBy("leo");

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordOpportunityUpdate(eq("lead-7"), update.capture(), eq("leo"));
    assertThat(update.getValue().outcome()).isEqualTo("OPEN");
    assertThat(update.getValue().dealValue()).isNull();
  }

  @Test
  void aWonDealCarriesItsCloseReasonAndWhetherTheCustomerIsNew() {
    // given
    DelegateExecution execution = updateBy("leo");
    when(execution.getVariable("funnelPosition")).thenReturn("BOTTOM");
    when(execution.getVariable("dealValue")).thenReturn(80_000L);
    when(execution.getVariable("opportunityOutcome")).thenReturn("WON");
    when(execution.getVariable("closeReason")).thenReturn("BEST_FIT");
    when(execution.getVariable("newCustomer")).thenReturn(true);

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordOpportunityUpdate("lead-7", new SalesService.OpportunityUpdate("BOTTOM",
        BigDecimal.valueOf(80_000), "WON", "BEST_FIT", true, null), "leo");
  }
}
