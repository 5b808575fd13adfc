package org.leadflow.sla;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.LeadNotFoundException;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;

class SlaServiceTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

  private final SlaEventMapper events = mock(SlaEventMapper.class);
  private final LeadService leads = mock(LeadService.class);
  private final SlaService sla = new SlaService(events, leads, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aBreachCountsAgainstTheLeadsCurrentOwner() {
    // given
    when(leads.get("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.SQL).ownerId("leo").build());

    // when
    sla.record("lead-7", SlaService.SlaType.SALES_ACCEPT, SlaService.Tier.BREACH);

    // then
    verify(events).insert("lead-7", "SALES_ACCEPT", "BREACH", "leo", NOW);
  }

  @Test
  void aReminderForALeadInATeamQueueHasNoOwner() {
    // given
    when(leads.get("lead-7")).thenReturn(TestLeads.lead("lead-7").stage(LeadStage.MQL).ownerId(null).build());

    // when
    sla.record("lead-7", SlaService.SlaType.SDR_CALL_ATTEMPT, SlaService.Tier.REMINDER);

    // then
    verify(events).insert("lead-7", "SDR_CALL_ATTEMPT", "REMINDER", null, NOW);
  }

  @Test
  void nothingIsRecordedForAnUnknownLead() {
    // given
    when(leads.get("lead-x")).thenThrow(new LeadNotFoundException("lead-x"));

    // when / then
    assertThatThrownBy(() -> sla.record("lead-x", SlaService.SlaType.SALES_FIRST_CONTACT, SlaService.Tier.ESCALATION))
        .isInstanceOf(LeadNotFoundException.class);
    verifyNoInteractions(events);
  }
}
