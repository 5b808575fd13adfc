package org.leadflow.stuck;

import java.time.Clock;

/**
 * A stuck lead as managers see it ({@code GET /api/stuck-leads}, the Cockpit plugin): who, where since
 * when (ISO-8601 instants as text, the same in Spring's and Cockpit's JSON), how long against which
 * limit, the likely cause, and the instance carrying the incident.
 */
public record StuckLeadView(String leadId, String leadName, String company, String ownerId, String teamId,
    String stage, String funnelPosition, long daysStuck, String stuckFor, String since, String limit,
    String likelyCause, String rule, String flaggedAt, String processInstanceId, String incidentId) {

  static StuckLeadView of(StuckLead row, Clock clock) {
    Dwell dwell = new Dwell(row.since(), clock.instant());
    return new StuckLeadView(row.leadId(), row.leadName(), row.company(), row.ownerId(), row.teamId(), row.stage(),
        row.funnelPosition(), dwell.days(), Dwell.describe(dwell.length()), row.since().toString(), row.maxDwell(),
        row.likelyCause(), row.ruleRef(), row.flaggedAt().toString(), row.processInstanceId(), row.incidentId());
  }
}
