package org.leadflow.it;

import java.time.Duration;
import java.time.Instant;
import org.leadflow.lead.Lead;
import org.leadflow.reports.ReportProjection;

/** A lead's way through the stages written as the read model's maintenance writes it (ReportsIT, ReportRollupsIT). */
final class ReportPaths {

  private ReportPaths() {}

  /**
   * Stage, hours after {@code t0}, stage, hours ...; "RECYCLED:reason" carries the recycle reason; VALID is the
   * validity check.
   */
  static void path(ReportProjection projection, Lead lead, Instant t0, Object... steps) {
    for (int i = 0; i < steps.length; i += 2) {
      String stage = (String) steps[i];
      Instant when = at(t0, ((Number) steps[i + 1]).doubleValue());
      if (stage.equals("VALID")) {
        projection.validated(lead, when);
      } else if (stage.startsWith("RECYCLED:")) {
        projection.entered(lead, "RECYCLED", when, stage.substring("RECYCLED:".length()));
      } else {
        projection.entered(lead, stage, when, "to " + stage);
      }
    }
  }

  static Instant at(Instant t0, double hours) {
    return t0.plus(Duration.ofMinutes((long) (hours * 60)));
  }
}
