package org.leadflow.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The money reports of issue 7 over the app's own tables: weighted pipeline, revenue, campaign costs and
 * ROI, and the plan leaderboard. Money has 2 decimals, rates 4 (null when the denominator is 0).
 */
@Service
class MoneyReports {

  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
  static final List<String> TEAM_ONLY = List.of(org.leadflow.identity.Roles.SDR, org.leadflow.identity.Roles.SALES);

  private final MoneyReportMapper money;
  private final CampaignCostService costs;
  private final Clock clock;

  MoneyReports(MoneyReportMapper money, CampaignCostService costs, Clock clock) {
    this.money = money;
    this.costs = costs;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  /** Deal value × 0.25 (top, or no position yet), 0.50 (middle), 0.75 (bottom). */
  static BigDecimal weight(String funnelPosition) {
    if ("BOTTOM".equals(funnelPosition)) {
      return new BigDecimal("0.75");
    }
    return "MIDDLE".equals(funnelPosition) ? new BigDecimal("0.50") : new BigDecimal("0.25");
  }

  /**
   * Open opportunities now (stage OPPORTUNITY; the period does not apply, the attribute filters do), by
   * owner (with the owner's team) and by territory (the lead's region).
   */
  Map<String, Object> pipeline(MoneyFilter filter) {
    Map<List<String>, BigDecimal[]> byRep = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)));
    Map<String, BigDecimal[]> byTerritory = new TreeMap<>();
    BigDecimal[] total = sums();
    for (MoneyReportMapper.OpenDeals deals : money.openDeals(filter.query())) {
      BigDecimal value = deals.dealValue() == null ? ZERO : deals.dealValue();
      BigDecimal weighted = value.multiply(weight(deals.funnelPosition()));   // one position: exact
      String rep = deals.ownerId() == null ? "(none)" : deals.ownerId();
      BigDecimal count = BigDecimal.valueOf(deals.deals());
      add(byRep.computeIfAbsent(java.util.Arrays.asList(rep, deals.teamId()), k -> sums()), count, value, weighted);
      add(byTerritory.computeIfAbsent(deals.region() == null ? "(none)" : deals.region(), k -> sums()), count, value,
          weighted);
      add(total, count, value, weighted);
    }
    List<Map<String, Object>> reps = new ArrayList<>();
    byRep.forEach((key, s) -> reps.add(line("rep", key.get(0), "team", key.get(1), s)));
    reps.sort(Comparator.comparing((Map<String, Object> m) -> (BigDecimal) m.get("weighted")).reversed());
    List<Map<String, Object>> territories = new ArrayList<>();
    byTerritory.forEach((territory, s) -> territories.add(line("territory", territory, null, null, s)));
    territories.sort(Comparator.comparing((Map<String, Object> m) -> (BigDecimal) m.get("weighted")).reversed());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("filter", filter.echo());
    json.put("asOf", clock.instant().toString());
    json.put("total", line(null, null, null, null, total));
    json.put("byRep", reps);
    json.put("byTerritory", territories);
    return json;
  }

  /**
   * Won deal value: of the leads captured in the period (cohort) or won in it (event); new-customer
   * revenue ({@code lead.new_customer} true) separate from repeat business (false); a win not marked
   * either way counts in {@code unclassifiedRevenue}.
   */
  Map<String, Object> revenue(MoneyFilter filter) {
    MoneyReportMapper.Revenue row = money.revenue(filter.query());
    BigDecimal revenue = money(row.revenue());
    BigDecimal newRevenue = money(row.newRevenue());
    BigDecimal repeat = money(row.repeatRevenue());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("filter", filter.echo());
    json.put("won", row.won());
    json.put("revenue", revenue);
    json.put("newCustomerRevenue", newRevenue);
    json.put("repeatRevenue", repeat);
    json.put("unclassifiedRevenue", revenue.subtract(newRevenue).subtract(repeat));
    return json;
  }

  /**
   * Per campaign and channel: the cost pro-rated to the days of the period it covers, and the leads
   * captured in the period (cohort; the basis does not apply): leads, valid leads, customers (of those
   * leads, won), their revenue; cost per lead, per valid lead, per customer; ROI = (revenue − cost) / cost.
   * Costs are per campaign, so team and rep do not apply (400).
   */
  Map<String, Object> costs(MoneyFilter filter) {
    if (filter.team() != null || filter.rep() != null) {
      throw MoneyProblemHandler.parameter(filter.team() != null ? "team" : "rep",
          "does not apply: campaign costs are not split by team or rep");
    }
    Map<List<String>, Object[]> lines = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    for (MoneyReportMapper.CampaignLeads row : money.campaignLeads(filter.query())) {
      lines.put(List.of(row.campaign(), row.source()), new Object[] {ZERO, row.leads(), row.validLeads(),
          row.customers(), money(row.revenue())});
    }
    long days = ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
    for (CampaignCost cost : costs.overlapping(filter.from(), filter.to())) {
      if (filter.campaign() != null && !filter.campaign().equals(cost.campaign())
          || filter.channel() != null && !filter.channel().equals(cost.channel())) {
        continue;
      }
      LocalDate start = cost.periodStart().isAfter(filter.from()) ? cost.periodStart() : filter.from();
      LocalDate end = cost.periodEnd().isBefore(filter.to()) ? cost.periodEnd() : filter.to();
      long covered = ChronoUnit.DAYS.between(start, end) + 1;
      long length = ChronoUnit.DAYS.between(cost.periodStart(), cost.periodEnd()) + 1;
      BigDecimal share = cost.amount().multiply(BigDecimal.valueOf(covered))
          .divide(BigDecimal.valueOf(length), 2, RoundingMode.HALF_UP);
      Object[] line = lines.computeIfAbsent(List.of(cost.campaign(), cost.channel()),
          k -> new Object[] {ZERO, 0L, 0L, 0L, ZERO});
      line[0] = ((BigDecimal) line[0]).add(share);
    }
    Object[] total = {ZERO, 0L, 0L, 0L, ZERO};
    List<Map<String, Object>> campaigns = new ArrayList<>();
    lines.forEach((key, line) -> {
      campaigns.add(costLine(key.get(0), key.get(1), line));
      total[0] = ((BigDecimal) total[0]).add((BigDecimal) line[0]);
      for (int i = 1; i <= 3; i++) {
        total[i] = (Long) total[i] + (Long) line[i];
      }
      total[4] = ((BigDecimal) total[4]).add((BigDecimal) line[4]);
    });
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("filter", filter.echo());
    json.put("periodDays", days);
    json.put("campaigns", campaigns);
    json.put("total", costLine(null, null, total));
    return json;
  }

  /**
   * Each rep's plan, amount closed today and this month (deal value of the leads they own that were won
   * then, UTC days) and attainment: month = closedMonth / plan, today = closedToday / (plan / working days
   * of the month, Monday to Friday). Ranked by month attainment, then closed amount; reps without a plan
   * come last. Lines: every active rep profile plus anyone with a plan or a close in the month; team
   * plans in {@code teams}. {@code visibleTeams} null = all.
   */
  Map<String, Object> leaderboard(YearMonth month, String team, java.util.Collection<String> visibleTeams) {
    LocalDate today = today();
    Instant monthStart = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant dayStart = today.atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant dayEnd = today.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    TreeSet<String> reps = new TreeSet<>();
    money.activeReps().forEach(rep -> reps.add(rep.userId()));
    Map<String, BigDecimal> repPlans = new TreeMap<>();
    Map<String, BigDecimal> teamPlans = new TreeMap<>();
    for (MoneyReportMapper.PlanAmount plan : money.plansOf(month.atDay(1))) {
      (plan.scope().equals("TEAM") ? teamPlans : repPlans).put(plan.subject(), plan.amount());
    }
    Map<String, BigDecimal[]> closed = new TreeMap<>();
    for (MoneyReportMapper.Win win : money.wins(monthStart, monthEnd)) {
      BigDecimal value = money(win.dealValue());
      BigDecimal[] sums = closed.computeIfAbsent(win.ownerId(), k -> new BigDecimal[] {ZERO, ZERO});
      sums[1] = sums[1].add(value);
      if (!win.wonAt().isBefore(dayStart) && win.wonAt().isBefore(dayEnd)) {
        sums[0] = sums[0].add(value);
      }
    }
    reps.addAll(repPlans.keySet());
    reps.addAll(closed.keySet());
    Map<String, String> allTeams = new TreeMap<>();
    money.repTeams().forEach(rep -> allTeams.put(rep.userId(), rep.teamId()));
    int workingDays = workingDays(month);
    List<Map<String, Object>> lines = new ArrayList<>();
    for (String rep : reps) {
      String repTeam = allTeams.get(rep);
      if (team != null && !team.equals(repTeam) || visibleTeams != null && !visibleTeams.contains(repTeam)) {
        continue;
      }
      BigDecimal[] sums = closed.getOrDefault(rep, new BigDecimal[] {ZERO, ZERO});
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("rank", 0);
      line.put("rep", rep);
      line.put("name", name(rep));
      line.put("team", repTeam);
      attainment(line, repPlans.get(rep), sums[0], sums[1], workingDays);
      lines.add(line);
    }
    Comparator<Map<String, Object>> order = Comparator
        .comparing((Map<String, Object> l) -> (BigDecimal) l.get("attainmentMonth"),
            Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(l -> (BigDecimal) l.get("closedMonth"), Comparator.reverseOrder())
        .thenComparing(l -> (String) l.get("rep"));
    lines.sort(order);
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> previous = i == 0 ? null : lines.get(i - 1);
      boolean tie = previous != null && java.util.Objects.equals(previous.get("attainmentMonth"),
          lines.get(i).get("attainmentMonth")) && previous.get("closedMonth").equals(lines.get(i).get("closedMonth"));
      lines.get(i).put("rank", tie ? previous.get("rank") : i + 1);
    }
    List<Map<String, Object>> teams = new ArrayList<>();
    TreeSet<String> teamIds = new TreeSet<>(teamPlans.keySet());
    for (String id : teamIds) {
      if (team != null && !team.equals(id) || visibleTeams != null && !visibleTeams.contains(id)) {
        continue;
      }
      BigDecimal closedToday = ZERO;
      BigDecimal closedMonth = ZERO;
      for (Map.Entry<String, BigDecimal[]> entry : closed.entrySet()) {
        if (id.equals(allTeams.get(entry.getKey()))) {
          closedToday = closedToday.add(entry.getValue()[0]);
          closedMonth = closedMonth.add(entry.getValue()[1]);
        }
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("team", id);
      attainment(line, teamPlans.get(id), closedToday, closedMonth, workingDays);
      teams.add(line);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("month", month.toString());
    json.put("asOf", clock.instant().toString());
    json.put("today", today.toString());
    json.put("workingDays", workingDays);
    json.put("lines", lines);
    json.put("teams", teams);
    return json;
  }

  static int workingDays(YearMonth month) {
    int days = 0;
    for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        days++;
      }
    }
    return days;
  }

  private String name(String user) {
    String name = money.nameOf(user);
    return name == null || name.isBlank() ? user : name;
  }

  private static void attainment(Map<String, Object> line, BigDecimal plan, BigDecimal closedToday,
      BigDecimal closedMonth, int workingDays) {
    line.put("plan", plan);
    line.put("closedToday", closedToday);
    line.put("closedMonth", closedMonth);
    boolean planned = plan != null && plan.signum() > 0;
    line.put("attainmentToday", planned ? closedToday.multiply(BigDecimal.valueOf(workingDays))
        .divide(plan, 4, RoundingMode.HALF_UP) : null);
    line.put("attainmentMonth", planned ? closedMonth.divide(plan, 4, RoundingMode.HALF_UP) : null);
  }

  private static Map<String, Object> costLine(String campaign, String channel, Object[] line) {
    BigDecimal cost = (BigDecimal) line[0];
    Map<String, Object> json = new LinkedHashMap<>();
    if (campaign != null) {
      json.put("campaign", campaign);
      json.put("channel", channel);
    }
    json.put("cost", cost);
    json.put("leads", line[1]);
    json.put("validLeads", line[2]);
    json.put("customers", line[3]);
    json.put("revenue", line[4]);
    json.put("costPerLead", per(cost, (Long) line[1]));
    json.put("costPerValidLead", per(cost, (Long) line[2]));
    json.put("costPerCustomer", per(cost, (Long) line[3]));
    json.put("roi", cost.signum() == 0 ? null
        : ((BigDecimal) line[4]).subtract(cost).divide(cost, 4, RoundingMode.HALF_UP));
    return json;
  }

  private static BigDecimal per(BigDecimal cost, long count) {
    return count == 0 ? null : cost.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? ZERO : value.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal[] sums() {
    return new BigDecimal[] {BigDecimal.ZERO, ZERO, ZERO};
  }

  private static void add(BigDecimal[] sums, BigDecimal deals, BigDecimal value, BigDecimal weighted) {
    sums[0] = sums[0].add(deals);
    sums[1] = sums[1].add(value);
    sums[2] = sums[2].add(weighted);
  }

  private static Map<String, Object> line(String key, String value, String key2, String value2, BigDecimal[] sums) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (key != null) {
      json.put(key, value);
    }
    if (key2 != null) {
      json.put(key2, value2);
    }
    json.put("open", sums[0].longValue());
    json.put("value", sums[1]);
    json.put("weighted", sums[2].setScale(2, RoundingMode.HALF_UP));
    return json;
  }
}
