package db.migration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.leadflow.reports.LeadFigures;
import org.leadflow.reports.RollupRebuild;

/**
 * The rollups of outcomes' close reasons and objections and of the money reports (README "Reports",
 * {@link LeadFigures}: what a lead counts in them), and their backfill.
 *
 * <p>Why Java: V019's set-based backfill grouped every pass once per slice kind over varchar(500) keys (549.8 s
 * at 100,000 leads, BENCHMARKS.md). This one ({@link RollupRebuild}, {@code OUTCOMES}, every slice kind) reads
 * the leads four weeks of capture days at a time (with their reps, their WON/LOST passes and their objections,
 * each by an index), computes each lead's rows with the code the app maintains them with ({@link
 * LeadFigures#rows}, {@link LeadFigures#objection}), sums them in memory and writes the sums in multi-row
 * upserts once many keys are summed (a key written twice adds up). Run with writers stopped, as every migration
 * (Flyway runs before the app serves).
 */
// the class name is the migration: Flyway reads version 021 and its description from it
public class V021__ReportOutcomeAndMoneyRollups extends BaseJavaMigration {

  static final String KEY = "dim varchar(8) not null, dim_value varchar(500) not null, ";

  static final List<String> TABLES = List.of(
      "create table report_daily_close (basis char(1) not null, " + KEY + "stage varchar(20) not null,"
          + " on_day date not null, prev_day date not null, reason varchar(40) not null, leads bigint not null,"
          + " closes bigint not null, revenue decimal(19,2) not null, new_revenue decimal(19,2) not null,"
          + " repeat_revenue decimal(19,2) not null,"
          + " primary key (basis, dim, dim_value, stage, on_day, prev_day, reason))",
      "create table report_daily_campaign (" + KEY + "on_day date not null, campaign varchar(200) not null,"
          + " source varchar(40) not null, leads bigint not null, valid_leads bigint not null,"
          + " customers bigint not null, revenue decimal(19,2) not null,"
          + " primary key (dim, dim_value, on_day, campaign, source))",
      "create table report_open_pipeline (" + KEY + "owner_id varchar(64) not null, region varchar(100) not null,"
          + " funnel_position varchar(10) not null, deals bigint not null, deal_value decimal(19,2) not null,"
          + " primary key (dim, dim_value, owner_id, region, funnel_position))",
      "create table report_daily_objection (basis char(1) not null, " + KEY + "on_day date not null,"
          + " channel varchar(40) not null, objection varchar(40) not null, activities bigint not null,"
          + " primary key (basis, dim, dim_value, on_day, channel, objection))");

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute(table);
      }
    }
    backfill(connection);
  }

  static void backfill(Connection connection) throws SQLException {
    RollupRebuild.everyKind(connection).backfill(EnumSet.of(RollupRebuild.Part.OUTCOMES));
  }

  /** What the leads captured in {@code [from, to)} count in the rollups, summed by key (also for tests). */
  public static Map<LeadFigures.Key, BigDecimal[]> sums(Connection connection, Instant from, Instant to)
      throws SQLException {
    return RollupRebuild.everyKind(connection).outcomeSums(from, to);
  }
}
