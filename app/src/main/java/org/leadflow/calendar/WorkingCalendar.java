package org.leadflow.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A calendar's working time and its arithmetic, immutable (shared by all threads through the cache).
 *
 * <p>Working hours are local wall-clock intervals; each interval of a day maps to the instants
 * {@code ZonedDateTime.of(day, start, zone)} and {@code ZonedDateTime.of(day, end, zone)}. So across a DST
 * switch an interval keeps its local start and end: a local time in a gap moves later by the gap's length
 * (02:30 on a spring-forward day in Berlin is 03:30 CEST), a local time in an overlap takes the earlier
 * offset (02:30 on a fall-back day is 02:30 CEST), and an interval that spans the switch holds one hour
 * less (spring) or more (autumn) of working time. Working time is elapsed time inside the intervals.
 * Days without intervals (weekends) and holidays have none. Counting never searches further than
 * {@link #SEARCH_YEARS} years.
 */
public final class WorkingCalendar {

  /** How far {@link #plus} searches for working time before it gives up. */
  public static final int SEARCH_YEARS = 10;
  private static final int SEARCH_DAYS = SEARCH_YEARS * 366 + 2;

  private final String id;
  private final String name;
  private final ZoneId zone;
  private final List<WorkingHours> hours;
  private final Map<LocalDate, Holiday> holidays;
  /** Per {@link DayOfWeek#ordinal()}: the sorted opening and closing minutes of its intervals. */
  private final int[][] opens = new int[7][];
  private final int[][] closes = new int[7][];

  public WorkingCalendar(String id, String name, ZoneId zone, Collection<WorkingHours> hours,
      Collection<Holiday> holidays) {
    this.id = id;
    this.name = name;
    this.zone = zone;
    this.hours = hours.stream()
        .sorted(Comparator.comparing(WorkingHours::day).thenComparing(WorkingHours::startMinute)).toList();
    this.holidays = new TreeMap<>();
    holidays.forEach(holiday -> this.holidays.put(holiday.date(), holiday));
    for (DayOfWeek day : DayOfWeek.values()) {
      List<WorkingHours> ofDay = this.hours.stream().filter(h -> h.day() == day).toList();
      opens[day.ordinal()] = ofDay.stream().mapToInt(WorkingHours::startMinute).toArray();
      closes[day.ordinal()] = ofDay.stream().mapToInt(WorkingHours::endMinute).toArray();
    }
    if (weeklyMinutes() <= 0) {
      throw new IllegalArgumentException("calendar " + id + " has no working time");
    }
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The intervals, by weekday and start. */
  public List<WorkingHours> hours() {
    return hours;
  }

  /** The holidays, by date. */
  public List<Holiday> holidays() {
    return List.copyOf(holidays.values());
  }

  /** Working time of a week without holidays and DST switches. */
  public Duration weeklyWorkingTime() {
    return Duration.ofMinutes(weeklyMinutes());
  }

  private long weeklyMinutes() {
    long minutes = 0;
    for (int day = 0; day < 7; day++) {
      for (int k = 0; k < opens[day].length; k++) {
        minutes += closes[day][k] - opens[day][k];
      }
    }
    return minutes;
  }

  /**
   * The instant when {@code workingTime} has passed after {@code start}. A start outside working hours
   * begins counting at the next opening; the working time may end exactly at a closing (Friday 16:00 plus
   * one hour of a 09:00-17:00 calendar is Friday 17:00, not Monday 09:00). Zero working time returns
   * {@code start} unchanged, even outside working hours.
   *
   * @throws IllegalArgumentException for a negative working time
   * @throws IllegalStateException when the working time is not used up within {@value #SEARCH_YEARS} years
   */
  public Instant plus(Instant start, Duration workingTime) {
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative: " + workingTime);
    }
    if (workingTime.isZero()) {
      return start;
    }
    Duration remaining = workingTime;
    // a day's intervals never reach into the next day, so the day before start's local date is the earliest
    LocalDate day = LocalDate.ofInstant(start, zone).minusDays(1);
    for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
      if (holidays.containsKey(day)) {
        continue;
      }
      int weekday = day.getDayOfWeek().ordinal();
      for (int k = 0; k < opens[weekday].length; k++) {
        Instant close = instant(day, closes[weekday][k]);
        if (!close.isAfter(start)) {
          continue;
        }
        Instant open = instant(day, opens[weekday][k]);
        Instant from = open.isAfter(start) ? open : start;
        Duration available = Duration.between(from, close);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
    throw new IllegalStateException("calendar " + id + " does not have " + workingTime + " of working time within "
        + SEARCH_YEARS + " years after " + start);
  }

  /** The working time between two instants; zero when {@code to} is not after {@code from}. */
  public Duration between(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    Duration sum = Duration.ZERO;
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      if (holidays.containsKey(day)) {
        continue;
      }
      int weekday = day.getDayOfWeek().ordinal();
      for (int k = 0; k < opens[weekday].length; k++) {
        Instant open = instant(day, opens[weekday][k]);
        Instant close = instant(day, closes[weekday][k]);
        Instant a = open.isAfter(from) ? open : from;
        Instant b = close.isBefore(to) ? close : to;
        if (b.isAfter(a)) {
          sum = sum.plus(Duration.between(a, b));
        }
      }
    }
    return sum;
  }

  private Instant instant(LocalDate day, int minuteOfDay) {
    return day.atStartOfDay().plusMinutes(minuteOfDay).atZone(zone).toInstant();
  }
}
