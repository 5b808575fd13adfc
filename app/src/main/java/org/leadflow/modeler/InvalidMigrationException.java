package org.leadflow.modeler;

/** A migration that must not start (422): the dry run's plan and instance errors. */
public class InvalidMigrationException extends RuntimeException {

  private final transient MigrationService.Check check;

  public InvalidMigrationException(String message, MigrationService.Check check) {
    super(message);
    this.check = check;
  }

  public MigrationService.Check check() {
    return check;
  }
}
