package org.leadflow.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.leadflow.capture.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Business calendars: every working group reads them, admins edit them. */
@RestController
@Validated
@Tag(name = "Calendars", description = "Working hours, holidays and time zones that SLA timers and due dates count in")
@SecurityRequirement(name = "basic")
class CalendarController {

  private final CalendarService calendars;

  CalendarController(CalendarService calendars) {
    this.calendars = calendars;
  }

  record CalendarRequest(String name, String timeZone, List<CalendarService.HoursDraft> hours) {}

  record HolidayRequest(String date, @NotBlank @Size(max = 100) String name) {}

  record DuePreview(String calendarId, String timeZone, Instant start, Duration workingTime, Instant due,
      String dueInZone) {}

  @GetMapping("/api/calendars")
  @Operation(summary = "All calendars with their hours, holidays and teams")
  List<CalendarService.CalendarView> list() {
    return calendars.calendars();
  }

  @GetMapping("/api/calendars/{calendarId}")
  @Operation(summary = "A calendar with its hours, holidays and teams")
  CalendarService.CalendarView read(@PathVariable String calendarId) {
    return calendars.calendar(calendarId);
  }

  @PutMapping("/api/calendars/{calendarId}")
  @Operation(summary = "Create a calendar or replace its name, time zone and working hours",
      description = "hours: one or more intervals per weekday, e.g. {\"day\":\"MONDAY\",\"start\":\"09:00\","
          + "\"end\":\"17:00\"}, local wall-clock times (end up to 24:00); intervals of a day must not overlap; "
          + "a calendar needs some working time. Holidays and teams stay; timers already created keep their due dates.")
  CalendarService.CalendarView save(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String calendarId,
      @RequestBody CalendarRequest request, Principal principal) {
    return calendars.save(calendarId,
        new CalendarService.Draft(request.name(), request.timeZone(), request.hours()), principal.getName());
  }

  @PostMapping("/api/calendars/{calendarId}/holidays")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a holiday (a whole day without working time), or rename the one on that date")
  CalendarService.CalendarView addHoliday(@PathVariable String calendarId, @Valid @RequestBody HolidayRequest request) {
    return calendars.addHoliday(calendarId, request.date(), request.name());
  }

  @DeleteMapping("/api/calendars/{calendarId}/holidays/{date}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a holiday")
  void removeHoliday(@PathVariable String calendarId, @Parameter(example = "2026-12-24") @PathVariable String date) {
    calendars.removeHoliday(calendarId, date);
  }

  @PutMapping("/api/calendars/{calendarId}/teams/{teamId}")
  @Operation(summary = "Let a team count in this calendar (new timers and due dates only)")
  CalendarService.CalendarView assignTeam(@PathVariable String calendarId, @PathVariable String teamId) {
    return calendars.assignTeam(calendarId, teamId);
  }

  @DeleteMapping("/api/calendars/{calendarId}/teams/{teamId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Let a team count in the default calendar again")
  void unassignTeam(@PathVariable String calendarId, @PathVariable String teamId) {
    calendars.unassignTeam(calendarId, teamId);
  }

  @GetMapping("/api/calendars/{calendarId}/due")
  @Operation(summary = "When working time started at an instant falls due in this calendar",
      description = "the same arithmetic every SLA timer uses; encode '+' in the offset as %2B")
  DuePreview due(@PathVariable String calendarId,
      @Parameter(example = "2026-12-04T16:00:00+01:00") @RequestParam(required = false) String start,
      @Parameter(example = "PT4H") @RequestParam(required = false) String workingTime) {
    Instant from = parseStart(start);
    Duration duration = parseWorkingTime(workingTime);
    Instant due = calendars.due(calendarId, from, duration);
    return new DuePreview(calendarId, calendars.zoneOf(calendarId).getId(), from, duration, due,
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due.atZone(calendars.zoneOf(calendarId))));
  }

  private static Instant parseStart(String start) {
    try {
      // an unencoded '+' of the offset arrives as a space
      return OffsetDateTime.parse(start == null ? "" : start.strip().replace(' ', '+')).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidCalendarException(List.of(new FieldError("start",
          "must be a date-time with offset like 2026-12-04T16:00:00+01:00")));
    }
  }

  private static Duration parseWorkingTime(String workingTime) {
    try {
      Duration duration = Duration.parse(workingTime == null ? "" : workingTime.strip());
      if (!duration.isNegative()) {
        return duration;
      }
    } catch (DateTimeParseException e) {
      // answered below
    }
    throw new InvalidCalendarException("workingTime", "must be a non-negative ISO-8601 duration like PT4H");
  }
}
