package org.leadflow.sla;

import java.time.Clock;
import java.time.Instant;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.lead.LeadService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records SLA reminders, escalations and breaches against the lead's current owner, and publishes
 * SlaReminderSent, SlaEscalated or SlaBreached.
 */
@Service
@Transactional
public class SlaService {

  /** The SLAs of the lead models. */
  public enum SlaType { SDR_CALL_ATTEMPT, SALES_ACCEPT, SALES_FIRST_CONTACT }

  /** The tiers of breach handling, each with its lifecycle event. */
  public enum Tier {
    REMINDER(LeadEventType.SlaReminderSent), ESCALATION(LeadEventType.SlaEscalated), BREACH(LeadEventType.SlaBreached);

    private final LeadEventType event;

    Tier(LeadEventType event) {
      this.event = event;
    }

    public LeadEventType event() {
      return event;
    }
  }

  private final SlaEventMapper slaEvents;
  private final LeadService leads;
  private final LeadEventPublisher events;
  private final Clock clock;

  public SlaService(SlaEventMapper slaEvents, LeadService leads, LeadEventPublisher events, Clock clock) {
    this.slaEvents = slaEvents;
    this.leads = leads;
    this.events = events;
    this.clock = clock;
  }

  public void record(String leadId, SlaType type, Tier tier) {
    String owner = leads.getForUpdate(leadId).ownerId(); // the lock keeps this lead's events in order
    Instant now = clock.instant();
    slaEvents.insert(leadId, type.name(), tier.name(), owner, now);
    events.publish(LeadEvent.of(tier.event(), leadId, now, LeadEvent.fields()
        .put("slaType", type.name())
        .put("tier", tier.name())
        .put("ownerId", owner)));
  }
}
