package org.leadflow.handover;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lead.handover.*}: how long the successor has for each introduction (each phase starts when the
 * previous one is done), and when on the return day an absent rep gets the leads back.
 */
@ConfigurationProperties("lead.handover")
public record HandoverProperties(Duration visitWithin, Duration phoneIntroductionWithin, Duration callWithin,
    LocalTime returnTime, ZoneId timeZone) {

  public HandoverProperties {
    visitWithin = visitWithin != null ? visitWithin : Duration.ofDays(3);
    phoneIntroductionWithin = phoneIntroductionWithin != null ? phoneIntroductionWithin : Duration.ofDays(2);
    callWithin = callWithin != null ? callWithin : Duration.ofDays(2);
    returnTime = returnTime != null ? returnTime : LocalTime.of(8, 0);
    timeZone = timeZone != null ? timeZone : ZoneId.of("UTC");
  }

  public static HandoverProperties defaults() {
    return new HandoverProperties(null, null, null, null, null);
  }
}
