package org.leadflow.reports;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report filters of the contract (from, to, basis, channel, campaign, landingPage, region, team, rep),
 * as the money reports need them; written here because the core helper's {@code ReportFilter} was not
 * there yet. {@link #where} appends the lead conditions (alias {@code l}) and their arguments.
 */
record MoneyFilter(LocalDate from, LocalDate to, String basis, String channel, String campaign, String landingPage,
    String region, String team, String rep) {

  static MoneyFilter of(Map<String, String> params, LocalDate today) {
    LocalDate to = date(params, "to", today);
    LocalDate from = date(params, "from", to.minusDays(29));
    if (from.isAfter(to)) {
      throw MoneyProblemHandler.parameter("from", "must not be after to");
    }
    if (from.plusYears(3).isBefore(to)) {
      throw MoneyProblemHandler.parameter("to", "the period must not be longer than 3 years");
    }
    String basis = text(params, "basis");
    if (basis == null) {
      basis = "cohort";
    } else if (!basis.equals("cohort") && !basis.equals("event")) {
      throw MoneyProblemHandler.parameter("basis", "must be cohort or event");
    }
    return new MoneyFilter(from, to, basis, text(params, "channel"), text(params, "campaign"),
        text(params, "landingPage"), text(params, "region"), text(params, "team"), text(params, "rep"));
  }

  Timestamp start() {
    return Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** The first instant after the period. */
  Timestamp end() {
    return Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** Appends {@code and ...} for every attribute filter (not the period) to {@code sql}. */
  void where(StringBuilder sql, List<Object> args) {
    condition(sql, args, "l.source = ?", channel);
    condition(sql, args, "l.campaign = ?", campaign);
    condition(sql, args, "l.landing_page = ?", landingPage);
    condition(sql, args, "l.region = ?", region);
    condition(sql, args, "exists (select 1 from lead_assignment a where a.lead_id = l.id and a.assignee = ?)", rep);
    condition(sql, args, "exists (select 1 from lead_assignment a join lead_rep r on r.user_id = a.assignee "
        + "where a.lead_id = l.id and r.team_id = ?)", team);
  }

  Map<String, Object> echo() {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("from", from.toString());
    echo.put("to", to.toString());
    echo.put("basis", basis);
    echo.put("channel", channel);
    echo.put("campaign", campaign);
    echo.put("landingPage", landingPage);
    echo.put("region", region);
    echo.put("team", team);
    echo.put("rep", rep);
    return echo;
  }

  static List<Object> args() {
    return new ArrayList<>();
  }

  private static void condition(StringBuilder sql, List<Object> args, String condition, String value) {
    if (value != null) {
      sql.append(" and ").append(condition);
      args.add(value);
    }
  }

  private static String text(Map<String, String> params, String name) {
    String value = params.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static LocalDate date(Map<String, String> params, String name, LocalDate fallback) {
    String value = text(params, name);
    if (value == null) {
      return fallback;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw MoneyProblemHandler.parameter(name, "must be an ISO date like 2026-11-01");
    }
  }
}
