package org.leadflow.sla;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One SLA of a lead as it starts now: the deciding row, the owner and the team whose calendar counts,
 * and the instant each tier falls due in that calendar.
 *
 * <p>The instants are held to milliseconds, the precision of both {@code lead_sla} ({@code datetime(3)}) and
 * the engine's timer due dates: a column rounds a finer instant and {@link java.util.Date} truncates it, so
 * without this a tier's stored due and its timer could differ by a millisecond.
 */
public record SlaSchedule(SlaType type, SlaTerms terms, String ownerId, String teamId, Instant startedAt,
    Instant remindAt, Instant dueAt, Instant escalateAt, Instant reassignAt, Instant recycleAt) {

  public SlaSchedule {
    startedAt = millis(startedAt);
    remindAt = millis(remindAt);
    dueAt = millis(dueAt);
    escalateAt = millis(escalateAt);
    reassignAt = millis(reassignAt);
    recycleAt = millis(recycleAt);
  }

  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

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
