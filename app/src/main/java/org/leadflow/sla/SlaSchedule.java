package org.leadflow.sla;

import java.time.Instant;

/**
 * One SLA of a lead as it starts now: the deciding row, the owner and the team whose calendar counts,
 * and the instant each tier falls due in that calendar.
 */
public record SlaSchedule(SlaType type, SlaTerms terms, String ownerId, String teamId, Instant startedAt,
    Instant remindAt, Instant dueAt, Instant escalateAt, Instant reassignAt, Instant recycleAt) {

  public Instant at(SlaTier tier) {
    return switch (tier) {
      case REMINDER -> remindAt;
      case BREACH -> dueAt;
      case ESCALATION -> escalateAt;
      case REASSIGNMENT -> reassignAt;
      case RECYCLE -> recycleAt;
    };
  }
}
