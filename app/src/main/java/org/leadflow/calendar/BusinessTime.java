package org.leadflow.calendar;

import java.time.Duration;
import java.time.Instant;

/**
 * Working time per team: every SLA timer and task due date counts in it. A team's calendar gives its
 * working hours, weekends and holidays in the team's time zone; a team without one (or a null team)
 * uses the default calendar.
 */
public interface BusinessTime {

  /** The instant when {@code workingTime} of the team's calendar has passed after {@code start}. */
  Instant plus(String teamId, Instant start, Duration workingTime);

  /** The working time of the team's calendar between two instants (zero when {@code to} is not after {@code from}). */
  Duration between(String teamId, Instant from, Instant to);
}
