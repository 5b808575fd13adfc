package org.leadflow.reports;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@link ReportFilter} as the money reports' SQL needs it: {@link #where} appends the lead
 * conditions (alias {@code l}) and their arguments.
 */
record MoneyFilter(LocalDate from, LocalDate to, String basis, String channel, String campaign, String landingPage,
    String region, String team, String rep, Map<String, Object> echo) {

  static MoneyFilter of(ReportFilter filter) {
    return new MoneyFilter(filter.from(), filter.to(), filter.cohort() ? "cohort" : "event", filter.channel(),
        filter.campaign(), filter.landingPage(), filter.region(), filter.team(), filter.rep(), filter.echo());
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
    // the same attribution as the funnel reports: report_lead_rep (V014), the rep's team at the assignment
    condition(sql, args, "exists (select 1 from report_lead_rep r where r.lead_id = l.id and r.rep = ?)", rep);
    condition(sql, args, "exists (select 1 from report_lead_rep r where r.lead_id = l.id and r.team_id = ?)", team);
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
}
