package org.leadflow.sla;

import java.time.Clock;
import org.leadflow.lead.LeadService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records SLA reminders, escalations and breaches against the lead's current owner. */
@Service
@Transactional
public class SlaService {

  /** The SLAs of the lead models. */
  public enum SlaType { SDR_CALL_ATTEMPT, SALES_ACCEPT, SALES_FIRST_CONTACT }

  /** The tiers of breach handling. */
  public enum Tier { REMINDER, ESCALATION, BREACH }

  private final SlaEventMapper events;
  private final LeadService leads;
  private final Clock clock;

  public SlaService(SlaEventMapper events, LeadService leads, Clock clock) {
    this.events = events;
    this.leads = leads;
    this.clock = clock;
  }

  public void record(String leadId, SlaType type, Tier tier) {
    events.insert(leadId, type.name(), tier.name(), leads.get(leadId).ownerId(), clock.instant());
  }
}
