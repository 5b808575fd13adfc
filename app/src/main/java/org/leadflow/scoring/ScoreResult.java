package org.leadflow.scoring;

/** A lead's scores after a scoring step, and whether it is sales-ready now. */
public record ScoreResult(int fitScore, int engagementScore, boolean salesReady, String why) {

  public int total() {
    return fitScore + engagementScore;
  }
}
