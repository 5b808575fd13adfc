package org.leadflow.reports;

import java.time.Instant;

/** A filter as the read model's SQL takes it (MyBatis reads the getters). */
public final class ReportQuery {

  private final ReportFilter filter;

  public ReportQuery(ReportFilter filter) {
    this.filter = filter;
  }

  public Instant getStart() {
    return filter.start();
  }

  public Instant getEnd() {
    return filter.end();
  }

  public boolean isCohort() {
    return filter.cohort();
  }

  public boolean isStrict() {
    return filter.strict();
  }

  public String getChannel() {
    return filter.channel();
  }

  public String getCampaign() {
    return filter.campaign();
  }

  public String getLandingPage() {
    return filter.landingPage();
  }

  public String getRegion() {
    return filter.region();
  }

  public String getTeam() {
    return filter.team();
  }

  public String getRep() {
    return filter.rep();
  }
}
