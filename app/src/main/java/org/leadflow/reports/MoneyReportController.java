package org.leadflow.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The money reports: weighted pipeline, revenue, campaign costs and ROI, the plan leaderboard. JSON, or
 * CSV of the main table with {@code format=csv}. Filters: from, to (ISO dates, inclusive, UTC days;
 * default the last 30 days), basis (cohort|event), channel, campaign, landingPage, region, team, rep.
 */
@RestController
@Tag(name = "Reports (money)", description = "Weighted pipeline, revenue, campaign costs and ROI, plan leaderboard")
@SecurityRequirement(name = "basic")
class MoneyReportController {

  private final MoneyReports reports;
  private final ReportService queries;
  private final ReportAccess access;

  MoneyReportController(MoneyReports reports, ReportService queries, ReportAccess access) {
    this.reports = reports;
    this.queries = queries;
    this.access = access;
  }

  @GetMapping("/api/reports/pipeline")
  @Operation(summary = "Open opportunities now: value and weighted value (× 0.25 top, 0.50 middle, 0.75 bottom) "
      + "per rep and territory", description = "The period does not apply (a snapshot; unless "
      + "a rep or a team comes with an attribute, read from report_open_pipeline, V021, kept as sums per owner, "
      + "region and position: exact); "
      + "CSV: byRep")
  ResponseEntity<?> pipeline(@Parameter(hidden = true) @RequestParam Map<String, String> params,
      Authentication user) {
    MoneyFilter filter = filter(params, user);
    Map<String, Object> json = reports.pipeline(filter);
    return answer(params, json, rows(json.get("byRep")), "pipeline", filter);
  }

  @GetMapping("/api/reports/revenue")
  @Operation(summary = "Won deal value, new-customer revenue separate from repeat business",
      description = "cohort: leads captured in the period; event: leads won in the period (the day of their last "
          + "stage change). At most one filter dimension: from the daily rollup report_daily_close (V021), exact")
  ResponseEntity<?> revenue(@Parameter(hidden = true) @RequestParam Map<String, String> params, Authentication user) {
    MoneyFilter filter = filter(params, user);
    Map<String, Object> json = reports.revenue(filter);
    Map<String, Object> row = new java.util.LinkedHashMap<>(json);
    row.remove("filter");
    return answer(params, json, List.of(row), "revenue", filter);
  }

  @GetMapping("/api/reports/costs")
  @Operation(summary = "Per campaign and channel: cost, leads, valid leads, customers, revenue, cost per lead, "
      + "per valid lead, per customer, ROI = (revenue − cost) / cost",
      description = "Costs pro-rated to the days of the period; leads captured in the period (from the daily "
          + "rollup report_daily_campaign, V021, exact); team and rep do not apply. "
          + "CSV: campaigns")
  ResponseEntity<?> costs(@Parameter(hidden = true) @RequestParam Map<String, String> params, Authentication user) {
    MoneyFilter filter = filter(params, user);
    Map<String, Object> json = reports.costs(filter);
    return answer(params, json, rows(json.get("campaigns")), "costs", filter);
  }

  @GetMapping("/api/reports/leaderboard")
  @Operation(summary = "Each rep's plan, closed today and this month, today's and the month's attainment, ranked",
      description = "month=2026-12 (default: this month), team optional; sdr and sales users see their own teams' "
          + "lines only. CSV: lines")
  ResponseEntity<?> leaderboard(@RequestParam(required = false) String month,
      @RequestParam(required = false) String team, @RequestParam(required = false) String format,
      Authentication user) {
    YearMonth parsed;
    try {
      parsed = month == null || month.isBlank() ? YearMonth.from(reports.today()) : YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw MoneyProblemHandler.parameter("month", "must be a month like 2026-12");
    }
    if (!access.fullAccess(user) && java.util.Collections.disjoint(user.getAuthorities().stream()
        .map(a -> a.getAuthority()).toList(), MoneyReports.TEAM_ONLY)) {
      throw new ReportForbiddenException("The leaderboard is for marketing, sales managers, admins and (their own "
          + "teams' lines) sdr and sales users");
    }
    java.util.Set<String> visible = access.visibleTeams(user);
    String teamFilter = team == null || team.isBlank() ? null : team.strip();
    if (visible != null && teamFilter != null && !visible.contains(teamFilter)) {
      throw new ReportForbiddenException("sdr and sales users see only their own teams' lines");
    }
    Map<String, Object> json = reports.leaderboard(parsed, teamFilter, visible);
    if ("csv".equals(format)) {
      return csv(rows(json.get("lines")), "leaderboard-" + parsed.atDay(1) + "-" + parsed.atEndOfMonth() + ".csv");
    }
    checkFormat(format);
    return ResponseEntity.ok(json);
  }

  private MoneyFilter filter(Map<String, String> params, Authentication user) {
    ReportFilter parsed = ReportFilter.parse(params, reports.today());
    access.check(user, parsed);
    return MoneyFilter.of(parsed, queries.query(parsed));
  }

  private static void checkFormat(String format) {
    if (format != null && !format.isBlank() && !format.equals("csv") && !format.equals("json")) {
      throw MoneyProblemHandler.parameter("format", "must be json or csv");
    }
  }

  private static ResponseEntity<?> answer(Map<String, String> params, Map<String, Object> json,
      List<Map<String, Object>> table, String name, MoneyFilter filter) {
    if ("csv".equals(params.get("format"))) {
      return csv(table, name + "-" + filter.from() + "-" + filter.to() + ".csv");
    }
    return ResponseEntity.ok(json);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Object table) {
    return (List<Map<String, Object>>) table;
  }

  /** RFC 4180, a header row; the columns of the JSON rows. */
  static ResponseEntity<String> csv(List<Map<String, Object>> rows, String filename) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      List<String> header = rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet());
      printer.printRecord(header);
      for (Map<String, Object> row : rows) {
        printer.printRecord(header.stream().map(row::get).map(v -> v == null ? "" : v.toString()).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(out.toString());
  }
}
