package org.leadflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.lead.LeadNotFoundException;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;
import org.mockito.ArgumentCaptor;

class SlaServiceTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

  private final SlaEventMapper events = mock(SlaEventMapper.class);
  private final LeadService leads = mock(LeadService.class);
  private final LeadEventPublisher publisher = mock(LeadEventPublisher.class);
  private final SlaService sla = new SlaService(events, leads, publisher, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aBreachCountsAgainstTheLeadsCurrentOwner() {
    // given
    when(leads.getForUpdate("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.SQL).ownerId("leo").build());

    // when
    sla.record("lead-7", SlaService.SlaType.SALES_ACCEPT, SlaService.Tier.BREACH);

    // then
    verify(events).insert("lead-7", "SALES_ACCEPT", "BREACH", "leo", NOW);
  }

  @Test
  void aReminderForALeadInATeamQueueHasNoOwner() {
    // given
    when(leads.getForUpdate("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.MQL).ownerId(null).build());

    // when
    sla.record("lead-7", SlaService.SlaType.SDR_CALL_ATTEMPT, SlaService.Tier.REMINDER);

    // then
    verify(events).insert("lead-7", "SDR_CALL_ATTEMPT", "REMINDER", null, NOW);
  }

  @Test
  void nothingIsRecordedForAnUnknownLead() {
    // given
    when(leads.getForUpdate("lead-x")).thenThrow(new LeadNotFoundException("lead-x"));

    // when / then
    assertThatThrownBy(() -> sla.record("lead-x", SlaService.SlaType.SALES_FIRST_CONTACT, SlaService.Tier.ESCALATION))
        .isInstanceOf(LeadNotFoundException.class);
    verifyNoInteractions(events, publisher);
  }

  @ParameterizedTest
  @CsvSource({"REMINDER, SlaReminderSent", "ESCALATION, SlaEscalated", "BREACH, SlaBreached"})
  void eachTierIsPublishedAsItsOwnEventWithTheSlaAndTheOwner(SlaService.Tier tier, LeadEventType type) {
    // given
    when(leads.getForUpdate("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.SQL).ownerId("leo").build());

    // when
    sla.record("lead-7", SlaService.SlaType.SALES_ACCEPT, tier);

    // then
    ArgumentCaptor<LeadEvent> published = ArgumentCaptor.forClass(LeadEvent.class);
    verify(publisher).publish(published.capture());
    LeadEvent event = published.getValue();
    assertThat(event.type()).isEqualTo(type);
    assertThat(event.leadId()).isEqualTo("lead-7");
    assertThat(event.occurredAt()).isEqualTo(NOW);
    assertThat(event.data().path("slaType").asText()).isEqualTo("SALES_ACCEPT");
    assertThat(event.data().path("tier").asText()).isEqualTo(tier.name());
    assertThat(event.data().path("ownerId").asText()).isEqualTo("leo");
  }
}
