package org.leadflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Calendars and instants for the calendar tests. */
final class TestCalendars {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** The given interval ({@code "09:00-17:00"}, several separated by commas) on every weekday Monday..Friday. */
  static List<WorkingHours> weekdays(String intervals) {
    return days(intervals, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY);
  }

  static List<WorkingHours> days(String intervals, DayOfWeek... days) {
    List<WorkingHours> hours = new ArrayList<>();
    for (DayOfWeek day : days) {
      for (String interval : intervals.split(",")) {
        String[] ends = interval.strip().split("-");
        hours.add(new WorkingHours(day, ends[0], ends[1]));
      }
    }
    return hours;
  }

  static WorkingCalendar calendar(ZoneId zone, List<WorkingHours> hours, Holiday... holidays) {
    return new WorkingCalendar("test", "Test", zone, hours, List.of(holidays));
  }

  static Holiday holiday(String date) {
    return new Holiday(LocalDate.parse(date), "holiday " + date);
  }

  /** A local wall-clock time ({@code 2026-12-04T16:00}) in the zone; earlier offset in an overlap. */
  static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  private TestCalendars() {}
}
