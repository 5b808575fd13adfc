package org.leadflow.reports;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadflow.identity.Roles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The contract's access rule for the money reports (written here because the core helper's
 * {@code ReportAccess} was not there yet): marketing, sales managers and admins see everything; sdr and
 * sales users only figures of their own team (team membership = their rep profile, {@code lead_rep}; the
 * contract's {@code lead_team_member} was folded into it by V005): the request must name
 * {@code team=<own team>} or {@code rep=<a member of an own team>}; everybody else gets 403.
 */
@Component
class MoneyReportAccess {

  static final Set<String> FULL = Set.of(Roles.MARKETING, Roles.SALES_MANAGER, Roles.ADMIN);
  static final Set<String> TEAM_ONLY = Set.of(Roles.SDR, Roles.SALES);

  private final JdbcTemplate jdbc;

  MoneyReportAccess(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  boolean full(Authentication user) {
    return groups(user).stream().anyMatch(FULL::contains);
  }

  /** The caller's own teams; 403 unless the caller is sdr or sales (or has full access: then null = all). */
  List<String> visibleTeams(Authentication user) {
    if (full(user)) {
      return null;
    }
    if (groups(user).stream().noneMatch(TEAM_ONLY::contains)) {
      throw new ReportForbiddenException("Reports are for marketing, sales managers, admins and (for their own "
          + "team) sdr and sales users");
    }
    return jdbc.queryForList("select team_id from lead_rep where user_id = ?", String.class, user.getName());
  }

  /** 403 unless the filter stays inside what the caller may see. */
  void check(Authentication user, MoneyFilter filter) {
    List<String> teams = visibleTeams(user);
    if (teams == null) {
      return;
    }
    boolean teamOk = filter.team() != null && teams.contains(filter.team());
    boolean repOk = filter.rep() != null && !jdbc.queryForList("select team_id from lead_rep where user_id = ?",
        String.class, filter.rep()).stream().filter(teams::contains).toList().isEmpty();
    if (filter.team() != null && !teamOk || filter.rep() != null && !repOk || !teamOk && !repOk) {
      throw new ReportForbiddenException("sdr and sales users see only their own team's figures: ask with team="
          + String.join(" or team=", teams) + " or rep=<a member of it>");
    }
  }

  private static Set<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }
}
