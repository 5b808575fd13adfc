package org.leadflow.events;

import java.util.List;
import org.leadflow.capture.FieldError;

/**
 * An inbound record that can never be processed as sent (not JSON, wrong types, missing or bad
 * fields, too large): it goes to the topic's dead-letter topic with these errors, never retried.
 */
public class PoisonRecordException extends RuntimeException {

  private final transient List<FieldError> errors;

  public PoisonRecordException(List<FieldError> errors) {
    super(errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse("invalid record"));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
