package org.leadflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.capture.ContactNormalizer;
import org.leadflow.capture.FieldError;
import org.leadflow.events.PoisonRecordException;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.TestLeads;
import org.leadflow.scoring.EngagementType;
import org.leadflow.scoring.LeadScoringService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class EngagementServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
  private static final String ACTOR = "kafka:leads.engagement";

  private final EngagementMapper events = mock(EngagementMapper.class);
  private final LeadService leads = mock(LeadService.class);
  private final LeadScoringService scoring = mock(LeadScoringService.class);
  private final RuntimeService runtime = mock(RuntimeService.class);
  private final MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
  private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
  private final EngagementService service = new EngagementService(events, leads, scoring, runtime,
      new ContactNormalizer(), new TransactionTemplate(transactions), Clock.fixed(NOW, ZoneOffset.UTC));

  private final Lead lead = TestLeads.lead("lead-7").email("ada@acme.io").build();

  @BeforeEach
  void engineAndTransactions() {
    when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    when(runtime.createMessageCorrelation("Msg_LeadEngaged")).thenReturn(correlation);
    when(correlation.correlateAllWithResult()).thenReturn(List.of());
    when(scoring.pointsOf(EngagementType.PRICING_PAGE_VIEW)).thenReturn(12);
  }

  private static EngagementEvent event(String leadId, String email) {
    return new EngagementEvent("e-1", EngagementType.PRICING_PAGE_VIEW, leadId, email, null, "website", "/pricing");
  }

  @Test
  void anEventOfALeadWhoseNurtureWaitsIsStoredAndWakesTheNurtureTrack() {
    // given
    when(leads.findForUpdate("lead-7")).thenReturn(Optional.of(lead));
    when(correlation.correlateAllWithResult()).thenReturn(List.of(mock(MessageCorrelationResult.class)));

    // when
    EngagementService.Outcome outcome = service.record(event("lead-7", null), ACTOR);

    // then
    assertThat(outcome).isEqualTo(EngagementService.Outcome.WOKE_NURTURE);
    verify(events).insert(new StoredEngagement("e-1", "lead-7", null, EngagementType.PRICING_PAGE_VIEW, 12, NOW, NOW,
        "website", "/pricing", NOW));
    verify(correlation).processInstanceBusinessKey("lead-7");
    verify(correlation).setVariable("engagementType", "EVENT_PRICING_PAGE_VIEW");
    verify(scoring, never()).applyEngagement(anyString(), anyString(), anyString());
  }

  @Test
  void anEventOfALeadWithoutWaitingNurtureIsScoredDirectly() {
    // given
    when(leads.findOpenByEmailForUpdate("ada@acme.io")).thenReturn(Optional.of(lead));

    // when
    EngagementService.Outcome outcome = service.record(event(null, " Ada@ACME.io "), ACTOR);

    // then
    assertThat(outcome).isEqualTo(EngagementService.Outcome.SCORED);
    verify(scoring).applyEngagement("lead-7", "EVENT_PRICING_PAGE_VIEW", ACTOR);
  }

  @Test
  void anEventIdSeenBeforeChangesNothing() {
    // given
    when(leads.findForUpdate("lead-7")).thenReturn(Optional.of(lead));
    when(events.exists("e-1")).thenReturn(true);

    // when
    EngagementService.Outcome outcome = service.record(event("lead-7", null), ACTOR);

    // then
    assertThat(outcome).isEqualTo(EngagementService.Outcome.DUPLICATE);
    verify(events, never()).insert(any());
    verifyNoInteractions(runtime, scoring);
  }

  @Test
  void aConcurrentDuplicateThatLosesOnTheUniqueKeyIsADuplicate() {
    // given the check passed, then the other transaction committed the same event id first
    when(leads.findForUpdate("lead-7")).thenReturn(Optional.of(lead));
    when(events.exists("e-1")).thenReturn(false, true);
    doThrow(new DuplicateKeyException("ux_lead_engagement_event")).when(events).insert(any());

    // when
    EngagementService.Outcome outcome = service.record(event("lead-7", null), ACTOR);

    // then
    assertThat(outcome).isEqualTo(EngagementService.Outcome.DUPLICATE);
    verify(transactions).rollback(any());
  }

  @Test
  void aDuplicateKeyOnSomethingElseIsNotSwallowed() {
    when(leads.findForUpdate("lead-7")).thenReturn(Optional.of(lead));
    doThrow(new DuplicateKeyException("other")).when(events).insert(any());

    assertThatThrownBy(() -> service.record(event("lead-7", null), ACTOR)).isInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void anEventOfAnEmailNoOpenLeadHasIsStoredWithoutALeadAndNotScored() {
    // when
    EngagementService.Outcome outcome = service.record(event(null, "Grace@Navy.mil"), ACTOR);

    // then
    assertThat(outcome).isEqualTo(EngagementService.Outcome.PENDING);
    verify(events).insert(new StoredEngagement("e-1", null, "grace@navy.mil", EngagementType.PRICING_PAGE_VIEW, 12, NOW,
        NOW, "website", "/pricing", null));
    verifyNoInteractions(runtime);
    verify(scoring, never()).applyEngagement(anyString(), anyString(), anyString());
  }

  @Test
  void aPendingEventWhoseLeadWasCapturedMeanwhileIsAttachedAndScoredAfterwards() {
    // given no open lead when the event is stored, one right after (captured concurrently)
    when(leads.findOpenByEmailForUpdate("grace@navy.mil")).thenReturn(Optional.empty(), Optional.of(lead));
    when(events.findPendingByEmail("grace@navy.mil")).thenReturn(List.of(stored("e-1", EngagementType.CHAT, 10)));
    when(events.attach("e-1", "lead-7", NOW)).thenReturn(1);

    // when
    EngagementService.Outcome outcome = service.record(event(null, "grace@navy.mil"), ACTOR);

    // then
    assertThat(outcome).isEqualTo(EngagementService.Outcome.PENDING);
    verify(scoring).applyEngagement("lead-7", "EVENT_CHAT", ACTOR);
  }

  @Test
  void anUnknownLeadIdIsPoison() {
    when(leads.findForUpdate("nobody")).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.record(event("nobody", null), ACTOR))
        .isInstanceOfSatisfying(PoisonRecordException.class, poison -> assertThat(poison.errors())
            .extracting(FieldError::field).containsExactly("leadId"))
        .hasMessageContaining("unknown lead");
    verify(events, never()).insert(any());
  }

  @Test
  void anEventWithNeitherLeadIdNorEmailIsPoisonNamingBoth() {
    assertThatThrownBy(() -> service.record(event(null, null), ACTOR))
        .isInstanceOfSatisfying(PoisonRecordException.class, poison -> assertThat(poison.errors())
            .extracting(FieldError::field).containsExactly("email", "leadId"));
    verifyNoInteractions(events, leads, transactions);
  }

  @Test
  void anEventFromTheFutureBeyondClockSkewIsPoison() {
    EngagementEvent late = new EngagementEvent("e-1", EngagementType.CHAT, "lead-7", null,
        NOW.plus(EngagementService.CLOCK_SKEW).plusSeconds(1), null, null);
    EngagementEvent skewed = new EngagementEvent("e-2", EngagementType.CHAT, "lead-7", null,
        NOW.plus(EngagementService.CLOCK_SKEW), null, null);
    when(leads.findForUpdate("lead-7")).thenReturn(Optional.of(lead));

    assertThatThrownBy(() -> service.record(late, ACTOR))
        .isInstanceOfSatisfying(PoisonRecordException.class, poison -> assertThat(poison.errors())
            .extracting(FieldError::field).containsExactly("occurredAt"));
    assertThat(service.record(skewed, ACTOR)).isEqualTo(EngagementService.Outcome.SCORED);
  }

  @Test
  void captureAttachesThePendingEventsOfTheEmailWithTheirStoredPoints() {
    // given one pending event is attached by someone else in between
    when(events.findPendingByEmail("grace@navy.mil")).thenReturn(List.of(stored("e-1", EngagementType.CHAT, 10),
        stored("e-2", EngagementType.PAGE_VIEW, 2)));
    when(events.attach("e-1", "lead-7", NOW)).thenReturn(1);
    when(events.attach("e-2", "lead-7", NOW)).thenReturn(0);

    // when
    int attached = service.attachPending("lead-7", "grace@navy.mil");

    // then
    assertThat(attached).isEqualTo(1);
    verify(scoring).creditEarlierEngagement("lead-7", EngagementType.CHAT, 10, " (event e-1, before capture)");
    verify(scoring, times(1)).creditEarlierEngagement(anyString(), any(), anyInt(), anyString());
    verifyNoInteractions(runtime);
  }

  @Test
  void aLeadWithoutEmailHasNoPendingEvents() {
    assertThat(service.attachPending("lead-7", null)).isZero();
    verifyNoInteractions(events, scoring);
  }

  private static StoredEngagement stored(String eventId, EngagementType type, int points) {
    return new StoredEngagement(eventId, null, "grace@navy.mil", type, points, NOW, NOW, null, null, null);
  }
}
