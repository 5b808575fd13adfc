package org.leadflow.reports;

import java.util.List;

/**
 * Nearest-rank percentiles: the q-th percentile of n sorted values is the value at rank ceil(q × n)
 * (1-based), so it is always one of the values (median of 1, 2, 3, 4 is 2; p90 of ten values the 9th).
 * The SQL reads it as {@code order by ... limit 1 offset rank-1}, portable and index-friendly.
 */
public final class Percentiles {

  private Percentiles() {}

  /** The 0-based offset of the q-th percentile among {@code n} > 0 values. */
  public static long nearestRankOffset(double q, long n) {
    if (n <= 0 || q <= 0 || q > 1) {
      throw new IllegalArgumentException("q in (0, 1] and n > 0 needed: q=" + q + ", n=" + n);
    }
    return Math.max(1, (long) Math.ceil(q * n - 1e-9)) - 1;
  }

  /** The q-th percentile of ascending {@code sorted} values, null when there are none. */
  public static Long nearestRank(List<Long> sorted, double q) {
    return sorted.isEmpty() ? null : sorted.get((int) nearestRankOffset(q, sorted.size()));
  }
}
