package org.leadflow.handover;

/** A hand-over request that cannot be carried out as asked; names the field at fault. */
public class InvalidHandoverException extends RuntimeException {

  private final String field;

  public InvalidHandoverException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
