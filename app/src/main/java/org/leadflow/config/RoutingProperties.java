package org.leadflow.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Performance-weighted routing, bound from {@code lead.routing.*}: a rep's weight is their win rate
 * (won / (won + lost) of the leads they owned that closed within {@code performanceWindow}), never
 * below {@code weightFloor}, so that new reps and reps in a bad patch still get leads.
 */
@ConfigurationProperties("lead.routing")
public record RoutingProperties(Duration performanceWindow, Double weightFloor) {

  public RoutingProperties {
    performanceWindow = performanceWindow != null ? performanceWindow : Duration.ofDays(90);
    weightFloor = weightFloor != null ? weightFloor : 0.2;
    if (weightFloor <= 0 || weightFloor > 1) {
      throw new IllegalArgumentException("lead.routing.weight-floor must be in (0, 1], was " + weightFloor);
    }
  }

  /** Everything at its default: for tests and tools. */
  public static RoutingProperties defaults() {
    return new RoutingProperties(null, null);
  }
}
