package org.leadflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link BusinessTime} over the calendars cached in memory: no database query per call (it runs on every
 * timer creation). The cache is read on first use, again when an edit through {@link CalendarService}
 * commits, and every {@code lead.calendar.refresh-interval} so that edits made on another node arrive.
 * With {@code lead.calendar.around-the-clock} every hour counts.
 */
@Component
public class CalendarRegistry implements BusinessTime {

  private static final Logger log = LoggerFactory.getLogger(CalendarRegistry.class);

  private final CalendarMapper mapper;
  private final CalendarProperties properties;
  private volatile CalendarSnapshot snapshot;

  CalendarRegistry(CalendarMapper mapper, CalendarProperties properties) {
    this.mapper = mapper;
    this.properties = properties;
  }

  @Override
  public Instant plus(String teamId, Instant start, Duration workingTime) {
    if (properties.aroundTheClock()) {
      if (workingTime.isNegative()) {
        throw new IllegalArgumentException("working time must not be negative: " + workingTime);
      }
      return start.plus(workingTime);
    }
    return calendarOf(teamId).plus(start, workingTime);
  }

  @Override
  public Duration between(String teamId, Instant from, Instant to) {
    if (properties.aroundTheClock()) {
      return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
    return calendarOf(teamId).between(from, to);
  }

  /** The calendar a team counts in (the default one for a null or unknown team or one without a calendar). */
  public WorkingCalendar calendarOf(String teamId) {
    return current().calendarOf(teamId);
  }

  /** A calendar by id, as this node counts in it. */
  public Optional<WorkingCalendar> calendar(String id) {
    return Optional.ofNullable(current().calendars().get(id));
  }

  public boolean aroundTheClock() {
    return properties.aroundTheClock();
  }

  /** Reloads the cache now; a failure keeps the calendars this node has. */
  @Scheduled(fixedDelayString = "${lead.calendar.refresh-interval:PT1M}",
      initialDelayString = "${lead.calendar.refresh-interval:PT1M}")
  public void refresh() {
    try {
      snapshot = CalendarSnapshot.read(mapper);
    } catch (RuntimeException e) {
      if (snapshot == null) {
        throw e;
      }
      log.warn("Could not reload the business calendars, keeping the cached ones: {}", e.toString());
    }
  }

  /** Reloads the cache when the current transaction commits (at once without one). */
  void refreshAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          refresh();
        }
      });
    } else {
      refresh();
    }
  }

  private CalendarSnapshot current() {
    CalendarSnapshot current = snapshot;
    if (current == null) {
      synchronized (this) {
        if (snapshot == null) {
          snapshot = CalendarSnapshot.read(mapper);
        }
        current = snapshot;
      }
    }
    return current;
  }
}
