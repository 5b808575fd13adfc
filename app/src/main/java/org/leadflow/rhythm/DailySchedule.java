package org.leadflow.rhythm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.leadflow.people.Team;

/** "Is it that time of day in this team's zone yet?" — the rule both daily runs share. */
final class DailySchedule {

  private DailySchedule() {}

  /**
   * The team's local date when its local clock at {@code now} is at or after {@code at} (until local
   * midnight), else empty. A DST change moves 21:00 in UTC, never skips it (switches happen at night).
   */
  static Optional<LocalDate> dueDate(Team team, Instant now, LocalTime at) {
    ZonedDateTime local = now.atZone(zoneOf(team));
    return local.toLocalTime().isBefore(at) ? Optional.empty() : Optional.of(local.toLocalDate());
  }

  static ZoneId zoneOf(Team team) {
    return ZoneId.of(team.timeZone() == null ? "UTC" : team.timeZone());
  }
}
