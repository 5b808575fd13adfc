package org.leadflow.reports;

import java.util.List;

/** Campaign costs or plans that cannot be stored as sent (400): every bad row is named, nothing was stored. */
public class InvalidUploadException extends RuntimeException {

  private final transient List<RowError> errors;

  public InvalidUploadException(List<RowError> errors) {
    super("Invalid rows: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<RowError> errors() {
    return errors;
  }
}
