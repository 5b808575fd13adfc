package org.leadflow.sla;

import java.time.Instant;

/**
 * One SLA of a lead for one owner ({@code lead_sla}): the deciding row, when each tier falls due,
 * which tiers fired (comma-separated {@link SlaTier} names in firing order), whether and when it was
 * breached, and how it ended ({@link Outcome}; null while open) with the business time it ran over.
 */
public record SlaInstance(Long id, String leadId, SlaType slaType, String ownerId, String teamId, String ruleRef,
    String ruleNote, Instant startedAt, Instant remindAt, Instant dueAt, Instant escalateAt, Instant reassignAt,
    Instant recycleAt, String tiersFired, Instant breachedAt, Status status, Outcome outcome, Instant endedAt,
    Long overdueSeconds, String processInstanceId, String taskId) {

  public enum Status { OPEN, CLOSED }

  /** How an SLA instance ended. */
  public enum Outcome {
    /** the owner did the step by the due instant */
    MET,
    /** the owner did the step after the due instant */
    MET_LATE,
    /** the reassignment tier gave the lead to another owner (a new SLA instance starts) */
    REASSIGNED,
    /** the recycle tier sent the lead back to marketing */
    RECYCLED,
    /** the step ended another way (a manager's reassignment, the lead closed, the instance cancelled) */
    CANCELLED
  }

  public boolean breached() {
    return breachedAt != null;
  }
}
