package org.leadflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadflow.capture.FieldError;

/** What an admin may send as a calendar: every bad field is named at once. */
class CalendarServiceTest {

  private static CalendarService.HoursDraft hours(String day, String start, String end) {
    return new CalendarService.HoursDraft(day, start, end);
  }

  private static List<String> fields(CalendarService.Draft draft) {
    return catchThrowableOfType(InvalidCalendarException.class, () -> CalendarService.check(draft)).errors().stream()
        .map(FieldError::field).toList();
  }

  @Test
  void aValidDraftGivesItsIntervals() {
    List<WorkingHours> checked = CalendarService.check(new CalendarService.Draft("Lunch", "Europe/Berlin",
        List.of(hours("monday", "09:00", "12:00"), hours("MONDAY", "12:00", "24:00"))));

    assertThat(checked).containsExactly(new WorkingHours(DayOfWeek.MONDAY, "09:00", "12:00"),
        new WorkingHours(DayOfWeek.MONDAY, "12:00", "24:00"));
  }

  @Test
  void badZoneDayTimesAndOverlapsAreNamed() {
    assertThat(fields(new CalendarService.Draft(" ", "Mars/Olympus", List.of(
        hours("FUNDAY", "09:00", "17:00"),
        hours("MONDAY", "17:00", "09:00"),
        hours("TUESDAY", "9am", "25:00"),
        hours("WEDNESDAY", "09:00", "13:00"),
        hours("WEDNESDAY", "12:00", "17:00")))))
        .containsExactly("name", "timeZone", "hours[0].day", "hours[1].end", "hours[2].start", "hours[2].end",
            "hours[4]");
  }

  @Test
  void aCalendarWithoutWorkingTimeIsRefused() {
    assertThat(fields(new CalendarService.Draft("Never", "UTC", List.of()))).containsExactly("hours");
    assertThat(fields(new CalendarService.Draft("Never", "UTC", null))).containsExactly("hours");
  }
}
