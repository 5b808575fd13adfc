package org.leadflow.capture;

import java.util.List;

/** A submission that cannot become a lead as sent; names every bad field. */
public class InvalidSubmissionException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidSubmissionException(List<FieldError> errors) {
    super("Invalid lead submission: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
