package org.leadflow.scoring;

import java.time.Instant;

/** One row of the score ledger: which rule gave how many points and why. */
public record ScoreLine(String leadId, String kind, String ruleId, int points, String reason, Instant scoredAt) {

  public static final String FIT = "FIT";
  public static final String ENGAGEMENT = "ENGAGEMENT";
}
