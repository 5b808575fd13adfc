package org.leadflow.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly plans per rep and team, one by one (JSON) or as a CSV file, stored whole or not at all. A plan
 * for a month, scope and subject that is already stored is rejected unless the caller asks to replace
 * ({@code replace=true}). The subject must be a rep profile (REP) or a team (TEAM).
 */
@Service
public class PlanService {

  static final List<String> FIELDS = List.of("month", "scope", "subject", "amount");
  private static final Set<String> REQUIRED = Set.copyOf(FIELDS);
  private static final String COLUMNS = "id, plan_month, scope, subject, amount, updated_at, updated_by";
  private static final RowMapper<Plan> ROW = (rs, n) -> new Plan(rs.getLong("id"),
      YearMonth.from(rs.getObject("plan_month", LocalDate.class)), rs.getString("scope"), rs.getString("subject"),
      rs.getBigDecimal("amount"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));

  private final JdbcTemplate jdbc;
  private final Clock clock;

  PlanService(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public record Stored(List<Plan> plans, int created, int replaced) {}

  public List<Plan> list(YearMonth month) {
    return month == null
        ? jdbc.query("select " + COLUMNS + " from lead_plan order by plan_month, scope, subject", ROW)
        : jdbc.query("select " + COLUMNS + " from lead_plan where plan_month = ? order by scope, subject", ROW,
            month.atDay(1));
  }

  @Transactional
  public Stored store(List<Map<String, String>> rowsByField, List<Integer> rowNumbers, boolean replace, String user) {
    List<RowError> errors = new ArrayList<>();
    List<Plan> plans = new ArrayList<>();
    for (int i = 0; i < rowsByField.size(); i++) {
      int row = rowNumbers.get(i);
      Map<String, String> values = rowsByField.get(i);
      int before = errors.size();
      MoneyValues v = new MoneyValues(row, errors);
      YearMonth month = v.month("month", values.get("month"));
      String scope = v.text("scope", values.get("scope"), 4, true);
      if (scope != null && !Set.of("REP", "TEAM").contains(scope)) {
        v.error("scope", "must be REP or TEAM");
        scope = null;
      }
      String subject = v.text("subject", values.get("subject"), 64, true);
      if (scope != null && subject != null) {
        boolean known = "REP".equals(scope)
            ? count("select count(*) from lead_rep where user_id = ?", subject) > 0
            : count("select count(*) from lead_team where id = ?", subject) > 0;
        if (!known) {
          v.error("subject", "REP".equals(scope) ? "is not a rep (no rep profile " + subject + ")"
              : "is not a team (" + subject + ")");
        }
      }
      var amount = v.amount("amount", values.get("amount"));
      if (errors.size() > before) {
        continue;
      }
      for (int j = 0; j < plans.size(); j++) {
        Plan earlier = plans.get(j);
        if (earlier.month().equals(month) && earlier.scope().equals(scope) && earlier.subject().equals(subject)) {
          v.error("subject", "row " + rowNumbers.get(j) + " already plans " + scope + " " + subject + " for " + month);
        }
      }
      if (!replace && count("select count(*) from lead_plan where plan_month = ? and scope = ? and subject = ?",
          month.atDay(1), scope, subject) > 0) {
        v.error("subject", "a plan for " + scope + " " + subject + " in " + month
            + " is already stored; send replace=true to replace it");
      }
      plans.add(new Plan(null, month, scope, subject, amount, Instant.now(clock), user));
    }
    if (!errors.isEmpty()) {
      throw new InvalidUploadException(errors);
    }
    int replaced = 0;
    List<Plan> stored = new ArrayList<>();
    for (Plan plan : plans) {
      replaced += jdbc.update("delete from lead_plan where plan_month = ? and scope = ? and subject = ?",
          plan.month().atDay(1), plan.scope(), plan.subject());
      jdbc.update("insert into lead_plan (plan_month, scope, subject, amount, updated_at, updated_by) "
          + "values (?, ?, ?, ?, ?, ?)", plan.month().atDay(1), plan.scope(), plan.subject(), plan.amount(),
          Timestamp.from(plan.updatedAt()), user);
      stored.add(jdbc.queryForObject("select " + COLUMNS + " from lead_plan where plan_month = ? and scope = ? "
          + "and subject = ?", ROW, plan.month().atDay(1), plan.scope(), plan.subject()));
    }
    return new Stored(stored, stored.size() - replaced, replaced);
  }

  public Stored storeCsv(String body, boolean replace, String user) {
    List<CsvRows.Row> rows = CsvRows.parse(body, FIELDS, REQUIRED);
    return store(rows.stream().map(CsvRows.Row::values).toList(), rows.stream().map(CsvRows.Row::number).toList(),
        replace, user);
  }

  public boolean delete(long id) {
    return jdbc.update("delete from lead_plan where id = ?", id) > 0;
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }
}
