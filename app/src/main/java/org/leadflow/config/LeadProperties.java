package org.leadflow.config;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rules and durations of the lead models, bound from {@code lead.*}. Defaults live here only;
 * application.yaml and the environment override them. Timers read these through the policy beans,
 * so a changed value affects timers created after the change.
 */
@ConfigurationProperties("lead")
public record LeadProperties(Sla sla, Nurture nurture, Sdr sdr, Recycle recycle, OpportunityDwell opportunity) {

  public LeadProperties {
    sla = Objects.requireNonNullElseGet(sla, () -> new Sla(null, null, null, null, null, null, null));
    nurture = Objects.requireNonNullElseGet(nurture, () -> new Nurture(null, null));
    sdr = Objects.requireNonNullElseGet(sdr, () -> new Sdr(null, null));
    recycle = Objects.requireNonNullElseGet(recycle, () -> new Recycle(null));
    opportunity = Objects.requireNonNullElseGet(opportunity, () -> new OpportunityDwell(null, null, null));
  }

  /** Everything at its default: for tests and tools. */
  public static LeadProperties defaults() {
    return new LeadProperties(null, null, null, null, null);
  }

  /** Follow-up SLAs (business-hours calendars come in their own issue; these are elapsed time). */
  public record Sla(Duration sdrCallAttempt, Duration acceptReminder, Duration acceptEscalation,
      Duration acceptDeadline, Duration managerReview, Duration firstContact, Duration winLossReview) {
    public Sla {
      sdrCallAttempt = or(sdrCallAttempt, Duration.ofHours(4));
      acceptReminder = or(acceptReminder, Duration.ofHours(2));
      acceptEscalation = or(acceptEscalation, Duration.ofHours(4));
      acceptDeadline = or(acceptDeadline, Duration.ofHours(8));
      managerReview = or(managerReview, Duration.ofHours(4));
      firstContact = or(firstContact, Duration.ofHours(24));
      winLossReview = or(winLossReview, Duration.ofDays(5));
    }
  }

  /** Nurture track: re-score cadence and the maximum time before a lead goes dormant. */
  public record Nurture(Duration rescoreInterval, Duration maximumDuration) {
    public Nurture {
      rescoreInterval = or(rescoreInterval, Duration.ofDays(7));
      maximumDuration = or(maximumDuration, Duration.ofDays(90));
    }
  }

  /** SDR call cadence: attempts and the pause between them. */
  public record Sdr(Integer maxCallAttempts, Duration retryInterval) {
    public Sdr {
      maxCallAttempts = or(maxCallAttempts, 3);
      retryInterval = or(retryInterval, Duration.ofDays(1));
    }
  }

  /** How often a lead may go back to marketing before it closes as dormant. */
  public record Recycle(Integer maxRecycles) {
    public Recycle {
      maxRecycles = or(maxRecycles, 2);
    }
  }

  /** Maximum dwell per funnel position before an opportunity is flagged as stuck. */
  public record OpportunityDwell(Duration top, Duration middle, Duration bottom) {
    public OpportunityDwell {
      top = or(top, Duration.ofDays(14));
      middle = or(middle, Duration.ofDays(21));
      bottom = or(bottom, Duration.ofDays(10));
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
