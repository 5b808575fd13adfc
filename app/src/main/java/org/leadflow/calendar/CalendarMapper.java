package org.leadflow.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

/** Calendars, their hours and holidays, and the teams' calendar links (mapper/CalendarMapper.xml). */
@Mapper
public interface CalendarMapper {

  record CalendarRow(String id, String name, String timeZone) {}

  record HoursRow(String calendarId, DayOfWeek dayOfWeek, String startsAt, String endsAt) {}

  record HolidayRow(String calendarId, LocalDate holidayDate, String name) {}

  record TeamCalendarRow(String teamId, String calendarId) {}

  List<CalendarRow> findCalendars();

  Optional<CalendarRow> findCalendar(String id);

  List<HoursRow> findAllHours();

  List<HolidayRow> findAllHolidays();

  /** Teams that have a calendar of their own. */
  List<TeamCalendarRow> findTeamCalendars();

  void insertCalendar(CalendarRow calendar, Instant at, String by);

  int updateCalendar(CalendarRow calendar, Instant at, String by);

  void deleteHours(String calendarId);

  void insertHours(String calendarId, List<WorkingHours> hours);

  int deleteHoliday(String calendarId, LocalDate date);

  void insertHoliday(String calendarId, Holiday holiday);

  /** Sets (or with a null calendar clears) a team's calendar; 0 when the team does not exist. */
  int updateTeamCalendar(String teamId, String calendarId);
}
