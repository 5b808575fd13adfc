package org.leadflow.calendar;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** All calendars and the teams' links, as read from the database at one moment. */
record CalendarSnapshot(Map<String, WorkingCalendar> calendars, Map<String, String> teamCalendars) {

  static final String DEFAULT_CALENDAR = "default";

  private static final Logger log = LoggerFactory.getLogger(CalendarSnapshot.class);

  static CalendarSnapshot read(CalendarMapper mapper) {
    Map<String, List<WorkingHours>> hours = new HashMap<>();
    for (CalendarMapper.HoursRow row : mapper.findAllHours()) {
      hours.computeIfAbsent(row.calendarId(), id -> new ArrayList<>())
          .add(new WorkingHours(row.dayOfWeek(), row.startsAt(), row.endsAt()));
    }
    Map<String, List<Holiday>> holidays = new HashMap<>();
    for (CalendarMapper.HolidayRow row : mapper.findAllHolidays()) {
      holidays.computeIfAbsent(row.calendarId(), id -> new ArrayList<>()).add(new Holiday(row.holidayDate(), row.name()));
    }
    Map<String, WorkingCalendar> calendars = new LinkedHashMap<>();
    for (CalendarMapper.CalendarRow row : mapper.findCalendars()) {
      try {
        calendars.put(row.id(), new WorkingCalendar(row.id(), row.name(), ZoneId.of(row.timeZone()),
            hours.getOrDefault(row.id(), List.of()), holidays.getOrDefault(row.id(), List.of())));
      } catch (RuntimeException e) {
        // only a hand-made row gets here (the REST API refuses such calendars); its teams count in 'default'
        log.error("Calendar {} is unusable and skipped: {}", row.id(), e.getMessage());
      }
    }
    Map<String, String> teams = new HashMap<>();
    mapper.findTeamCalendars().forEach(row -> teams.put(row.teamId(), row.calendarId()));
    return new CalendarSnapshot(Map.copyOf(calendars), Map.copyOf(teams));
  }

  /** The team's calendar; the default one for a null team, a team without a calendar and an unknown team. */
  WorkingCalendar calendarOf(String teamId) {
    WorkingCalendar calendar = teamId == null ? null : calendars.get(teamCalendars.getOrDefault(teamId, DEFAULT_CALENDAR));
    if (calendar == null) {
      calendar = calendars.get(DEFAULT_CALENDAR);
    }
    if (calendar == null) {
      throw new IllegalStateException("no calendar '" + DEFAULT_CALENDAR + "' (migration V008 creates it)");
    }
    return calendar;
  }

  /** Team ids per calendar id. */
  Map<String, List<String>> teamsByCalendar() {
    Map<String, List<String>> teams = new HashMap<>();
    teamCalendars.forEach((team, calendar) -> teams.computeIfAbsent(calendar, id -> new ArrayList<>()).add(team));
    teams.values().forEach(list -> list.sort(String::compareTo));
    return teams;
  }
}
