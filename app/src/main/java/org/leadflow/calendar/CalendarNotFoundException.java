package org.leadflow.calendar;

/** No such calendar, team or holiday (404). */
public class CalendarNotFoundException extends RuntimeException {

  public CalendarNotFoundException(String message) {
    super(message);
  }
}
