package org.leadflow.scoring;

import java.time.Instant;

/**
 * One row of the score ledger: which rule gave how many points and why. Kinds: FIT and ENGAGEMENT
 * (a decision table's rule, {@code lead-fit-score:v1/Rule_SeniorTitle}), DECAY (rule {@code DECAY},
 * negative: what engagement lost since the last booking) and THRESHOLD (0 points: what
 * lead-sales-ready decided). The lines sum to the lead's score.
 */
public record ScoreLine(String leadId, String kind, String ruleId, int points, String reason, Instant scoredAt) {

  public static final String FIT = "FIT";
  public static final String ENGAGEMENT = "ENGAGEMENT";
  public static final String DECAY = "DECAY";
  public static final String THRESHOLD = "THRESHOLD";
}
