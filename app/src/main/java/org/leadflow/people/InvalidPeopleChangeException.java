package org.leadflow.people;

import java.util.List;
import org.leadflow.capture.FieldError;

/** A change of a team, rep or absence that cannot be made as sent (400); names every bad field. */
public class InvalidPeopleChangeException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidPeopleChangeException(List<FieldError> errors) {
    super("Invalid change: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
