package org.leadflow.handover;

/** No hand-over with this id. */
public class HandoverNotFoundException extends RuntimeException {

  public HandoverNotFoundException(long id) {
    super("No hand-over " + id);
  }
}
