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
public record LeadProperties(Sla sla, Nurture nurture, Sdr sdr, Recycle recycle, OpportunityDwell opportunity,
    Sales sales) {

  public LeadProperties {
    sla = Objects.requireNonNullElseGet(sla, () -> new Sla(null, null));
    nurture = Objects.requireNonNullElseGet(nurture, () -> new Nurture(null, null));
    sdr = Objects.requireNonNullElseGet(sdr, () -> new Sdr(null, null));
    recycle = Objects.requireNonNullElseGet(recycle, () -> new Recycle(null));
    opportunity = Objects.requireNonNullElseGet(opportunity, () -> new OpportunityDwell(null, null, null));
    sales = Objects.requireNonNullElseGet(sales, () -> new Sales(null));
  }

  /** Everything at its default: for tests and tools. */
  public static LeadProperties defaults() {
    return new LeadProperties(null, null, null, null, null, null);
  }

  /**
   * The SLAs that are not per lead: the manager's review of an unaccepted lead and marketing's win/loss
   * review. The per-lead ones (SDR call, accept tiers, first contact, follow-up) come from the
   * {@code sla-policy} decision table (see {@code SlaPolicy}; {@code lead.sla-policy.speed-up}).
   */
  public record Sla(Duration managerReview, Duration winLossReview) {
    public Sla {
      managerReview = or(managerReview, Duration.ofHours(4));
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

  /**
   * Sales hand-off: how long a sales-ready lead waits before routing tries again when every rep of its team is
   * absent or at capacity (the lead waits at Event_SalesRepCapacityRetryDue, not as an incident).
   */
  public record Sales(Duration capacityRetryInterval) {
    public Sales {
      capacityRetryInterval = or(capacityRetryInterval, Duration.ofMinutes(30));
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
