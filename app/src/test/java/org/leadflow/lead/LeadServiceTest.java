package org.leadflow.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

/** Which lifecycle event, with which data, each stage change publishes: exactly one per change. */
class LeadServiceTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

  private final LeadMapper mapper = mock(LeadMapper.class);
  private final LeadEventPublisher events = mock(LeadEventPublisher.class);
  private final ApplicationEventPublisher moves = mock(ApplicationEventPublisher.class);
  private final org.leadflow.reports.ReportProjection reports = mock(org.leadflow.reports.ReportProjection.class);
  private final LeadService leads = new LeadService(mapper, events, Clock.fixed(NOW, ZoneOffset.UTC), moves,
      reports);

  /** The lead before (locked read) and after the change (re-read). */
  private void given(Lead before, Lead after) {
    when(mapper.findByIdForUpdate(before.id())).thenReturn(Optional.of(before));
    when(mapper.findById(before.id())).thenReturn(Optional.of(after));
  }

  private LeadEvent published() {
    ArgumentCaptor<LeadEvent> event = ArgumentCaptor.forClass(LeadEvent.class);
    verify(events, times(1)).publish(event.capture());
    return event.getValue();
  }

  @Test
  void theFirstStageIsLeadCapturedWithSourceCampaignAndIntent() {
    // given
    Lead lead = TestLeads.lead("lead-1").source("web-form").campaign("spring-launch").intent(Intent.DEMO_REQUEST)
        .build();

    // when
    leads.create(lead, "mia");

    // then
    LeadEvent event = published();
    assertThat(event.type()).isEqualTo(LeadEventType.LeadCaptured);
    assertThat(event.leadId()).isEqualTo("lead-1");
    assertThat(event.occurredAt()).isEqualTo(TestLeads.CAPTURED_AT);
    assertThat(event.schemaVersion()).isEqualTo(1);
    assertThat(event.eventId()).isNotNull();
    assertThat(text(event.data(), "stage", "source", "campaign", "intent", "actor"))
        .containsExactly("CAPTURED", "web-form", "spring-launch", "DEMO_REQUEST", "mia");
    assertThat(event.data().has("email")).as("no contact details in events").isFalse();
  }

  @Test
  void anOrdinaryStageChangeIsLeadStageChangedWithFromToActorReasonAndOwner() {
    // given
    given(TestLeads.lead("lead-1").stage(LeadStage.SQL).ownerId("leo").build(),
        TestLeads.lead("lead-1").stage(LeadStage.SAL).ownerId("leo").build());

    // when
    leads.moveToStage("lead-1", LeadStage.SAL, "leo", "leo", "accepted by leo");

    // then
    LeadEvent event = published();
    assertThat(event.type()).isEqualTo(LeadEventType.LeadStageChanged);
    assertThat(event.occurredAt()).isEqualTo(NOW);
    assertThat(text(event.data(), "from", "to", "actor", "reason", "ownerId"))
        .containsExactly("SQL", "SAL", "leo", "accepted by leo", "leo");
  }

  @Test
  void aRecycleIsLeadRecycledWithTheBareReasonAndTheNewCount() {
    // given
    given(TestLeads.lead("lead-1").stage(LeadStage.MQL).build(),
        TestLeads.lead("lead-1").stage(LeadStage.RECYCLED).recycleCount(2).build());

    // when
    int count = leads.recycle("lead-1", "NOT_NOW", "sara");

    // then
    assertThat(count).isEqualTo(2);
    verify(mapper).insertStageChange("lead-1", LeadStage.MQL, LeadStage.RECYCLED, NOW, "sara", "recycled: NOT_NOW");
    LeadEvent event = published();
    assertThat(event.type()).isEqualTo(LeadEventType.LeadRecycled);
    assertThat(text(event.data(), "from", "to", "actor", "reason")).containsExactly("MQL", "RECYCLED", "sara", "NOT_NOW");
    assertThat(event.data().path("recycleCount").asInt()).isEqualTo(2);
  }

  @Test
  void aWonDealIsLeadClosedWithOutcomeValueReasonAndNewCustomer() {
    // given recordClose has already stored reason and new-customer flag
    given(TestLeads.lead("lead-1").stage(LeadStage.OPPORTUNITY).ownerId("leo").build(),
        TestLeads.lead("lead-1").stage(LeadStage.WON).ownerId("leo").funnelPosition("BOTTOM")
            .dealValue(new BigDecimal("150000.00")).closeReason("PRODUCT_FIT").newCustomer(true).build());

    // when
    leads.moveToStage("lead-1", LeadStage.WON, "leo", "won: PRODUCT_FIT");

    // then
    LeadEvent event = published();
    assertThat(event.type()).isEqualTo(LeadEventType.LeadClosed);
    assertThat(text(event.data(), "from", "to", "outcome", "closeReason", "funnelPosition", "ownerId", "actor"))
        .containsExactly("OPPORTUNITY", "WON", "WON", "PRODUCT_FIT", "BOTTOM", "leo", "leo");
    assertThat(event.data().path("dealValue").decimalValue()).isEqualByComparingTo("150000");
    assertThat(event.data().path("newCustomer").asBoolean()).isTrue();
  }

  @Test
  void aLostDealIsLeadClosedToo() {
    given(TestLeads.lead("lead-1").stage(LeadStage.OPPORTUNITY).ownerId("leo").build(),
        TestLeads.lead("lead-1").stage(LeadStage.LOST).dealValue(new BigDecimal("9000")).closeReason("PRICE").build());

    leads.moveToStage("lead-1", LeadStage.LOST, "leo", "lost: PRICE");

    LeadEvent event = published();
    assertThat(event.type()).isEqualTo(LeadEventType.LeadClosed);
    assertThat(text(event.data(), "outcome", "closeReason")).containsExactly("LOST", "PRICE");
    assertThat(event.data().get("newCustomer").isNull()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = LeadStage.class, names = {"RECYCLED", "WON", "LOST", "CAPTURED"}, mode = EnumSource.Mode.EXCLUDE)
  void everyOtherStageIsAPlainStageChange(LeadStage to) {
    given(TestLeads.lead("lead-1").stage(LeadStage.CAPTURED).build(), TestLeads.lead("lead-1").stage(to).build());

    leads.moveToStage("lead-1", to, "system", "because");

    assertThat(published().type()).isEqualTo(LeadEventType.LeadStageChanged);
  }

  @Test
  void anInvalidLeadIsOneStageChangeWithTheInvalidReason() {
    given(TestLeads.lead("lead-1").stage(LeadStage.MQL).build(),
        TestLeads.lead("lead-1").stage(LeadStage.INVALID).build());

    leads.markInvalid("lead-1", InvalidReason.UNREACHABLE, null, "system", "3 attempts");

    LeadEvent event = published();
    assertThat(event.type()).isEqualTo(LeadEventType.LeadStageChanged);
    assertThat(event.data().path("reason").asText()).isEqualTo("UNREACHABLE - 3 attempts");
  }

  @Test
  void anInvalidLeadDecidedByATableNamesItsRuleInTheHistoryAndOnTheLead() {
    given(TestLeads.lead("lead-1").stage(LeadStage.CAPTURED).build(),
        TestLeads.lead("lead-1").stage(LeadStage.INVALID).build());

    leads.markInvalid("lead-1", InvalidReason.DISPOSABLE_EMAIL, null, "system", "disposable email domain yopmail.com",
        "lead-validity:v1/Rule_DisposableEmail");

    verify(mapper).updateValidity(eq("lead-1"), eq(false), eq("DISPOSABLE_EMAIL"), eq(null),
        eq("lead-validity:v1/Rule_DisposableEmail"), eq("disposable email domain yopmail.com"), any());
    assertThat(published().data().path("reason").asText()).isEqualTo(
        "DISPOSABLE_EMAIL - disposable email domain yopmail.com (lead-validity:v1/Rule_DisposableEmail)");
  }

  @Test
  void changesThatAreNoStageChangePublishNothing() {
    Lead before = TestLeads.lead("lead-1").stage(LeadStage.WON).build();
    Lead after = TestLeads.lead("lead-1").stage(LeadStage.WON).closeReason("PRICE").build();
    given(before, after);

    leads.assignOwner("lead-1", "leo");
    leads.updateScores("lead-1", 10, 20);
    leads.recordClose("lead-1", "PRICE", null);

    verify(events, never()).publish(any());
    // the owner and the close reason move the lead in the reports' rollups (V021): from as it was to as it is
    verify(reports, times(2)).changed(before, after);
  }

  private static List<String> text(JsonNode data, String... fields) {
    return Arrays.stream(fields).map(field -> data.path(field).asText(null)).toList();
  }

  @Test
  void aStageChangeAnnouncesTheMoveInProcess() {
    // given
    Lead before = TestLeads.lead("lead-9").stage(LeadStage.SAL).build();
    given(before, TestLeads.lead("lead-9").stage(LeadStage.OPPORTUNITY).funnelPosition("TOP").build());

    // when
    leads.moveToStage("lead-9", LeadStage.OPPORTUNITY, "leo", "opportunity at TOP");

    // then
    verify(moves).publishEvent(new LeadMoved("lead-9", LeadStage.OPPORTUNITY, "TOP", NOW));
  }

  @Test
  void aNewFunnelPositionAnnouncesTheMoveButTheSamePositionDoesNot() {
    // given
    Lead opportunity = TestLeads.lead("lead-10").stage(LeadStage.OPPORTUNITY).funnelPosition("TOP").build();
    when(mapper.findByIdForUpdate("lead-10")).thenReturn(Optional.of(opportunity));
    when(mapper.findById("lead-10")).thenReturn(Optional.of(opportunity));

    // when
    leads.updateOpportunity("lead-10", "TOP", new BigDecimal("1000"));
    leads.updateOpportunity("lead-10", "MIDDLE", new BigDecimal("1000"));

    // then
    verify(moves, times(1)).publishEvent(any(Object.class));
    verify(moves).publishEvent(new LeadMoved("lead-10", LeadStage.OPPORTUNITY, "MIDDLE", NOW));
  }
}
