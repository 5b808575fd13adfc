package org.leadflow.sla;

import org.leadflow.events.LeadEventType;

/**
 * The tiers of an SLA in the order they fall due, each with its lifecycle event: remind the owner,
 * due (breached), escalate to the owner's manager, reassign through routing, recycle to marketing.
 */
public enum SlaTier {
  REMINDER(LeadEventType.SlaReminderSent),
  BREACH(LeadEventType.SlaBreached),
  ESCALATION(LeadEventType.SlaEscalated),
  REASSIGNMENT(LeadEventType.SlaReassigned),
  RECYCLE(LeadEventType.SlaRecycled);

  private final LeadEventType event;

  SlaTier(LeadEventType event) {
    this.event = event;
  }

  public LeadEventType event() {
    return event;
  }
}
