package org.leadflow.reports;

import java.util.List;
import org.leadflow.calendar.BusinessTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
  private final ReportProjection projection;
  private final TransactionTemplate transactions;

  FirstContactBackfill(ReportMapper reports, BusinessTime businessTime, ReportProjection projection,
      PlatformTransactionManager transactions) {
    this.reports = reports;
    this.businessTime = businessTime;
    this.projection = projection;
    this.transactions = new TransactionTemplate(transactions);
  }

  /**
   * On a thread of its own: on a large database the fill takes a while and must not hold back the app's
   * readiness (the speed-to-lead figures of backfilled leads count once their working time is in).
   */
  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    SimpleAsyncTaskExecutor thread = new SimpleAsyncTaskExecutor("first-contact-backfill-");
    thread.setDaemon(true);
    thread.execute(this::fillAndLog);
  }

  void fillAndLog() {
    try {
      long filled = fill();
      if (filled > 0) {
        log.info("Speed to lead: computed the working time to the first contact of {} backfilled leads", filled);
      }
    } catch (RuntimeException failed) {
      // a report figure must not keep the app from serving: the rows stay without it until the next start
      log.error("Speed to lead: the backfill of the working time to first contact failed; it runs again at the "
          + "next start", failed);
    }
  }

  /**
   * Fills every row without working time; how many it filled. A row whose working time cannot be computed
   * is named in the log and stays without it; the fill stops after that batch instead of reading it again.
   * Each row is filled in a transaction of its own with its move in the contact rollup (V020: from "not timed"
   * to its bucket), only when this node filled it (another node may have first).
   */
  long fill() {
    long filled = 0;
    List<ReportMapper.UntimedContact> batch;
    int failed;
    do {
      batch = reports.firstContactsWithoutSeconds(BATCH);
      failed = 0;
      for (ReportMapper.UntimedContact contact : batch) {
        try {
          long seconds = businessTime.between(contact.teamId(), contact.capturedAt(), contact.contactedAt())
              .getSeconds();
          Boolean set = transactions.execute(tx -> {
            if (reports.setBusinessSeconds(contact.leadId(), seconds) == 0) {
              return false;
            }
            projection.timed(contact, seconds);
            return true;
          });
          if (Boolean.TRUE.equals(set)) {
            filled++;
          }
        } catch (RuntimeException unreadable) {
          failed++;
          log.warn("Speed to lead: no working time for lead {} (team {}): {}", contact.leadId(), contact.teamId(),
              unreadable.getMessage());
        }
      }
    } while (batch.size() == BATCH && failed == 0);
    return filled;
  }
}
