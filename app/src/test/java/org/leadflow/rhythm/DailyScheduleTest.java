package org.leadflow.rhythm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.leadflow.people.Team;
import org.leadflow.people.TeamRole;

class DailyScheduleTest {

  private static final LocalTime NINE_PM = LocalTime.of(21, 0);
  private static final Team BERLIN = team("Europe/Berlin");
  private static final Team KOLKATA = team("Asia/Kolkata");

  @Test
  void dueFrom21hLocalUntilMidnightAndOnlyInTheZoneWhoseClockSaysSo() {
    Instant at = Instant.parse("2026-12-02T20:00:00Z");   // 21:00 in Berlin (CET), 01:30 next day in Kolkata
    assertThat(DailySchedule.dueDate(BERLIN, at, NINE_PM)).contains(LocalDate.parse("2026-12-02"));
    assertThat(DailySchedule.dueDate(BERLIN, at.minusSeconds(1), NINE_PM)).isEmpty();
    assertThat(DailySchedule.dueDate(KOLKATA, at, NINE_PM)).isEmpty();
    // a node that was down at 21:00 still finds it due at 23:59, for the same date
    assertThat(DailySchedule.dueDate(BERLIN, Instant.parse("2026-12-02T22:59:00Z"), NINE_PM))
        .contains(LocalDate.parse("2026-12-02"));
    // Kolkata (UTC+5:30) reaches 21:00 at 15:30 UTC
    assertThat(DailySchedule.dueDate(KOLKATA, Instant.parse("2026-12-02T15:30:00Z"), NINE_PM))
        .contains(LocalDate.parse("2026-12-02"));
  }

  @Test
  void onTheDaysTheClocksChange21hMovesInUtc() {
    // 2026-03-29: Berlin springs forward; 21:00 CEST is 19:00 UTC (the day before: 20:00 UTC)
    assertThat(DailySchedule.dueDate(BERLIN, Instant.parse("2026-03-29T19:00:00Z"), NINE_PM))
        .contains(LocalDate.parse("2026-03-29"));
    assertThat(DailySchedule.dueDate(BERLIN, Instant.parse("2026-03-28T19:00:00Z"), NINE_PM)).isEmpty();
    // 2026-10-25: back to CET; 21:00 is 20:00 UTC again
    assertThat(DailySchedule.dueDate(BERLIN, Instant.parse("2026-10-25T19:59:00Z"), NINE_PM)).isEmpty();
    assertThat(DailySchedule.dueDate(BERLIN, Instant.parse("2026-10-25T20:00:00Z"), NINE_PM))
        .contains(LocalDate.parse("2026-10-25"));
  }

  private static Team team(String zone) {
    return new Team("t-" + zone, zone, TeamRole.SALES, "max", null, null, zone);
  }
}
