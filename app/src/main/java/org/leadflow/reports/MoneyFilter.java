package org.leadflow.reports;

import java.time.LocalDate;
import java.util.Map;

/**
 * The parsed {@link ReportFilter} as the money reports use it: the period's days, the basis, the attribute
 * filters, and {@link #query} for the SQL (MoneyReportMapper.xml).
 */
record MoneyFilter(LocalDate from, LocalDate to, String basis, String channel, String campaign, String landingPage,
    String region, String team, String rep, Map<String, Object> echo, ReportQuery query) {

  static MoneyFilter of(ReportFilter filter, ReportQuery query) {
    return new MoneyFilter(filter.from(), filter.to(), filter.cohort() ? "cohort" : "event", filter.channel(),
        filter.campaign(), filter.landingPage(), filter.region(), filter.team(), filter.rep(), filter.echo(),
        query);
  }
}
