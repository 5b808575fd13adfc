package org.leadflow.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;

class SalesServiceTest {

  private final LeadService leads = mock(LeadService.class);
  private final SalesService sales = new SalesService(leads);

  private void givenOpportunity(String position, Instant stuckSince) {
    when(leads.get("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.OPPORTUNITY).ownerId("leo")
        .funnelPosition(position).dealValue(new BigDecimal("50000")).stuckSince(stuckSince).build());
  }

  private static SalesService.OpportunityUpdate update(String position, String outcome, String closeReason,
      Boolean newCustomer) {
    return new SalesService.OpportunityUpdate(position, new BigDecimal("60000"), outcome, closeReason, newCustomer, null);
  }

  @Test
  void anAcceptedLeadIsSalesAcceptedAndOwnedByTheRep() {
    // when
    sales.recordAccepted("lead-7", "leo", "leo", "calling tomorrow");

    // then
    verify(leads).recordActivity("lead-7", ActivityType.ACCEPT_DECISION, "ACCEPTED", null, "leo", "calling tomorrow");
    verify(leads).moveToStage("lead-7", LeadStage.SAL, "leo", "leo", "accepted by leo");
  }

  @Test
  void aLeadAcceptedByTheManagerOnTheRepsBehalfIsStillOwnedByTheRep() {
    // when
    sales.recordAccepted("lead-7", "leo", "max", null);

    // then
    verify(leads).moveToStage("lead-7", LeadStage.SAL, "leo", "max", "accepted by leo");
  }

  @Test
  void anOpportunityVerdictOnFirstContactStoresPositionAndValue() {
    // given
    SalesService.FirstContact contact = new SalesService.FirstContact("OPPORTUNITY", "MIDDLE",
        new BigDecimal("50000"), "TIMING", null, "good call");

    // when
    sales.recordFirstContact("lead-7", contact, "leo");

    // then
    verify(leads).recordActivity("lead-7", ActivityType.FIRST_CONTACT, "OPPORTUNITY", "TIMING", "leo", "good call");
    verify(leads).updateOpportunity("lead-7", "MIDDLE", new BigDecimal("50000"));
    verify(leads, never()).moveToStage(anyString(), any(), anyString(), anyString());
    verify(leads, never()).moveToStage(anyString(), any(), any(), anyString(), anyString());
  }

  @Test
  void anOpportunityWithoutChosenPositionStartsAtTheTop() {
    // given
    SalesService.FirstContact contact = new SalesService.FirstContact("OPPORTUNITY", null, BigDecimal.ZERO,
        null, null, null);

    // when
    sales.recordFirstContact("lead-7", contact, "leo");

    // then
    verify(leads).updateOpportunity("lead-7", "TOP", BigDecimal.ZERO);
  }

  @Test
  void anOpportunityNeedsADealValue() {
    // given
    SalesService.FirstContact contact = new SalesService.FirstContact("OPPORTUNITY", "TOP", null, null, null, null);

    // when / then
    assertThatThrownBy(() -> sales.recordFirstContact("lead-7", contact, "leo"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dealValue");
    verify(leads, never()).updateOpportunity(anyString(), anyString(), any());
  }

  @Test
  void anOpportunityCannotHaveANegativeDealValue() {
    // given
    SalesService.FirstContact contact = new SalesService.FirstContact("OPPORTUNITY", "TOP",
        new BigDecimal("-1"), null, null, null);

    // when / then
    assertThatThrownBy(() -> sales.recordFirstContact("lead-7", contact, "leo"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dealValue");
    verify(leads, never()).updateOpportunity(anyString(), anyString(), any());
  }

  @Test
  void aDisqualificationOnFirstContactClosesTheLeadWithTheReasonAndKeepsItsOwner() {
    // given
    SalesService.FirstContact contact = new SalesService.FirstContact("DISQUALIFIED", null, null, null,
        "NO_BUDGET", null);

    // when
    sales.recordFirstContact("lead-7", contact, "leo");

    // then
    verify(leads).moveToStage("lead-7", LeadStage.DISQUALIFIED, "leo", "disqualified by sales: NO_BUDGET");
    verify(leads, never()).updateOpportunity(anyString(), anyString(), any());
  }

  @Test
  void aRecycleOnFirstContactIsOnlyLoggedForTheLifecycleToRecycle() {
    // given
    SalesService.FirstContact contact = new SalesService.FirstContact("RECYCLE", null, null, "NO_NEED", null, null);

    // when
    sales.recordFirstContact("lead-7", contact, "leo");

    // then
    verify(leads).recordActivity("lead-7", ActivityType.FIRST_CONTACT, "RECYCLE", "NO_NEED", "leo", null);
    verify(leads, never()).updateOpportunity(anyString(), anyString(), any());
    verify(leads, never()).moveToStage(anyString(), any(), anyString(), anyString());
  }

  @Test
  void aFirstContactWithoutVerdictIsRejected() {
    // given
    SalesService.FirstContact contact = new SalesService.FirstContact(null, null, null, null, null, null);

    // when / then
    assertThatThrownBy(() -> sales.recordFirstContact("lead-7", contact, "leo"))
        .hasMessageContaining("salesOutcome is required");
  }

  @Test
  void openingTheOpportunityUsesThePositionAndValueFromFirstContact() {
    // given
    when(leads.get("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.SAL).ownerId("leo")
        .funnelPosition("MIDDLE").dealValue(new BigDecimal("50000")).build());

    // when
    SalesService.OpenedOpportunity opened = sales.openOpportunity("lead-7", "leo", "system");

    // then
    assertThat(opened).isEqualTo(new SalesService.OpenedOpportunity("MIDDLE", new BigDecimal("50000")));
    verify(leads).updateOpportunity("lead-7", "MIDDLE", new BigDecimal("50000"));
    verify(leads).moveToStage("lead-7", LeadStage.OPPORTUNITY, "leo", "system", "opportunity at MIDDLE, value 50000");
  }

  @Test
  void anOpportunityOpenedWithoutPositionOrValueStartsAtTheTop() {
    // given
    when(leads.get("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.SAL).build());

    // when
    SalesService.OpenedOpportunity opened = sales.openOpportunity("lead-7", "leo", "system");

    // then
    assertThat(opened.funnelPosition()).isEqualTo("TOP");
    assertThat(opened.dealValue()).isNull();
    verify(leads).moveToStage("lead-7", LeadStage.OPPORTUNITY, "leo", "system", "opportunity at TOP");
  }

  @Test
  void movingTheDealToAnotherPositionClearsTheStuckFlagAndLogsTheMove() {
    // given
    givenOpportunity("TOP", null);

    // when
    sales.recordOpportunityUpdate("lead-7", new SalesService.OpportunityUpdate("MIDDLE", new BigDecimal("60000"),
        "OPEN", null, null, " demo done "), "leo");

    // then
    verify(leads).updateOpportunity("lead-7", "MIDDLE", new BigDecimal("60000"));
    verify(leads).recordActivity("lead-7", ActivityType.OPPORTUNITY_UPDATE, "OPEN", null, "leo",
        "TOP -> MIDDLE, value 60000; demo done");
    verify(leads).markStuck("lead-7", false);
  }

  @Test
  void anUpdateInTheSamePositionOfADealThatIsNotStuckLeavesTheFlagAlone() {
    // given
    givenOpportunity("MIDDLE", null);

    // when
    sales.recordOpportunityUpdate("lead-7", update("MIDDLE", "OPEN", null, null), "leo");

    // then
    verify(leads, never()).markStuck(anyString(), anyBoolean());
  }

  @Test
  void anUpdateOfAStuckDealClearsTheFlag() {
    // given
    givenOpportunity("MIDDLE", Instant.parse("2025-03-20T00:00:00Z"));

    // when
    sales.recordOpportunityUpdate("lead-7", update("MIDDLE", "OPEN", null, null), "leo");

    // then
    verify(leads).markStuck("lead-7", false);
  }

  @Test
  void anOpenDealDoesNotChangeTheLeadsStage() {
    // given
    givenOpportunity("TOP", null);

    // when
    sales.recordOpportunityUpdate("lead-7", update("MIDDLE", "OPEN", null, null), "leo");

    // then
    verify(leads, never()).recordClose(anyString(), anyString(), any());
    verify(leads, never()).moveToStage(anyString(), any(), anyString(), anyString());
  }

  @Test
  void aWonDealClosesTheLeadAsWonWithReasonAndNewCustomerFlag() {
    // given
    givenOpportunity("BOTTOM", null);

    // when
    sales.recordOpportunityUpdate("lead-7", update("BOTTOM", "WON", "BEST_FIT", true), "leo");

    // then
    verify(leads).recordClose("lead-7", "BEST_FIT", true);
    verify(leads).moveToStage("lead-7", LeadStage.WON, "leo", "won: BEST_FIT");
  }

  @Test
  void aLostDealClosesTheLeadAsLostAndNeverCountsANewCustomer() {
    // given
    givenOpportunity("BOTTOM", null);

    // when
    sales.recordOpportunityUpdate("lead-7", update("BOTTOM", "LOST", "COMPETITOR", true), "leo");

    // then
    verify(leads).recordClose("lead-7", "COMPETITOR", null);
    verify(leads).moveToStage("lead-7", LeadStage.LOST, "leo", "lost: COMPETITOR");
  }

  @ParameterizedTest
  @ValueSource(strings = {"WON", "LOST"})
  void aDealClosedWithoutReasonIsRejected(String outcome) {
    // given
    givenOpportunity("BOTTOM", null);

    // when / then
    assertThatThrownBy(() -> sales.recordOpportunityUpdate("lead-7", update("BOTTOM", outcome, null, true), "leo"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("closeReason is required");
    verify(leads, never()).recordClose(anyString(), any(), any());
    verify(leads, never()).moveToStage(anyString(), any(), anyString(), anyString());
  }

  @Test
  void aStuckDealIsFlaggedAndTheManagerCanSeeWhereAndForHowLong() {
    // when
    sales.flagStuck("lead-7", "MIDDLE", java.time.Duration.parse("PT504H"));

    // then
    verify(leads).markStuck("lead-7", true);
    verify(leads).recordActivity("lead-7", ActivityType.STUCK, "MIDDLE", null, "system", "in MIDDLE longer than 21 days");
  }

  @Test
  void anUpdateWithoutAValueKeepsTheDealValueOnRecord() {
    // given
    when(leads.get("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.OPPORTUNITY).ownerId("leo")
        .funnelPosition("MIDDLE").dealValue(new BigDecimal("80000")).build());

    // when
    sales.recordOpportunityUpdate("lead-7",
        new SalesService.OpportunityUpdate("BOTTOM", null, "OPEN", null, null, null), "leo");

    // then
    verify(leads).updateOpportunity("lead-7", "BOTTOM", new BigDecimal("80000"));
  }

  @Test
  void dwellLimitsReadAsPeopleSayThem() {
    assertThat(SalesService.describe(java.time.Duration.ofDays(1))).isEqualTo("1 day");
    assertThat(SalesService.describe(java.time.Duration.ofHours(4))).isEqualTo("4 hours");
    assertThat(SalesService.describe(java.time.Duration.ofMinutes(90))).isEqualTo("90 minutes");
  }
}
