package org.leadflow.calendar;

import java.util.List;
import org.leadflow.capture.FieldError;

/** A calendar edit that cannot be made as sent (400); names every bad field. */
public class InvalidCalendarException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidCalendarException(List<FieldError> errors) {
    super("Invalid calendar: " + errors);
    this.errors = List.copyOf(errors);
  }

  public InvalidCalendarException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
