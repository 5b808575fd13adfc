package org.leadflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Percentiles, the strict line's rank rule, the filter's parsing and the CSV writer. */
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
