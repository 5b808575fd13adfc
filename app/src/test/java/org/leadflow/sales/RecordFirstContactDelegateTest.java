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

class RecordFirstContactDelegateTest {

  private final SalesService sales = mock(SalesService.class);
  private final RecordFirstContactDelegate delegate = new RecordFirstContactDelegate(sales);
  private final ArgumentCaptor<SalesService.FirstContact> contact = ArgumentCaptor.forClass(SalesService.FirstContact.class);

  private DelegateExecution firstContactBy(String rep) {
    DelegateExecution execution = TestExecutions.completedBy(rep);
    when(execution.getVariable("leadId")).thenReturn("lead-7");
    return execution;
  }

  @Test
  void anOpportunityVerdictCarriesPositionValueObjectionAndNotes() {
    // given
    DelegateExecution execution = firstContactBy("leo");
    when(execution.getVariable("salesOutcome")).thenReturn("OPPORTUNITY");
    when(execution.getVariable("funnelPosition")).thenReturn("MIDDLE");
    when(execution.getVariable("dealValue")).thenReturn(50_000L);
    when(execution.getVariable("objection")).thenReturn("TIMING");
    when(execution.getVariable("contactNotes")).thenReturn("budget approved in Q3");

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordFirstContact(eq("lead-7"), contact.capture(), eq("leo"));
    assertThat(contact.getValue().salesOutcome()).isEqualTo("OPPORTUNITY");
    assertThat(contact.getValue().funnelPosition()).isEqualTo("MIDDLE");
    assertThat(contact.getValue().dealValue()).isEqualByComparingTo("50000");
    assertThat(contact.getValue().objection()).isEqualTo("TIMING");
    assertThat(contact.getValue().notes()).isEqualTo("budget approved in Q3");
  }

  @Test
  void aDecimalDealValueFromTheFormKeepsItsCents() {
    // given
    DelegateExecution execution = firstContactBy("leo");
    when(execution.getVariable("salesOutcome")).thenReturn("OPPORTUNITY");
    when(execution.getVariable("dealValue")).thenReturn(1234.56d);

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordFirstContact(eq("lead-7"), contact.capture(), eq("leo"));
    assertThat(contact.getValue().dealValue()).isEqualTo(new BigDecimal("1234.56"));
  }

  @Test
  void aDisqualificationCarriesItsReasonAndNoDealValue() {
    // given
    DelegateExecution execution = firstContactBy("leo");
    when(execution.getVariable("salesOutcome")).thenReturn("DISQUALIFIED");
    when(execution.getVariable("disqualifyReason")).thenReturn("NO_FIT");

    // when
    delegate.execute(execution);

    // then
    verify(sales).recordFirstContact("lead-7",
        new SalesService.FirstContact("DISQUALIFIED", null, null, null, "NO_FIT", null), "leo");
  }
}
