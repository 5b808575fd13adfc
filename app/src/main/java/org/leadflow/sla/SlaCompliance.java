package org.leadflow.sla;

/**
 * SLA compliance of one SLA type over the instances that started in a period: how many started, were
 * met in time or late, were breached (due instant passed while open), are still open, and ended by a
 * tier or otherwise. {@code complianceRate} is met in time / (started − still open − cancelled).
 */
public record SlaCompliance(SlaType slaType, long started, long met, long metLate, long breached, long stillOpen,
    long reassigned, long recycled, long cancelled, long maxOverdueSeconds) {

  public Double complianceRate() {
    long decided = started - stillOpen - cancelled;
    return decided <= 0 ? null : Math.round(1000.0 * met / decided) / 1000.0;
  }
}
