package org.leadflow.people;

/** The pool a team works: sales reps accept and close leads, SDRs qualify MQLs by phone. */
public enum TeamRole {
  SALES("sales"), SDR("sdr");

  private final String group;

  TeamRole(String group) {
    this.group = group;
  }

  /** The Camunda group its reps must be members of. */
  public String group() {
    return group;
  }
}
