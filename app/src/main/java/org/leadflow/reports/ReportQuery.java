package org.leadflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter as the read model's SQL takes it (MyBatis reads the getters). Read from the daily rollups (V019–V023;
 * {@link #isRollup()}) by the slice kind {@link #getDim()} and the slices {@link #getDimValues()} whose rows are
 * summed:
 * <ul>
 *   <li>no dimension: {@code all}; one: that dimension's slice (channel, campaign, landing, region, rep, team);
 *   <li>a rep and a team: their pair's slice ({@code rt}: both handled the lead, maybe in different assignments);
 *   <li>two or more of channel, campaign, landing page and region: the {@link ReportProfile} slices of every
 *       profile they match ({@code report_profile}). A lead has one profile, so the sum counts it once.
 * </ul>
 * A rep or a team together with channel, campaign, landing page or region reads the read model itself (per-person
 * profile slices would be nearly one row per lead and day: BENCHMARKS.md).
 */
public final class ReportQuery {

  /** No profile matches: a dim_value no slice has, so the sums are empty. */
  private static final List<String> NO_SLICE = List.of("");

  private final ReportFilter filter;
  private final List<String> profiles;

  /** A filter that needs no profiles ({@link #needsProfiles} false) or is not read from the rollups. */
  public ReportQuery(ReportFilter filter) {
    this(filter, null);
  }

  /** {@code profiles}: the ids of {@code report_profile} matching the filter (when {@link #needsProfiles}). */
  public ReportQuery(ReportFilter filter, List<String> profiles) {
    this.filter = filter;
    this.profiles = profiles;
  }

  /** The query of {@code filter}, the matching profiles looked up when it needs them. */
  public static ReportQuery of(ReportFilter filter, ReportMapper reports) {
    ReportQuery query = new ReportQuery(filter);
    return query.needsProfiles() ? new ReportQuery(filter, reports.profilesMatching(query)) : query;
  }

  /** Read from the profile slices: two or more attribute dimensions and no rep or team. */
  public boolean needsProfiles() {
    return attributes() >= 2 && people() == 0;
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

  /** From the rollups: unless a rep or a team comes with an attribute dimension. */
  public boolean isRollup() {
    return people() == 0 || attributes() == 0;
  }

  /** The rollup slice kind of the filter: all, channel, campaign, landing, region, rep, team, rt or profile. */
  public String getDim() {
    if (needsProfiles()) {
      return ReportProfile.PROFILE;
    }
    if (people() == 2) {
      return ReportProfile.REP_TEAM;
    }
    List<String[]> slices = slices();
    return slices.isEmpty() ? "all" : slices.get(0)[0];
  }

  /** The dim_values of the slices the filter sums (one, but for profiles). */
  public List<String> getDimValues() {
    if (needsProfiles()) {
      if (profiles == null) {
        throw new IllegalStateException("a filter of several dimensions needs its profiles: ReportQuery.of");
      }
      if (profiles.isEmpty()) {
        return NO_SLICE;
      }
      return profiles;
    }
    if (people() == 2) {
      return List.of(ReportProfile.of(filter.rep(), filter.team()));
    }
    List<String[]> slices = slices();
    return List.of(slices.isEmpty() ? "" : slices.get(0)[1]);
  }

  /** The single slice's dim_value (channel and campaign branches of the money SQL). */
  public String getDimValue() {
    return getDimValues().get(0);
  }

  private int attributes() {
    int n = 0;
    for (String value : new String[] {filter.channel(), filter.campaign(), filter.landingPage(), filter.region()}) {
      n += value == null ? 0 : 1;
    }
    return n;
  }

  private int people() {
    return (filter.rep() == null ? 0 : 1) + (filter.team() == null ? 0 : 1);
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
