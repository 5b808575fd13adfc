package org.leadflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Percentiles (exact and from the duration histogram), the strict line's rank rule, the filter's parsing and
 * rollup slice, and the CSV writer.
 */
class ReportsUnitTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

  @Test
  void nearestRankPercentiles() {
    assertThat(Percentiles.nearestRank(List.of(1L, 2L, 3L, 4L), 0.5)).isEqualTo(2L);
    assertThat(Percentiles.nearestRank(List.of(1L, 2L, 3L, 4L, 5L), 0.5)).isEqualTo(3L);
    assertThat(Percentiles.nearestRank(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), 0.9)).isEqualTo(9L);
    assertThat(Percentiles.nearestRank(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), 0.9)).isEqualTo(10L);
    assertThat(Percentiles.nearestRank(List.of(7L), 0.9)).isEqualTo(7L);
    assertThat(Percentiles.nearestRank(List.of(), 0.5)).isNull();
    assertThat(Percentiles.nearestRankOffset(0.5, 6)).isEqualTo(2);
    assertThat(Percentiles.nearestRankOffset(0.9, 6)).isEqualTo(5);
  }

  @Test
  void aHistogramBucketReadsWithin5PercentOfEveryDurationInIt() {
    assertThat(DurationHistogram.bucket(0)).isZero();
    assertThat(DurationHistogram.bucket(-3)).isZero();
    assertThat(DurationHistogram.value(0)).isZero();
    assertThat(DurationHistogram.bucket(1)).isEqualTo(1);
    assertThat(DurationHistogram.value(DurationHistogram.bucket(1))).isEqualTo(1);
    assertThat(DurationHistogram.bucket(365L * 86_400)).isEqualTo(182);
    for (long seconds = 20; seconds < 400L * 86_400; seconds = seconds * 21 / 20 + 1) {
      long read = DurationHistogram.value(DurationHistogram.bucket(seconds));
      // 5 % of the value, plus the rounding to whole seconds
      assertThat((double) Math.abs(read - seconds)).as(seconds + " s read as " + read)
          .isLessThanOrEqualTo(0.05 * seconds + 0.5);
    }
  }

  @Test
  void percentilesFromTheHistogramAreTheExactOnesWithin5Percent() {
    List<Long> durations = new ArrayList<>();
    for (long i = 1; i <= 2_001; i++) {
      durations.add(60 + i * i % 86_400);   // a spread from a minute to a day
    }
    durations.sort(Long::compare);
    TreeMap<Integer, Long> counts = new TreeMap<>();
    durations.forEach(d -> counts.merge(DurationHistogram.bucket(d), 1L, Long::sum));
    List<DurationHistogram.Bucket> buckets = counts.entrySet().stream()
        .map(e -> new DurationHistogram.Bucket(e.getKey(), e.getValue())).toList();
    for (double q : new double[] {0.5, 0.9}) {
      long exact = Percentiles.nearestRank(durations, q);
      long approximate = DurationHistogram.percentile(buckets, q, durations.size());
      assertThat((double) Math.abs(approximate - exact)).as("q=" + q + ": " + approximate + " vs " + exact)
          .isLessThanOrEqualTo(0.05 * exact + 0.5);
    }
    assertThat(DurationHistogram.percentile(List.of(), 0.5, 0)).isNull();
    // all in one bucket: every percentile is that bucket's figure
    assertThat(DurationHistogram.percentile(List.of(new DurationHistogram.Bucket(50, 7)), 0.9, 7))
        .isEqualTo(DurationHistogram.value(50));
  }

  @Test
  void aFilterReadsTheSlicesOfItsDimensionOrOfTheProfilesItMatches() {
    ReportQuery none = new ReportQuery(ReportFilter.parse(Map.of(), TODAY));
    assertThat(none.isRollup()).isTrue();
    assertThat(none.getDim() + "/" + none.getDimValues()).isEqualTo("all/[]");
    ReportQuery landing = new ReportQuery(ReportFilter.parse(Map.of("landingPage", "/lp/x", "basis", "event"),
        TODAY));
    assertThat(landing.needsProfiles()).isFalse();
    assertThat(landing.getDim() + "/" + landing.getDimValues() + "/" + landing.getBasisCode())
        .isEqualTo("landing/[/lp/x]/E");
    assertThat(new ReportQuery(ReportFilter.parse(Map.of("rep", "leo"), TODAY)).getDim()).isEqualTo("rep");
    // a rep and a team at once: their pair's slice
    ReportQuery pair = new ReportQuery(ReportFilter.parse(Map.of("team", "t", "rep", "leo"), TODAY));
    assertThat(pair.getDim() + "/" + pair.getDimValues()).isEqualTo("rt/[leo|t]");
    // two attributes: the profiles they match
    ReportFilter two = ReportFilter.parse(Map.of("channel", "sem", "region", "DACH"), TODAY);
    assertThat(new ReportQuery(two).needsProfiles()).isTrue();
    ReportQuery profiles = new ReportQuery(two, List.of("p1", "p2"));
    assertThat(profiles.getDim() + "/" + profiles.getDimValues()).isEqualTo("profile/[p1, p2]");
    assertThatThrownBy(() -> new ReportQuery(two).getDimValues()).isInstanceOf(IllegalStateException.class);
    // none matches: a slice that no row has, so the sums are empty
    assertThat(new ReportQuery(two, List.of()).getDimValues()).containsExactly("");
    // a rep or a team with an attribute: the read model
    for (Map<String, String> mixed : List.of(Map.of("rep", "leo", "channel", "sem"), Map.of("team", "t",
        "region", "r"), Map.of("rep", "leo", "team", "t", "campaign", "c", "landingPage", "/lp"))) {
      ReportQuery query = new ReportQuery(ReportFilter.parse(mixed, TODAY));
      assertThat(query.isRollup()).as(mixed.toString()).isFalse();
      assertThat(query.needsProfiles()).as(mixed.toString()).isFalse();
    }
  }

  @Test
  void aProfileIdIsTheSameForTheSameValuesAndDiffersOtherwise() {
    String id = ReportProfile.id("sem", "c1", "/lp", "DACH");
    assertThat(id).hasSize(16).isEqualTo(ReportProfile.id("sem", "c1", "/lp", "DACH"));
    assertThat(List.of(ReportProfile.id("sem", "c1", "/lp", null), ReportProfile.id("sem", "c1", "/lp", ""),
        ReportProfile.id("sem", "c1/lp", null, null), ReportProfile.id("sem", null, "c1/lp", null), id))
        .doesNotHaveDuplicates();
  }

  @Test
  void aPassIsStrictOnlyWhenItExtendsTheMainLineInOrder() {
    assertThat(ReportProjection.strictRank(-1, "CAPTURED")).isEqualTo(0);
    assertThat(ReportProjection.strictRank(0, "VALID")).isEqualTo(1);
    assertThat(ReportProjection.strictRank(1, "SQL")).isNull();          // MQL skipped
    assertThat(ReportProjection.strictRank(1, "MQL")).isEqualTo(2);
    assertThat(ReportProjection.strictRank(2, "MQL")).isNull();          // a second MQL pass
    assertThat(ReportProjection.strictRank(2, "NURTURING")).isNull();    // off the line
    assertThat(ReportProjection.strictRank(5, "WON")).isEqualTo(6);
  }

  @Test
  void filterDefaultsToTheLast30DaysCohortAnyJson() {
    ReportFilter filter = ReportFilter.parse(Map.of(), TODAY);
    assertThat(filter.from()).isEqualTo(LocalDate.parse("2026-11-03"));
    assertThat(filter.to()).isEqualTo(TODAY);
    assertThat(filter.days()).isEqualTo(30);
    assertThat(filter.cohort()).isTrue();
    assertThat(filter.strict()).isFalse();
    assertThat(filter.csv()).isFalse();
    assertThat(filter.end()).isEqualTo(java.time.Instant.parse("2026-12-03T00:00:00Z"));
  }

  @Test
  void badFilterValuesNameEveryParameter() {
    assertThatThrownBy(() -> ReportFilter.parse(Map.of("from", "2026-11-05", "to", "2026-11-01", "basis", "x",
        "format", "xml"), TODAY))
        .isInstanceOfSatisfying(InvalidReportFilterException.class, e -> assertThat(e.errors())
            .extracting(error -> error.field()).containsExactlyInAnyOrder("from", "basis", "format"));
    assertThatThrownBy(() -> ReportFilter.parse(Map.of("from", "2023-01-01", "to", "2026-01-02"), TODAY))
        .isInstanceOfSatisfying(InvalidReportFilterException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    assertThat(ReportFilter.parse(Map.of("from", "2023-01-02", "to", "2026-01-02"), TODAY).days()).isEqualTo(1097);
  }

  @Test
  void csvQuotesWhatNeedsQuoting() {
    ReportTable table = new ReportTable("reason", "count", "rate").row("too \"cheap\", really", 2, null)
        .row("plain", 3L, new java.math.BigDecimal("0.5000"));
    assertThat(table.toCsv())
        .isEqualTo("reason,count,rate\r\n\"too \"\"cheap\"\", really\",2,\r\nplain,3,0.5000\r\n");
  }
}
