package org.leadflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadflow.calendar.TestCalendars.BERLIN;
import static org.leadflow.calendar.TestCalendars.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/** The calendar tables' SQL and V008's reference calendars, on H2 in MySQL mode with the migrations. */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:calendar-mapper;MODE=MySQL;DB_CLOSE_DELAY=-1",
    "spring.flyway.table=lead_schema_history"})
class CalendarMapperTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  @Autowired CalendarMapper mapper;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theMigrationSeedsADefaultAndTheDemoTeamsZonesWithTheirPublicHolidays() {
    CalendarSnapshot snapshot = CalendarSnapshot.read(mapper);

    assertThat(snapshot.calendars()).containsKeys("default", "de-berlin", "fr-paris");
    WorkingCalendar germany = snapshot.calendars().get("de-berlin");
    assertThat(germany.zone()).isEqualTo(BERLIN);
    assertThat(germany.weeklyWorkingTime()).isEqualTo(Duration.ofHours(40));
    assertThat(germany.holidays()).hasSize(18).extracting(Holiday::date)
        .contains(LocalDate.parse("2026-10-03"), LocalDate.parse("2027-05-17"));
    assertThat(snapshot.calendars().get("fr-paris").holidays()).extracting(Holiday::date)
        .contains(LocalDate.parse("2026-07-14"));
    // Tag der Deutschen Einheit 2026 is a Saturday; Pfingstmontag 25 May 2026 is skipped
    assertThat(germany.plus(at(BERLIN, "2026-05-22T16:00"), Duration.ofHours(2))).isEqualTo(at(BERLIN, "2026-05-26T10:00"));
    assertThat(snapshot.calendarOf(null).id()).isEqualTo("default");
  }

  @Test
  void aCalendarIsStoredWithItsHoursHolidaysAndTeams() {
    mapper.insertCalendar(new CalendarMapper.CalendarRow("mapper-cal", "Mapper", "Europe/Berlin"), T0, "test");
    mapper.insertHours("mapper-cal", List.of(new WorkingHours(DayOfWeek.MONDAY, "09:00", "12:00"),
        new WorkingHours(DayOfWeek.MONDAY, "13:00", "24:00")));
    mapper.insertHoliday("mapper-cal", new Holiday(LocalDate.parse("2026-12-07"), "Closed"));
    jdbc.update("insert into lead_team (id, name, time_zone) values ('mapper-team', 'Mapper team', 'Europe/Berlin')");

    assertThat(mapper.updateTeamCalendar("mapper-team", "mapper-cal")).isEqualTo(1);
    assertThat(mapper.updateTeamCalendar("no-such-team", "mapper-cal")).isZero();

    CalendarSnapshot snapshot = CalendarSnapshot.read(mapper);
    WorkingCalendar calendar = snapshot.calendarOf("mapper-team");
    assertThat(calendar.id()).isEqualTo("mapper-cal");
    assertThat(calendar.hours()).extracting(WorkingHours::end).containsExactly("12:00", "24:00");
    assertThat(calendar.holidays()).containsExactly(new Holiday(LocalDate.parse("2026-12-07"), "Closed"));
    assertThat(snapshot.teamsByCalendar()).containsEntry("mapper-cal", List.of("mapper-team"));

    assertThat(mapper.updateCalendar(new CalendarMapper.CalendarRow("mapper-cal", "Renamed", "UTC"), T0, "test"))
        .isEqualTo(1);
    mapper.deleteHours("mapper-cal");
    mapper.insertHours("mapper-cal", List.of(new WorkingHours(DayOfWeek.FRIDAY, "08:00", "10:00")));
    assertThat(mapper.deleteHoliday("mapper-cal", LocalDate.parse("2026-12-07"))).isEqualTo(1);
    assertThat(mapper.deleteHoliday("mapper-cal", LocalDate.parse("2026-12-07"))).isZero();
    mapper.updateTeamCalendar("mapper-team", null);

    snapshot = CalendarSnapshot.read(mapper);
    assertThat(snapshot.calendars().get("mapper-cal").name()).isEqualTo("Renamed");
    assertThat(snapshot.calendars().get("mapper-cal").hours())
        .containsExactly(new WorkingHours(DayOfWeek.FRIDAY, "08:00", "10:00"));
    assertThat(snapshot.calendars().get("mapper-cal").holidays()).isEmpty();
    assertThat(snapshot.calendarOf("mapper-team").id()).isEqualTo("default");
  }
}
