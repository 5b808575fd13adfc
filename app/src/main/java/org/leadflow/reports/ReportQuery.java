package org.leadflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A filter as the read model's SQL takes it (MyBatis reads the getters). Every filter is answered from the daily
 * rollups (V019–V022): the slice kind {@link #getDim()} and the slices {@link #getDimValues()} whose rows are
 * summed:
 * <ul>
 *   <li>no dimension: {@code all}; one: that dimension's slice (channel, campaign, landing, region, rep, team);
 *       a rep and a team: their pair's slice ({@code rt});
 *   <li>two or more of channel, campaign, landing page and region, or one with a rep or a team or both: the
 *       {@link ReportProfile} slices of every profile they match ({@code report_profile}), the person's, team's
 *       or pair's slices of those profiles. A lead has one profile, so the sum counts it once.
 * </ul>
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

  /** Read from the profile slices: two or more attribute dimensions, or one and a rep or a team or both. */
  public boolean needsProfiles() {
    return attributes() >= 2 || (attributes() == 1 && people() >= 1);
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

  /** The rollup slice kind of the filter: all, channel, campaign, landing, region, rep, team or a profile kind. */
  public String getDim() {
    if (needsProfiles()) {
      return filter.rep() != null && filter.team() != null ? ReportProfile.REP_TEAM_PROFILE
          : filter.rep() != null ? ReportProfile.REP_PROFILE
          : filter.team() != null ? ReportProfile.TEAM_PROFILE : ReportProfile.PROFILE;
    }
    if (people() == 2) {
      return ReportProfile.REP_TEAM;
    }
    List<String[]> slices = slices();
    return slices.isEmpty() ? "all" : slices.get(0)[0];
  }

  /** The dim_values of the slices the filter sums (one, but for profiles). */
  public List<String> getDimValues() {
    List<String> people = new ArrayList<>();
    for (String person : new String[] {filter.rep(), filter.team()}) {
      if (person != null) {
        people.add(person);
      }
    }
    if (needsProfiles()) {
      if (profiles == null) {
        throw new IllegalStateException("a filter of several dimensions needs its profiles: ReportQuery.of");
      }
      if (profiles.isEmpty()) {
        return NO_SLICE;
      }
      return profiles.stream().map(id -> {
        List<String> values = new ArrayList<>(people);
        values.add(id);
        return ReportProfile.of(values.toArray(String[]::new));
      }).toList();
    }
    if (people.size() == 2) {
      return List.of(ReportProfile.of(people.get(0), people.get(1)));
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
