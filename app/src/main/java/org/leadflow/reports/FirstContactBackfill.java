package org.leadflow.reports;

import java.util.List;
import org.leadflow.calendar.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completes the V018 backfill of {@code report_first_contact}: SQL copied each contacted lead's first contact,
 * but the working time to it needs the teams' calendars, so it is computed here once the app is up, in
 * batches. Idempotent (only rows still without it; several nodes may run it at once and write the same
 * figures); nothing to do on a database created after V018.
 */
@Component
class FirstContactBackfill {

  private static final Logger log = LoggerFactory.getLogger(FirstContactBackfill.class);
  static final int BATCH = 500;

  private final ReportMapper reports;
  private final BusinessTime businessTime;

  FirstContactBackfill(ReportMapper reports, BusinessTime businessTime) {
    this.reports = reports;
    this.businessTime = businessTime;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    long filled = fill();
    if (filled > 0) {
      log.info("Speed to lead: computed the working time to the first contact of {} backfilled leads", filled);
    }
  }

  /** Fills every row without working time; how many it filled. */
  long fill() {
    long filled = 0;
    List<ReportMapper.FirstContact> batch;
    do {
      batch = reports.firstContactsWithoutSeconds(BATCH);
      for (ReportMapper.FirstContact contact : batch) {
        reports.setBusinessSeconds(contact.leadId(),
            businessTime.between(contact.teamId(), contact.capturedAt(), contact.contactedAt()).getSeconds());
      }
      filled += batch.size();
    } while (batch.size() == BATCH);
    return filled;
  }
}
