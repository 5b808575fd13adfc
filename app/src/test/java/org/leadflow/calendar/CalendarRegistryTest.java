package org.leadflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.calendar.TestCalendars.BERLIN;
import static org.leadflow.calendar.TestCalendars.NEW_YORK;
import static org.leadflow.calendar.TestCalendars.at;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The cached calendars as timers meet them: per team, default fallback, refresh, around the clock. */
class CalendarRegistryTest {

  private static final Duration FOUR_HOURS = Duration.ofHours(4);
  private static final Instant MONDAY_15Z = Instant.parse("2026-12-07T15:00:00Z");   // 16:00 Berlin, 10:00 NY

  private final CalendarMapper mapper = mock(CalendarMapper.class);
  private final List<CalendarMapper.HoursRow> hours = new ArrayList<>();

  @BeforeEach
  void calendars() {
    when(mapper.findCalendars()).thenReturn(List.of(new CalendarMapper.CalendarRow("default", "Default", "UTC"),
        new CalendarMapper.CalendarRow("de", "Germany", "Europe/Berlin"),
        new CalendarMapper.CalendarRow("us", "US East", "America/New_York")));
    for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      for (String calendar : List.of("default", "de", "us")) {
        hours.add(new CalendarMapper.HoursRow(calendar, day, "09:00", "17:00"));
      }
    }
    when(mapper.findAllHours()).thenReturn(hours);
    when(mapper.findAllHolidays()).thenReturn(List.of());
    when(mapper.findTeamCalendars()).thenReturn(List.of(new CalendarMapper.TeamCalendarRow("north", "de"),
        new CalendarMapper.TeamCalendarRow("east-coast", "us")));
  }

  private CalendarRegistry registry(boolean aroundTheClock) {
    return new CalendarRegistry(mapper, new CalendarProperties(aroundTheClock, Duration.ofMinutes(1)));
  }

  @Test
  void twoTeamsInDifferentZonesCountInTheirOwnCalendars() {
    CalendarRegistry registry = registry(false);

    assertThat(registry.plus("north", MONDAY_15Z, FOUR_HOURS)).isEqualTo(at(BERLIN, "2026-12-08T12:00"));
    assertThat(registry.plus("east-coast", MONDAY_15Z, FOUR_HOURS)).isEqualTo(at(NEW_YORK, "2026-12-07T14:00"));
    assertThat(registry.between("north", MONDAY_15Z, at(BERLIN, "2026-12-08T12:00"))).isEqualTo(FOUR_HOURS);
  }

  @Test
  void aNullTeamATeamWithoutCalendarAndAnUnknownTeamCountInTheDefaultCalendar() {
    CalendarRegistry registry = registry(false);
    Instant dueInUtc = Instant.parse("2026-12-08T11:00:00Z");   // 2 h on Monday until 17:00 UTC, 2 h on Tuesday

    assertThat(registry.plus(null, MONDAY_15Z, FOUR_HOURS)).isEqualTo(dueInUtc);
    assertThat(registry.plus("sales-nowhere", MONDAY_15Z, FOUR_HOURS)).isEqualTo(dueInUtc);
  }

  @Test
  void callsReadTheCacheNotTheDatabase() {
    CalendarRegistry registry = registry(false);

    for (int i = 0; i < 1_000; i++) {
      registry.plus("north", MONDAY_15Z.plusSeconds(i), FOUR_HOURS);
    }

    verify(mapper, times(1)).findCalendars();
  }

  @Test
  void aRefreshPicksUpEditsAndAFailedRefreshKeepsTheCachedCalendars() {
    CalendarRegistry registry = registry(false);
    assertThat(registry.plus("north", MONDAY_15Z, FOUR_HOURS)).isEqualTo(at(BERLIN, "2026-12-08T12:00"));

    when(mapper.findTeamCalendars()).thenReturn(List.of(new CalendarMapper.TeamCalendarRow("north", "us")));
    registry.refresh();
    assertThat(registry.plus("north", MONDAY_15Z, FOUR_HOURS)).isEqualTo(at(NEW_YORK, "2026-12-07T14:00"));

    when(mapper.findAllHours()).thenThrow(new DataAccessResourceFailureException("database away"));
    registry.refresh();
    assertThat(registry.plus("north", MONDAY_15Z, FOUR_HOURS)).isEqualTo(at(NEW_YORK, "2026-12-07T14:00"));
  }

  @Test
  void aroundTheClockCountsEveryHour() {
    CalendarRegistry registry = registry(true);
    Instant saturdayNight = at(BERLIN, "2026-12-05T23:00");

    assertThat(registry.plus("north", saturdayNight, FOUR_HOURS)).isEqualTo(saturdayNight.plus(FOUR_HOURS));
    assertThat(registry.between("north", saturdayNight, saturdayNight.plus(FOUR_HOURS))).isEqualTo(FOUR_HOURS);
    assertThat(registry.between("north", saturdayNight, saturdayNight.minusSeconds(1))).isZero();
  }
}
