package org.leadflow.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leadflow.capture.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and edits the business calendars. Edits are checked first (nothing is written when a field is
 * bad) and reach this node's cache when they commit.
 */
@Service
public class CalendarService {

  /** A calendar as edited: wall-clock intervals as sent, checked by {@link #save}. */
  public record Draft(String name, String timeZone, List<HoursDraft> hours) {}

  /** One interval as sent: {@code day} MONDAY..SUNDAY, {@code start}/{@code end} {@code HH:mm}. */
  public record HoursDraft(String day, String start, String end) {}

  /** A calendar with the teams that count in it. */
  public record CalendarView(String id, String name, String timeZone, List<WorkingHours> hours,
      List<Holiday> holidays, List<String> teams, Duration weeklyWorkingTime) {}

  private static final String DAYS = Arrays.stream(DayOfWeek.values()).map(Enum::name)
      .collect(Collectors.joining(", "));

  private final CalendarMapper mapper;
  private final CalendarRegistry registry;
  private final Clock clock;

  CalendarService(CalendarMapper mapper, CalendarRegistry registry, Clock clock) {
    this.mapper = mapper;
    this.registry = registry;
    this.clock = clock;
  }

  /** All calendars, read from the database (not the cache). */
  @Transactional(readOnly = true)
  public List<CalendarView> calendars() {
    CalendarSnapshot snapshot = CalendarSnapshot.read(mapper);
    return snapshot.calendars().values().stream().sorted(Comparator.comparing(WorkingCalendar::id))
        .map(calendar -> view(calendar, snapshot)).toList();
  }

  @Transactional(readOnly = true)
  public CalendarView calendar(String id) {
    CalendarSnapshot snapshot = CalendarSnapshot.read(mapper);
    WorkingCalendar calendar = snapshot.calendars().get(id);
    if (calendar == null) {
      throw notFound(id);
    }
    return view(calendar, snapshot);
  }

  /** Creates the calendar or replaces its name, zone and hours; its holidays and teams stay. */
  @Transactional
  public CalendarView save(String id, Draft draft, String by) {
    List<WorkingHours> hours = check(draft);
    CalendarMapper.CalendarRow row = new CalendarMapper.CalendarRow(id, draft.name().strip(), draft.timeZone().strip());
    Instant now = clock.instant();
    if (mapper.updateCalendar(row, now, by) == 0) {
      mapper.insertCalendar(row, now, by);
    }
    mapper.deleteHours(id);
    mapper.insertHours(id, hours);
    registry.refreshAfterCommit();
    return calendar(id);
  }

  /** Adds a holiday, or renames the one on that date. */
  @Transactional
  public CalendarView addHoliday(String calendarId, String date, String name) {
    LocalDate day = date(date);
    existing(calendarId);
    mapper.deleteHoliday(calendarId, day);
    mapper.insertHoliday(calendarId, new Holiday(day, name.strip()));
    registry.refreshAfterCommit();
    return calendar(calendarId);
  }

  @Transactional
  public void removeHoliday(String calendarId, String date) {
    LocalDate day = date(date);
    existing(calendarId);
    if (mapper.deleteHoliday(calendarId, day) == 0) {
      throw new CalendarNotFoundException("Calendar " + calendarId + " has no holiday on " + day);
    }
    registry.refreshAfterCommit();
  }

  /** The team counts in this calendar from now on (timers already created keep their due dates). */
  @Transactional
  public CalendarView assignTeam(String calendarId, String teamId) {
    existing(calendarId);
    if (mapper.updateTeamCalendar(teamId, calendarId) == 0) {
      throw new CalendarNotFoundException("No team " + teamId);
    }
    registry.refreshAfterCommit();
    return calendar(calendarId);
  }

  /** The team counts in the default calendar again. */
  @Transactional
  public void unassignTeam(String calendarId, String teamId) {
    if (!calendar(calendarId).teams().contains(teamId)) {
      throw new CalendarNotFoundException("Team " + teamId + " does not use calendar " + calendarId);
    }
    mapper.updateTeamCalendar(teamId, null);
    registry.refreshAfterCommit();
  }

  /** When {@code workingTime} of the calendar (as this node has it cached) has passed after {@code start}. */
  public Instant due(String calendarId, Instant start, Duration workingTime) {
    WorkingCalendar calendar = registry.calendar(calendarId).orElseThrow(() -> notFound(calendarId));
    try {
      return registry.aroundTheClock() ? start.plus(workingTime) : calendar.plus(start, workingTime);
    } catch (IllegalStateException e) {
      throw new InvalidCalendarException("workingTime", "is not reached within " + WorkingCalendar.SEARCH_YEARS
          + " years of this calendar's working time");
    }
  }

  /** The cached calendar's zone, for answers in local time. */
  public ZoneId zoneOf(String calendarId) {
    return registry.calendar(calendarId).orElseThrow(() -> notFound(calendarId)).zone();
  }

  private void existing(String calendarId) {
    if (mapper.findCalendar(calendarId).isEmpty()) {
      throw notFound(calendarId);
    }
  }

  private static CalendarNotFoundException notFound(String id) {
    return new CalendarNotFoundException("No calendar " + id);
  }

  private static CalendarView view(WorkingCalendar calendar, CalendarSnapshot snapshot) {
    return new CalendarView(calendar.id(), calendar.name(), calendar.zone().getId(), calendar.hours(),
        calendar.holidays(), snapshot.teamsByCalendar().getOrDefault(calendar.id(), List.of()),
        calendar.weeklyWorkingTime());
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidCalendarException("date", "must be a date like 2026-12-24");
    }
  }

  /** The draft's intervals, or every bad field at once. */
  static List<WorkingHours> check(Draft draft) {
    List<FieldError> errors = new ArrayList<>();
    if (draft.name() == null || draft.name().isBlank()) {
      errors.add(new FieldError("name", "must not be blank"));
    } else if (draft.name().strip().length() > 100) {
      errors.add(new FieldError("name", "must be at most 100 characters"));
    }
    if (draft.timeZone() == null || !ZoneId.getAvailableZoneIds().contains(draft.timeZone().strip())) {
      errors.add(new FieldError("timeZone", "must be an IANA time zone id such as Europe/Berlin"));
    }
    List<WorkingHours> hours = new ArrayList<>();
    List<HoursDraft> drafts = draft.hours() == null ? List.of() : draft.hours();
    for (int i = 0; i < drafts.size(); i++) {
      int index = i;
      WorkingHours interval = interval("hours[" + i + "]", drafts.get(i), errors);
      if (interval != null) {
        overlapped(interval, hours).ifPresent(other -> errors.add(new FieldError("hours[" + index + "]",
            "overlaps " + other.day() + " " + other.start() + "-" + other.end())));
        hours.add(interval);
      }
    }
    if (errors.isEmpty() && hours.isEmpty()) {
      errors.add(new FieldError("hours", "must have at least one working interval (a calendar without working "
          + "time would never let an SLA fall due)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidCalendarException(errors);
    }
    return hours;
  }

  private static WorkingHours interval(String field, HoursDraft draft, List<FieldError> errors) {
    if (draft == null) {
      errors.add(new FieldError(field, "must not be null"));
      return null;
    }
    DayOfWeek day = null;
    try {
      day = DayOfWeek.valueOf(draft.day() == null ? "" : draft.day().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field + ".day", "must be one of " + DAYS));
    }
    boolean startOk = WorkingHours.isTime(draft.start()) && !"24:00".equals(draft.start());
    if (!startOk) {
      errors.add(new FieldError(field + ".start", "must be a time 00:00..23:59"));
    }
    boolean endOk = WorkingHours.isTime(draft.end());
    if (!endOk) {
      errors.add(new FieldError(field + ".end", "must be a time 00:01..24:00"));
    }
    if (startOk && endOk && WorkingHours.minutes(draft.end()) <= WorkingHours.minutes(draft.start())) {
      errors.add(new FieldError(field + ".end", "must be after start " + draft.start()));
      return null;
    }
    return day == null || !startOk || !endOk ? null : new WorkingHours(day, draft.start(), draft.end());
  }

  private static Optional<WorkingHours> overlapped(WorkingHours interval, List<WorkingHours> others) {
    return others.stream().filter(other -> other.day() == interval.day()
        && other.startMinute() < interval.endMinute() && interval.startMinute() < other.endMinute()).findFirst();
  }
}
