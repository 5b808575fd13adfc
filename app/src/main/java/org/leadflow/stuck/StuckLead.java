package org.leadflow.stuck;

import java.time.Instant;

/**
 * One row of {@code lead_stuck}: a lead flagged stuck in {@code stage} (and {@code funnelPosition})
 * since {@code since}, with the limit it exceeded, its owner and team then, and the incident raised on
 * {@code processInstanceId}; {@code resolvedAt} and {@code resolution} once it moved or its instance ended.
 */
public record StuckLead(Long id, String leadId, String stage, String funnelPosition, Instant since,
    Instant flaggedAt, String maxDwell, String likelyCause, String ruleRef, String ownerId, String teamId,
    String processInstanceId, String incidentId, Instant resolvedAt, String resolution, String firstName,
    String lastName, String company) {

  public String leadName() {
    String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    return name.isEmpty() ? null : name;
  }
}
