package org.leadflow.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the durations of the {@code sla-policy} decision table are applied, bound from
 * {@code lead.sla-policy.*}. {@code speed-up} divides every duration of the table (default 1): the
 * {@code fast-sla} demo profile sets 60, so that the table's hours pass as minutes while the table's
 * rows and their proportions stay what a process owner wrote.
 */
@ConfigurationProperties("lead.sla-policy")
public record SlaPolicyProperties(Integer speedUp) {

  public SlaPolicyProperties {
    speedUp = speedUp == null ? 1 : speedUp;
    if (speedUp < 1) {
      throw new IllegalArgumentException("lead.sla-policy.speed-up must be 1 or more, was " + speedUp);
    }
  }

  /** Durations as the table says. */
  public static SlaPolicyProperties defaults() {
    return new SlaPolicyProperties(null);
  }
}
