package org.leadflow.reports;

import java.util.List;
import org.leadflow.capture.FieldError;

/** Report parameters that cannot be used as sent (a 400 problem naming every bad parameter). */
public class InvalidReportFilterException extends RuntimeException {

  private final transient List<FieldError> errors;

  public InvalidReportFilterException(List<FieldError> errors) {
    super("Invalid report parameters: " + errors);
    this.errors = List.copyOf(errors);
  }

  /** One parameter: {@code field} is its query-parameter name. */
  public InvalidReportFilterException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
