package org.leadflow.stuck;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lead.stuck.*}: how often the scan looks for stuck leads ({@code scan-interval}, default 15
 * minutes), how many it flags per scan at most ({@code batch-size}), and {@code speed-up}, which divides
 * every dwell limit of the stuck-lead table (default 1; the fast-sla demo profile uses 1440, so days
 * pass as minutes).
 */
@ConfigurationProperties("lead.stuck")
public record StuckLeadProperties(Duration scanInterval, Integer batchSize, Integer speedUp) {

  public StuckLeadProperties {
    scanInterval = scanInterval != null ? scanInterval : Duration.ofMinutes(15);
    batchSize = batchSize != null ? batchSize : 200;
    speedUp = speedUp != null ? speedUp : 1;
    if (speedUp < 1) {
      throw new IllegalArgumentException("lead.stuck.speed-up must be 1 or more, was " + speedUp);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("lead.stuck.batch-size must be 1 or more, was " + batchSize);
    }
  }

  public static StuckLeadProperties defaults() {
    return new StuckLeadProperties(null, null, null);
  }
}
