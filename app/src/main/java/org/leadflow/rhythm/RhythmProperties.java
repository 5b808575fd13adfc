package org.leadflow.rhythm;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code lead.rhythm.*}: the daily digest and the call-quality sampling. Both models start on a cron
 * that fires often (every 15 minutes by default, so zones with :30 and :45 offsets get their hour too);
 * on each tick every team whose local clock has reached the configured time and that has not had its
 * run for that local date yet gets it. A node that was down at 21:00 therefore catches up on its next
 * tick before local midnight, and daylight-saving days need no special case.
 */
@ConfigurationProperties("lead.rhythm")
public record RhythmProperties(Digest digest, Sampling sampling) {

  public RhythmProperties {
    digest = digest != null ? digest : new Digest(null, null, null, null, null, null);
    sampling = sampling != null ? sampling : new Sampling(null, null, null, null, null, null);
  }

  public static RhythmProperties defaults() {
    return new RhythmProperties(null, null);
  }

  /**
   * @param cron the digest model's timer cycle (Camunda cron, seconds first)
   * @param localTime from when on a team's local day its digest is due (until local midnight)
   * @param tasklistUrl where the links in the digest point (the Tasklist webapp as users reach it)
   * @param mailFrom the sender of the digest e-mail (only used when {@code spring.mail.host} is set)
   * @param mailRetryInterval how often unsent digest e-mails are tried again
   * @param mailMaxAttempts after so many failures a digest e-mail is given up (logged; still on the page)
   */
  public record Digest(String cron, LocalTime localTime, String tasklistUrl, String mailFrom,
      Duration mailRetryInterval, Integer mailMaxAttempts) {
    public Digest {
      cron = cron != null ? cron : "0 0/15 * * * ?";
      localTime = localTime != null ? localTime : LocalTime.of(21, 0);
      tasklistUrl = tasklistUrl != null ? tasklistUrl : "http://127.0.0.1:8080/camunda/app/tasklist/default/";
      mailFrom = mailFrom != null ? mailFrom : "leadflow@localhost";
      mailRetryInterval = mailRetryInterval != null ? mailRetryInterval : Duration.ofMinutes(1);
      mailMaxAttempts = mailMaxAttempts != null ? mailMaxAttempts : 20;
    }
  }

  /**
   * @param cron the call-review model's timer cycle
   * @param localTime from when on a team's local day the previous day's calls are sampled
   * @param callsPerRep how many calls per rep the supervisor reviews
   * @param invalidWeight how much likelier a call whose lead the rep tagged invalid (or disqualified) is
   *     drawn than one tagged valid (3: three to one)
   * @param seed the random source's seed; unset: a fresh random source (tests set one)
   * @param reviewWithin the review task's due date: this much working time (the team's business calendar)
   *     after its creation
   */
  public record Sampling(String cron, LocalTime localTime, Integer callsPerRep, Double invalidWeight, Long seed,
      Duration reviewWithin) {
    public Sampling {
      cron = cron != null ? cron : "0 0/15 * * * ?";
      localTime = localTime != null ? localTime : LocalTime.of(7, 0);
      callsPerRep = callsPerRep != null ? callsPerRep : 2;
      invalidWeight = invalidWeight != null ? invalidWeight : 3.0;
      reviewWithin = reviewWithin != null ? reviewWithin : Duration.ofHours(8);   // one working day
      if (callsPerRep < 1) {
        throw new IllegalArgumentException("lead.rhythm.sampling.calls-per-rep must be at least 1");
      }
      if (invalidWeight <= 0) {
        throw new IllegalArgumentException("lead.rhythm.sampling.invalid-weight must be positive");
      }
    }
  }
}
