package org.leadflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leadflow.calendar.TestCalendars.BERLIN;
import static org.leadflow.calendar.TestCalendars.NEW_YORK;
import static org.leadflow.calendar.TestCalendars.at;
import static org.leadflow.calendar.TestCalendars.calendar;
import static org.leadflow.calendar.TestCalendars.days;
import static org.leadflow.calendar.TestCalendars.holiday;
import static org.leadflow.calendar.TestCalendars.weekdays;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Business-time arithmetic: weekends, holidays, working hours, DST switches and time zones. */
class WorkingCalendarTest {

  private static final Duration FOUR_HOURS = Duration.ofHours(4);

  private final WorkingCalendar berlin = calendar(BERLIN, weekdays("09:00-17:00"));

  @Test
  void fourBusinessHoursFromFridayAfternoonFallDueOnMondayNoon() {
    // the acceptance example
    Instant due = berlin.plus(Instant.parse("2026-12-04T15:00:00Z"), FOUR_HOURS);   // Fri 16:00 Berlin

    assertThat(due).isEqualTo(at(BERLIN, "2026-12-07T12:00"));
  }

  @Test
  void aStartOnTheWeekendBeginsCountingOnMondayMorning() {
    assertThat(berlin.plus(at(BERLIN, "2026-12-05T11:00"), FOUR_HOURS)).isEqualTo(at(BERLIN, "2026-12-07T13:00"));
    assertThat(berlin.between(at(BERLIN, "2026-12-05T00:00"), at(BERLIN, "2026-12-07T00:00"))).isZero();
  }

  @Nested
  class StartRelativeToWorkingHours {

    @Test
    void beforeOpeningCountsFromTheOpening() {
      assertThat(berlin.plus(at(BERLIN, "2026-12-07T07:00"), Duration.ofHours(1)))
          .isEqualTo(at(BERLIN, "2026-12-07T10:00"));
    }

    @Test
    void insideCountsFromTheStart() {
      assertThat(berlin.plus(at(BERLIN, "2026-12-07T10:30"), Duration.ofMinutes(150)))
          .isEqualTo(at(BERLIN, "2026-12-07T13:00"));
    }

    @Test
    void afterClosingCountsFromTheNextOpening() {
      assertThat(berlin.plus(at(BERLIN, "2026-12-07T18:00"), Duration.ofHours(1)))
          .isEqualTo(at(BERLIN, "2026-12-08T10:00"));
    }

    @Test
    void workingTimeThatEndsAtTheClosingFallsDueAtTheClosing() {
      assertThat(berlin.plus(at(BERLIN, "2026-12-04T16:00"), Duration.ofHours(1)))
          .isEqualTo(at(BERLIN, "2026-12-04T17:00"));
    }

    @Test
    void zeroWorkingTimeReturnsTheStartUnchangedEvenOutsideWorkingHours() {
      Instant saturday = at(BERLIN, "2026-12-05T03:00");

      assertThat(berlin.plus(saturday, Duration.ZERO)).isEqualTo(saturday);
    }
  }

  @Test
  void holidaysAreSkipped() {
    WorkingCalendar germany = calendar(BERLIN, weekdays("09:00-17:00"), holiday("2026-12-25"), holiday("2026-12-26"));

    // Thursday 24 December 16:00: one hour that day, Friday 25 a holiday, then the weekend
    assertThat(germany.plus(at(BERLIN, "2026-12-24T16:00"), FOUR_HOURS)).isEqualTo(at(BERLIN, "2026-12-28T12:00"));
    assertThat(germany.between(at(BERLIN, "2026-12-24T00:00"), at(BERLIN, "2026-12-29T00:00")))
        .isEqualTo(Duration.ofHours(16));
  }

  @Test
  void aLongHolidayStretchIsSkippedAsAWhole() {
    List<Holiday> closed = new ArrayList<>();
    for (LocalDate day = LocalDate.parse("2026-12-21"); day.isBefore(LocalDate.parse("2027-01-04"));
        day = day.plusDays(1)) {
      closed.add(new Holiday(day, "winter break"));
    }
    WorkingCalendar withBreak = calendar(BERLIN, weekdays("09:00-17:00"), closed.toArray(Holiday[]::new));

    assertThat(withBreak.plus(at(BERLIN, "2026-12-18T16:00"), Duration.ofHours(2)))
        .isEqualTo(at(BERLIN, "2027-01-04T10:00"));
  }

  @Test
  void aLunchBreakDoesNotCount() {
    WorkingCalendar lunch = calendar(BERLIN, weekdays("09:00-12:00, 13:00-17:00"));

    assertThat(lunch.plus(at(BERLIN, "2026-12-07T11:00"), Duration.ofHours(2))).isEqualTo(at(BERLIN, "2026-12-07T14:00"));
    assertThat(lunch.plus(at(BERLIN, "2026-12-07T12:30"), Duration.ofMinutes(30))).isEqualTo(at(BERLIN, "2026-12-07T13:30"));
    assertThat(lunch.between(at(BERLIN, "2026-12-07T08:00"), at(BERLIN, "2026-12-07T20:00"))).isEqualTo(Duration.ofHours(7));
  }

  @Test
  void multiWeekDurationsCountOnlyWorkingDays() {
    // two 40-hour weeks from Monday 1 June 09:00 end on Friday 12 June 17:00
    assertThat(berlin.plus(at(BERLIN, "2026-06-01T09:00"), Duration.ofHours(80))).isEqualTo(at(BERLIN, "2026-06-12T17:00"));
    assertThat(berlin.between(at(BERLIN, "2026-06-01T00:00"), at(BERLIN, "2026-07-01T00:00")))
        .isEqualTo(Duration.ofHours(22 * 8));
  }

  @Nested
  class DaylightSavingTime {

    private final WorkingCalendar nightShift = calendar(BERLIN, days("00:00-06:00", DayOfWeek.SUNDAY));

    @Test
    void anIntervalAcrossSpringForwardHoldsOneHourLess() {
      // Sunday 29 March 2026: 02:00 CET jumps to 03:00 CEST; 00:00-06:00 local is five real hours
      assertThat(nightShift.between(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-29T06:00")))
          .isEqualTo(Duration.ofHours(5));
      assertThat(nightShift.plus(at(BERLIN, "2026-03-29T00:00"), Duration.ofHours(4)))
          .isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));                               // 05:00 CEST
      assertThat(nightShift.plus(at(BERLIN, "2026-03-29T00:00"), Duration.ofHours(5)))
          .isEqualTo(at(BERLIN, "2026-03-29T06:00"));
    }

    @Test
    void anIntervalAcrossFallBackHoldsOneHourMore() {
      // Sunday 25 October 2026: 03:00 CEST falls back to 02:00 CET; 00:00-06:00 local is seven real hours
      assertThat(nightShift.between(at(BERLIN, "2026-10-25T00:00"), at(BERLIN, "2026-10-25T06:00")))
          .isEqualTo(Duration.ofHours(7));
      assertThat(nightShift.plus(at(BERLIN, "2026-10-25T00:00"), Duration.ofHours(7)))
          .isEqualTo(at(BERLIN, "2026-10-25T06:00"));
    }

    @Test
    void anOpeningInTheGapMovesLaterByTheGapAndOneInTheOverlapTakesTheEarlierOffset() {
      WorkingCalendar early = calendar(BERLIN, days("02:30-10:00", DayOfWeek.SUNDAY));

      // spring: 02:30 does not exist and opens at 03:30 CEST (as ZonedDateTime.of resolves it)
      assertThat(early.plus(at(BERLIN, "2026-03-29T00:00"), Duration.ofMinutes(1)))
          .isEqualTo(Instant.parse("2026-03-29T01:31:00Z"));
      assertThat(early.between(at(BERLIN, "2026-03-29T00:00"), at(BERLIN, "2026-03-29T12:00")))
          .isEqualTo(Duration.ofMinutes(390));
      // autumn: 02:30 happens twice; the interval opens at the first one, 02:30 CEST
      assertThat(early.plus(at(BERLIN, "2026-10-25T00:00"), Duration.ofMinutes(1)))
          .isEqualTo(Instant.parse("2026-10-25T00:31:00Z"));
      assertThat(early.between(at(BERLIN, "2026-10-25T00:00"), at(BERLIN, "2026-10-25T12:00")))
          .isEqualTo(Duration.ofMinutes(510));
    }

    @Test
    void officeHoursKeepTheirLocalTimesAcrossTheSwitchInBerlin() {
      Instant friday = at(BERLIN, "2026-03-27T16:00");             // CET
      Instant due = berlin.plus(friday, FOUR_HOURS);

      assertThat(due).isEqualTo(at(BERLIN, "2026-03-30T12:00"));   // CEST, still noon
      assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(67));
      assertThat(berlin.plus(at(BERLIN, "2026-10-23T16:00"), FOUR_HOURS)).isEqualTo(at(BERLIN, "2026-10-26T12:00"));
    }

    @Test
    void officeHoursKeepTheirLocalTimesAcrossTheSwitchInNewYork() {
      WorkingCalendar newYork = calendar(NEW_YORK, weekdays("09:00-17:00"));

      // 8 March 2026 (spring forward) and 1 November 2026 (fall back) are Sundays
      assertThat(newYork.plus(at(NEW_YORK, "2026-03-06T16:00"), FOUR_HOURS))
          .isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));         // 12:00 EDT
      assertThat(newYork.plus(at(NEW_YORK, "2026-10-30T16:00"), FOUR_HOURS))
          .isEqualTo(Instant.parse("2026-11-02T17:00:00Z"));         // 12:00 EST
    }
  }

  @Test
  void theSameInstantFallsDueDifferentlyInDifferentZones() {
    WorkingCalendar newYork = calendar(NEW_YORK, weekdays("09:00-17:00"));
    Instant monday = Instant.parse("2026-12-07T15:00:00Z");          // 16:00 Berlin, 10:00 New York

    assertThat(berlin.plus(monday, FOUR_HOURS)).isEqualTo(at(BERLIN, "2026-12-08T12:00"));
    assertThat(newYork.plus(monday, FOUR_HOURS)).isEqualTo(at(NEW_YORK, "2026-12-07T14:00"));
  }

  @Test
  void betweenIsTheInverseOfPlus() {
    WorkingCalendar lunch = calendar(BERLIN, weekdays("08:00-12:00, 13:00-17:30"), holiday("2026-03-30"),
        holiday("2026-10-26"));
    Random random = new Random(5);
    Instant year = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < 2_000; i++) {
      Instant start = year.plusSeconds(random.nextInt(365 * 24 * 3600));
      Duration workingTime = Duration.ofSeconds(random.nextInt(6 * 7 * 24 * 3600) / 7);

      Instant due = lunch.plus(start, workingTime);

      assertThat(lunch.between(start, due)).as("from %s plus %s", start, workingTime).isEqualTo(workingTime);
      assertThat(lunch.plus(start, lunch.between(start, due))).isEqualTo(due);
    }
  }

  @Test
  void betweenIsZeroWhenToIsNotAfterFrom() {
    Instant monday = at(BERLIN, "2026-12-07T10:00");

    assertThat(berlin.between(monday, monday)).isZero();
    assertThat(berlin.between(monday, monday.minusSeconds(3600))).isZero();
  }

  @Test
  void aCalendarWithoutWorkingTimeIsRefused() {
    assertThatThrownBy(() -> calendar(BERLIN, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no working time");
  }

  @Test
  void workingTimeThatIsNotReachedWithinTenYearsIsAnErrorNotAnEndlessSearch() {
    List<Holiday> everyMonday = new ArrayList<>();
    for (LocalDate monday = LocalDate.parse("2026-01-01").with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        monday.getYear() < 2040; monday = monday.plusWeeks(1)) {
      everyMonday.add(new Holiday(monday, "closed"));
    }
    WorkingCalendar never = calendar(ZoneOffset.UTC, days("09:00-17:00", DayOfWeek.MONDAY),
        everyMonday.toArray(Holiday[]::new));

    assertThatThrownBy(() -> never.plus(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("10 years");
    assertThatThrownBy(() -> berlin.plus(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(5000)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void negativeWorkingTimeIsRefused() {
    assertThatThrownBy(() -> berlin.plus(Instant.EPOCH, Duration.ofMinutes(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIntervalMayRunToMidnight() {
    WorkingCalendar late = calendar(BERLIN, days("18:00-24:00", DayOfWeek.MONDAY, DayOfWeek.TUESDAY));

    assertThat(late.plus(at(BERLIN, "2026-12-07T23:00"), Duration.ofHours(2))).isEqualTo(at(BERLIN, "2026-12-08T19:00"));
    assertThat(late.weeklyWorkingTime()).isEqualTo(Duration.ofHours(12));
  }
}
