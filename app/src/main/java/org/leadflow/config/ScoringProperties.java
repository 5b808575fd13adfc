package org.leadflow.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scoring settings that are not rules (the rules are the decision tables lead-fit-score,
 * engagement-points and lead-sales-ready in {@code processes/}): how fast engagement points lose
 * value. {@code lead.scoring.engagement-half-life} (default P30D): a point earned that long ago counts
 * half, twice that long ago a quarter.
 */
@ConfigurationProperties("lead.scoring")
public record ScoringProperties(Duration engagementHalfLife) {

  public ScoringProperties {
    engagementHalfLife = engagementHalfLife != null ? engagementHalfLife : Duration.ofDays(30);
    if (engagementHalfLife.isNegative() || engagementHalfLife.isZero()) {
      throw new IllegalArgumentException("lead.scoring.engagement-half-life must be positive, not " + engagementHalfLife);
    }
  }

  public static ScoringProperties defaults() {
    return new ScoringProperties(null);
  }
}
