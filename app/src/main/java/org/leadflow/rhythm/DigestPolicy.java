package org.leadflow.rhythm;

import org.springframework.stereotype.Component;

/** What daily-digest.bpmn's timer reads: {@code ${digestPolicy.cron()}}. */
@Component("digestPolicy")
public class DigestPolicy {

  private final RhythmProperties properties;

  public DigestPolicy(RhythmProperties properties) {
    this.properties = properties;
  }

  /** The start timer's cycle: a Camunda (Quartz-style, seconds first) cron expression. */
  public String cron() {
    return properties.digest().cron();
  }
}
