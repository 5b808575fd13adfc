package org.leadflow.calendar;

import java.time.DayOfWeek;
import java.util.regex.Pattern;

/**
 * One working interval of a weekday in local wall-clock time, {@code HH:mm}; {@code end} may be
 * {@code 24:00} (the end of the day).
 */
public record WorkingHours(DayOfWeek day, String start, String end) {

  private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");

  /** Whether {@code text} is a wall-clock time {@code 00:00}..{@code 24:00}. */
  static boolean isTime(String text) {
    return text != null && TIME.matcher(text).matches();
  }

  /** Minutes since midnight of a valid {@code HH:mm} (24:00 is 1440). */
  static int minutes(String time) {
    return Integer.parseInt(time.substring(0, 2)) * 60 + Integer.parseInt(time.substring(3, 5));
  }

  int startMinute() {
    return minutes(start);
  }

  int endMinute() {
    return minutes(end);
  }
}
