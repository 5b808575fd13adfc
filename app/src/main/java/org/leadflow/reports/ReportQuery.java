package org.leadflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter as the read model's SQL takes it (MyBatis reads the getters). A filter with at most one dimension
 * (channel, campaign, landing page, region, rep or team) is answered from the daily rollups (V019): {@link
 * #isRollup()}, the slice {@link #getDim()} / {@link #getDimValue()}; more dimensions at once read the read
 * model itself.
 */
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

  /** The first day of the period (UTC). */
  public LocalDate getFromDay() {
    return filter.from();
  }

  /** The last day of the period (UTC). */
  public LocalDate getToDay() {
    return filter.to();
  }

  /** The rollups' basis column: C (cohort) or E (event). */
  public String getBasisCode() {
    return filter.cohort() ? "C" : "E";
  }

  public boolean isRollup() {
    return slices().size() <= 1;
  }

  /** The rollup slice of the filter: all, channel, campaign, landing, region, rep or team. */
  public String getDim() {
    List<String[]> slices = slices();
    return slices.isEmpty() ? "all" : slices.get(0)[0];
  }

  public String getDimValue() {
    List<String[]> slices = slices();
    return slices.isEmpty() ? "" : slices.get(0)[1];
  }

  private List<String[]> slices() {
    List<String[]> slices = new ArrayList<>();
    String[][] all = {{"channel", filter.channel()}, {"campaign", filter.campaign()},
        {"landing", filter.landingPage()}, {"region", filter.region()}, {"rep", filter.rep()},
        {"team", filter.team()}};
    for (String[] slice : all) {
      if (slice[1] != null) {
        slices.add(slice);
      }
    }
    return slices;
  }
}
