package org.leadflow.people;

/** ACTIVE reps receive leads (unless absent or at capacity); DEPARTED reps never again. */
public enum RepStatus {
  ACTIVE, DEPARTED
}
