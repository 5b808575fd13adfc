package org.leadflow.engagement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.leadflow.capture.ContactNormalizer;
import org.leadflow.capture.FieldError;
import org.leadflow.events.PoisonRecordException;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.process.LeadNurture;
import org.leadflow.process.LeadVariables;
import org.leadflow.scoring.LeadScoringService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Engagement events: each is stored once ({@code lead_engagement_event}, keyed by event id), shown on
 * its lead's timeline and scored, by waking the lead's nurture track or, when none waits, directly.
 * Events of a contact that is no open lead yet wait (lead id null) until that email is captured.
 */
@Service
public class EngagementService {

  /** What an event did. */
  public enum Outcome {
    /** The lead's nurture instance waited at Msg_LeadEngaged and re-scored it. */
    WOKE_NURTURE,
    /** No nurture instance waited: the points were applied directly. */
    SCORED,
    /** No open lead has this email yet: stored, attached when the lead is captured. */
    PENDING,
    /** This event id was stored before: nothing changed. */
    DUPLICATE
  }

  /** How far in the future {@code occurredAt} may be (sender clocks differ). */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final EngagementMapper events;
  private final LeadService leads;
  private final LeadScoringService scoring;
  private final RuntimeService runtime;
  private final ContactNormalizer normalizer;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public EngagementService(EngagementMapper events, LeadService leads, LeadScoringService scoring,
      RuntimeService runtime, ContactNormalizer normalizer, TransactionTemplate transaction, Clock clock) {
    this.events = events;
    this.leads = leads;
    this.scoring = scoring;
    this.runtime = runtime;
    this.normalizer = normalizer;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Records an event exactly once, in one transaction that first locks the lead's row, so that events
   * of one lead arriving on several partitions take turns instead of colliding in the engine. A
   * concurrent duplicate that loses the race on the event id is a duplicate, not an error.
   *
   * @throws PoisonRecordException when the event names no contact, an unknown lead id, or a future time
   */
  public Outcome record(EngagementEvent received, String actor) {
    EngagementEvent event = check(received);
    Outcome outcome;
    try {
      outcome = transaction.execute(status -> recordInTransaction(event, actor));
    } catch (DuplicateKeyException concurrentDuplicate) {
      if (events.exists(event.eventId())) {
        return Outcome.DUPLICATE;
      }
      throw concurrentDuplicate;
    }
    if (outcome == Outcome.PENDING) {
      // the email may have been captured while this event was stored, unseen by that transaction
      transaction.executeWithoutResult(status -> attachToOpenLead(event.email(), actor));
    }
    return outcome;
  }

  /**
   * Wakes the lead's nurture track with this engagement ({@code engagementType} message variable);
   * when no nurture instance waits, the engagement is scored directly (a marketing-owned lead still
   * becomes MQL at the threshold). Joins the caller's transaction.
   *
   * @return true when a nurture instance woke
   */
  public boolean engage(String leadId, String engagementType, String actor) {
    List<MessageCorrelationResult> woken = runtime.createMessageCorrelation(LeadNurture.Messages.LEAD_ENGAGED)
        .processInstanceBusinessKey(leadId)
        .setVariable(LeadVariables.ENGAGEMENT_TYPE.name(), engagementType)
        .correlateAllWithResult();
    if (woken.isEmpty()) {
      scoring.applyEngagement(leadId, engagementType, actor);
      return false;
    }
    return true;
  }

  /**
   * For the capture of a new lead, before its lifecycle starts: the events this email made while it
   * was anonymous become the lead's, their points go to its engagement score and ledger, and the
   * stage stays (Task_ScoreLead scores fit on top and decides). Joins the caller's transaction.
   *
   * @return how many events were attached
   */
  public int attachPending(String leadId, String email) {
    if (email == null) {
      return 0;
    }
    Instant now = clock.instant();
    int attached = 0;
    for (StoredEngagement pending : events.findPendingByEmail(email)) {
      if (events.attach(pending.eventId(), leadId, now) == 1) {
        scoring.creditEarlierEngagement(leadId, pending.type(), pending.points(),
            " (event " + pending.eventId() + ", before capture)");
        attached++;
      }
    }
    return attached;
  }

  private Outcome recordInTransaction(EngagementEvent event, String actor) {
    Optional<Lead> lead = lockLead(event);
    if (events.exists(event.eventId())) {
      return Outcome.DUPLICATE;
    }
    Instant now = clock.instant();
    String leadId = lead.map(Lead::id).orElse(null);
    events.insert(new StoredEngagement(event.eventId(), leadId, event.email(), event.type(),
        scoring.pointsOf(event.type()), event.occurredAt() == null ? now : event.occurredAt(), now, event.source(),
        event.detail(), leadId == null ? null : now));
    if (leadId == null) {
      return Outcome.PENDING;
    }
    return engage(leadId, event.type().ruleId(), actor) ? Outcome.WOKE_NURTURE : Outcome.SCORED;
  }

  /** The event's lead, its row locked; empty for an email no open lead has. */
  private Optional<Lead> lockLead(EngagementEvent event) {
    if (event.leadId() == null) {
      return leads.findOpenByEmailForUpdate(event.email());
    }
    return Optional.of(leads.findForUpdate(event.leadId()).orElseThrow(() -> new PoisonRecordException(
        List.of(new FieldError("leadId", "unknown lead: no lead has id '" + event.leadId() + "'")))));
  }

  /** Pending events of an email whose lead exists now: attached and scored as if they arrived now. */
  private void attachToOpenLead(String email, String actor) {
    leads.findOpenByEmailForUpdate(email).ifPresent(lead -> {
      Instant now = clock.instant();
      for (StoredEngagement pending : events.findPendingByEmail(email)) {
        if (events.attach(pending.eventId(), lead.id(), now) == 1) {
          engage(lead.id(), pending.type().ruleId(), actor);
        }
      }
    });
  }

  private EngagementEvent check(EngagementEvent event) {
    List<FieldError> errors = new ArrayList<>();
    if (event.leadId() == null && event.email() == null) {
      errors.add(new FieldError("email", "leadId or email is required"));
      errors.add(new FieldError("leadId", "leadId or email is required"));
    }
    if (event.occurredAt() != null && event.occurredAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
      errors.add(new FieldError("occurredAt", "must not be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new PoisonRecordException(errors);
    }
    return event.withEmail(normalizer.email(event.email()));
  }
}
