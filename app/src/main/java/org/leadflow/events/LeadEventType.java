package org.leadflow.events;

/**
 * The events on {@code leads.lifecycle}, named as they appear on the wire (PascalCase past tense, as
 * the {@code type} of {@link LeadEvent}). One event per fact: a stage change is exactly one of the
 * first four. Each has a message and a versioned payload schema in docs/asyncapi.yaml.
 */
public enum LeadEventType {
  /** The lead's first stage row: source, campaign, intent. */
  LeadCaptured,
  /** Any stage change other than the first, to RECYCLED, to WON or to LOST. */
  LeadStageChanged,
  /** Back to marketing, with the reason and how often the lead has been recycled now. */
  LeadRecycled,
  /** WON or LOST, with deal value, close reason and (won) whether it is a new customer. */
  LeadClosed,
  /** A sales rep got the lead (first assignment or reassignment), with the reason. */
  LeadAssigned,
  /** An SLA clock started: the deciding rule and when each tier falls due. */
  SlaStarted,
  /** Tiers of an SLA (see {@code SlaTier}), each once per SLA instance. */
  SlaReminderSent,
  SlaEscalated,
  SlaBreached,
  SlaReassigned,
  SlaRecycled,
  /** The SLA ended: met in time, met late (by how much business time), reassigned, recycled or cancelled. */
  SlaCompleted,
  /** The lead stood in its stage (opportunities: funnel position) longer than stuck-lead allows; incident raised. */
  LeadStuck,
  /** A stuck lead moved, or the instance its incident was on moved on or ended; the incident is gone. */
  LeadUnstuck
}
