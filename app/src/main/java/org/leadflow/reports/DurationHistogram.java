package org.leadflow.reports;

import java.util.List;

/**
 * The duration histogram of report_daily_duration (V019): log buckets of 10 % so percentiles of many passes
 * are read from a few hundred rows instead of sorting every pass. Bucket 0 holds 0 s; bucket b >= 1 holds
 * [1.1^(b-1), 1.1^b) seconds and reads as its geometric middle 1.1^(b-0.5), within 5 % of any value in it.
 */
public final class DurationHistogram {

  /** How the JSON describes an approximate figure. */
  public static final String RESOLUTION = "log buckets of 10 % (a figure is the bucket's geometric middle,"
      + " within 5 % of the exact one, rounded to whole seconds)";

  private static final double LOG_STEP = Math.log(1.1);

  private DurationHistogram() {}

  public record Bucket(int bucket, long passes) {}

  /** The bucket of a duration (negative durations count as 0 s). */
  public static int bucket(long seconds) {
    return seconds < 1 ? 0 : (int) Math.floor(Math.log(seconds) / LOG_STEP) + 1;
  }

  /** The figure a bucket reads as. */
  public static long value(int bucket) {
    return bucket == 0 ? 0 : Math.round(Math.pow(1.1, bucket - 0.5));
  }

  /**
   * The nearest-rank q-th percentile of {@code n} durations given as ascending buckets (their counts sum to
   * n), as its bucket's figure; null when there are none.
   */
  public static Long percentile(List<Bucket> ascending, double q, long n) {
    if (n == 0) {
      return null;
    }
    long offset = Percentiles.nearestRankOffset(q, n);
    long seen = 0;
    for (Bucket bucket : ascending) {
      seen += bucket.passes();
      if (seen > offset) {
        return value(bucket.bucket());
      }
    }
    throw new IllegalStateException("the buckets hold " + seen + " durations, not " + n);
  }
}
