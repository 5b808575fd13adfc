package org.leadflow.stuck;

import java.time.Duration;
import java.time.Instant;
import org.leadflow.lead.LeadStage;

/**
 * How long a lead has stood where it is. An opportunity stands in its funnel position since the later
 * of entering OPPORTUNITY and its last position change; every other lead since its last stage change.
 */
public record Dwell(Instant since, Instant now) {

  /** {@code positionChangedAt}: the last funnel-position change, or null if there was none. */
  public static Dwell of(LeadStage stage, Instant stageChangedAt, Instant positionChangedAt, Instant now) {
    Instant since = stage == LeadStage.OPPORTUNITY && positionChangedAt != null
        && positionChangedAt.isAfter(stageChangedAt) ? positionChangedAt : stageChangedAt;
    return new Dwell(since, now);
  }

  public Duration length() {
    return Duration.between(since, now);
  }

  /** Longer than the limit (a lead exactly at the limit is not stuck yet). */
  public boolean exceeds(StuckLimit limit) {
    return length().compareTo(limit.maxDwell()) > 0;
  }

  /** Whole days, as managers count them. */
  public long days() {
    return length().toDays();
  }

  /** "9 days", "1 day"; under a day (sped-up demos) "5 hours" or "3 minutes". */
  public static String describe(Duration length) {
    long days = length.toDays();
    if (days > 0) {
      return days + (days == 1 ? " day" : " days");
    }
    long hours = length.toHours();
    if (hours > 0) {
      return hours + (hours == 1 ? " hour" : " hours");
    }
    long minutes = Math.max(0, length.toMinutes());
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }
}
