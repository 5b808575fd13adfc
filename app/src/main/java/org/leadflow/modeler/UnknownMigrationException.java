package org.leadflow.modeler;

/** No migration batch with this id, running or finished (404). */
public class UnknownMigrationException extends RuntimeException {

  public UnknownMigrationException(String batchId) {
    super("no migration batch '" + batchId + "'");
  }
}
