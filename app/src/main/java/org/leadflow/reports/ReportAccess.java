package org.leadflow.reports;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.leadflow.identity.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may see which report figures.
 * <ul>
 *   <li>Full access: {@code marketing}, {@code sales-manager} and {@code camunda-admin}.</li>
 *   <li>{@code sdr} and {@code sales}: only their own teams' figures. A team is one's own when one is a
 *       rep of it ({@code lead_rep}) or supervises it. The request must carry {@code team=<own team>} or
 *       {@code rep=<a rep of an own team>} (both, when given, must be own).</li>
 *   <li>Everybody else (process owners ...): 403.</li>
 * </ul>
 * Controllers call {@link #check} after parsing the filter; a refusal is a {@link ReportForbiddenException}
 * (403 problem details).
 */
@Component
public class ReportAccess {

  private static final Set<String> FULL = Set.of(Roles.MARKETING, Roles.SALES_MANAGER, Roles.ADMIN);
  private static final Set<String> SCOPED = Set.of(Roles.SDR, Roles.SALES);

  private final ReportMapper reports;

  public ReportAccess(ReportMapper reports) {
    this.reports = reports;
  }

  /** Whether the user sees every team's figures. */
  public boolean fullAccess(Authentication user) {
    return groups(user).stream().anyMatch(FULL::contains);
  }

  /** The teams the user belongs to or supervises (empty for someone without a rep profile or team). */
  public Set<String> ownTeams(Authentication user) {
    return new TreeSet<>(reports.teamsOf(user.getName()));
  }

  /**
   * Refuses unless the user may see the figures this filter selects.
   *
   * @throws ReportForbiddenException naming what is not allowed
   */
  public void check(Authentication user, ReportFilter filter) {
    if (fullAccess(user)) {
      return;
    }
    if (groups(user).stream().noneMatch(SCOPED::contains)) {
      throw new ReportForbiddenException("Reports are for marketing, sales managers and admins; sdr and sales "
          + "users see their own teams' figures");
    }
    Set<String> own = ownTeams(user);
    if (filter.team() == null && filter.rep() == null) {
      throw new ReportForbiddenException("Ask for one of your own teams (team=" + String.join("|", own)
          + ") or a rep of them (rep=...)");
    }
    if (filter.team() != null && !own.contains(filter.team())) {
      throw new ReportForbiddenException("team " + filter.team() + " is not one of your teams");
    }
    String repTeam = filter.rep() == null ? null : reports.teamOfRep(filter.rep());
    if (filter.rep() != null && (repTeam == null || !own.contains(repTeam))) {
      throw new ReportForbiddenException("rep " + filter.rep() + " is not a rep of one of your teams");
    }
  }

  private static Set<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  /** For callers that list several teams' lines (a leaderboard): the teams this user may see, null = all. */
  public Set<String> visibleTeams(Authentication user) {
    return fullAccess(user) ? null : ownTeams(user);
  }
}
