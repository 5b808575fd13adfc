package org.leadflow.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  private final MoneyTableMapper tables;
  private final Clock clock;

  PlanService(MoneyTableMapper tables, Clock clock) {
    this.tables = tables;
    this.clock = clock;
  }

  public record Stored(List<Plan> plans, int created, int replaced) {}

  public List<Plan> list(YearMonth month) {
    return tables.plans(month == null ? null : month.atDay(1)).stream().map(MoneyTableMapper.PlanRow::plan).toList();
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
        boolean known = "REP".equals(scope) ? tables.repExists(subject) : tables.teamExists(subject);
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
      if (!replace && tables.planOf(month.atDay(1), scope, subject) != null) {
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
      replaced += tables.deletePlanOf(plan.month().atDay(1), plan.scope(), plan.subject());
      tables.insertPlan(MoneyTableMapper.PlanRow.of(plan));
      stored.add(tables.planOf(plan.month().atDay(1), plan.scope(), plan.subject()).plan());
    }
    return new Stored(stored, stored.size() - replaced, replaced);
  }

  public Stored storeCsv(String body, boolean replace, String user) {
    List<CsvRows.Row> rows = CsvRows.parse(body, FIELDS, REQUIRED);
    return store(rows.stream().map(CsvRows.Row::values).toList(), rows.stream().map(CsvRows.Row::number).toList(),
        replace, user);
  }

  public boolean delete(long id) {
    return tables.deletePlan(id) > 0;
  }
}
