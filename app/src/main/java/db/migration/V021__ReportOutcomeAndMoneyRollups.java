package db.migration;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.leadflow.reports.LeadFigures;
import org.leadflow.reports.ReportMapper;
import org.leadflow.reports.ReportProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rollups of outcomes' close reasons and objections and of the money reports (README "Reports",
 * {@link LeadFigures}: what a lead counts in them), and their backfill.
 *
 * <p>Why Java: V019's set-based backfill grouped every pass once per slice kind over varchar(500) keys (549.8 s
 * at 100,000 leads, BENCHMARKS.md). This one reads the leads four weeks of capture days at a time (with their
 * reps, their WON/LOST passes and their objections, each by an index), computes each lead's rows with the code
 * the app maintains them with ({@link LeadFigures#rows}, {@link LeadFigures#objection}), sums them in memory
 * and writes the sums in multi-row upserts once {@value #FLUSH_AT} keys are summed (a key written twice adds
 * up). Run with writers stopped, as every migration (Flyway runs before the app serves).
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

  /** Capture days read at once. */
  static final int WINDOW_DAYS = 28;
  /** Keys summed in memory before they are written. */
  static final int FLUSH_AT = 250_000;
  /** Rows per upsert statement. */
  static final int BATCH = 1000;

  private static final String WINDOW = "l.captured_at >= ? and l.captured_at < ?";
  private static final Logger log = LoggerFactory.getLogger(V021__ReportOutcomeAndMoneyRollups.class);

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
    Instant first;
    Instant last;
    try (Statement statement = connection.createStatement();
        ResultSet range = statement.executeQuery("select min(captured_at), max(captured_at) from lead")) {
      range.next();
      if (range.getTimestamp(1) == null) {
        return;
      }
      first = range.getTimestamp(1).toInstant();
      last = range.getTimestamp(2).toInstant();
    }
    Map<LeadFigures.Key, BigDecimal[]> sums = new HashMap<>();
    Instant from = LocalDate.ofInstant(first, ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
    long reading = 0;
    long writing = 0;
    long written = 0;
    while (!from.isAfter(last)) {
      Instant to = from.plus(Duration.ofDays(WINDOW_DAYS));
      long start = System.nanoTime();
      window(connection, from, to, sums);
      reading += System.nanoTime() - start;
      if (sums.size() >= FLUSH_AT) {
        start = System.nanoTime();
        written += write(connection, sums);
        writing += System.nanoTime() - start;
        sums.clear();
      }
      from = to;
    }
    long start = System.nanoTime();
    written += write(connection, sums);
    writing += System.nanoTime() - start;
    log.info("V021 backfill: {} rows upserted; {} s reading and summing, {} s writing", written,
        reading / 1_000_000_000, writing / 1_000_000_000);
  }

  /** What the leads captured in {@code [from, to)} count in the rollups, summed by key (also for tests). */
  public static Map<LeadFigures.Key, BigDecimal[]> sums(Connection connection, Instant from, Instant to)
      throws SQLException {
    Map<LeadFigures.Key, BigDecimal[]> sums = new HashMap<>();
    window(connection, from, to, sums);
    return sums;
  }

  /** The rows of the leads captured in {@code [from, to)}, added to {@code sums}. */
  private static void window(Connection connection, Instant from, Instant to, Map<LeadFigures.Key, BigDecimal[]> sums)
      throws SQLException {
    Map<String, LeadFigures.Facts> leads = new LinkedHashMap<>();
    query(connection, "select l.id, l.captured_at, l.stage, l.stage_changed_at, l.source, l.campaign,"
        + " l.landing_page, l.region, l.owner_id, l.valid, l.funnel_position, l.deal_value, l.close_reason,"
        + " l.new_customer from lead l where " + WINDOW, from, to, row -> leads.put(row.getString(1),
            new LeadFigures.Facts(row.getString(1), instant(row, 2), row.getString(3), instant(row, 4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                bool(row, 10), row.getString(11), row.getBigDecimal(12), row.getString(13), bool(row, 14))));
    Map<String, List<ReportMapper.LeadRep>> reps = new HashMap<>();
    query(connection, "select r.lead_id, r.rep, r.team_id from lead l join report_lead_rep r on r.lead_id = l.id"
        + " where " + WINDOW + " order by r.lead_id, r.rep", from, to, row -> reps.computeIfAbsent(row.getString(1),
            k -> new ArrayList<>()).add(new ReportMapper.LeadRep(row.getString(2), row.getString(3))));
    Map<String, List<Instant>> passes = new HashMap<>();
    query(connection, "select p.lead_id, p.stage, p.entered_at from report_stage_pass p where p.stage in ('WON',"
        + " 'LOST') and p.captured_at >= ? and p.captured_at < ? order by p.lead_id, p.stage, p.pass_no", from, to,
        row -> passes.computeIfAbsent(row.getString(1) + " " + row.getString(2), k -> new ArrayList<>())
            .add(instant(row, 3)));
    Map<String, List<Object[]>> objections = new HashMap<>();
    query(connection, "select a.lead_id, a.occurred_at, a.objection from lead l join lead_activity a"
        + " on a.lead_id = l.id where " + WINDOW + " and a.objection is not null", from, to,
        row -> objections.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
            .add(new Object[] {instant(row, 2), row.getString(3)}));
    for (LeadFigures.Facts lead : leads.values()) {
      List<String[]> slices = ReportProjection.slices(lead.source(), lead.campaign(), lead.landingPage(),
          lead.region(), reps.getOrDefault(lead.leadId(), List.of()));
      List<LeadFigures.Row> rows = new ArrayList<>(LeadFigures.rows(lead, slices,
          passes.getOrDefault(lead.leadId() + " " + lead.stage(), List.of())));
      for (Object[] objection : objections.getOrDefault(lead.leadId(), List.of())) {
        rows.addAll(LeadFigures.objection(lead, slices, (Instant) objection[0], (String) objection[1]));
      }
      for (LeadFigures.Row row : rows) {
        BigDecimal[] total = sums.get(row.key());
        if (total == null) {
          sums.put(row.key(), row.amounts().clone());
        } else {
          for (int i = 0; i < total.length; i++) {
            total[i] = total[i].add(row.amounts()[i]);
          }
        }
      }
    }
  }

  /** Upserts the sums, table by table in key order, {@value #BATCH} rows a statement; returns the rows. */
  private static int write(Connection connection, Map<LeadFigures.Key, BigDecimal[]> sums) throws SQLException {
    List<LeadFigures.Key> keys = new ArrayList<>(sums.keySet());
    keys.sort(LeadFigures.KEY_ORDER);
    for (LeadFigures.Table table : LeadFigures.TABLES) {
      List<LeadFigures.Key> ofTable = keys.stream().filter(k -> k.table() == table).toList();
      for (int start = 0; start < ofTable.size(); start += BATCH) {
        List<LeadFigures.Key> batch = ofTable.subList(start, Math.min(ofTable.size(), start + BATCH));
        try (PreparedStatement upsert = connection.prepareStatement(table.upsert(batch.size()))) {
          int i = 1;
          for (LeadFigures.Key key : batch) {
            for (Object value : key.values()) {
              upsert.setObject(i++, value);
            }
            for (BigDecimal amount : sums.get(key)) {
              upsert.setBigDecimal(i++, amount);
            }
          }
          upsert.executeUpdate();
        }
      }
    }
    return keys.size();
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private static void query(Connection connection, String sql, Instant from, Instant to, RowReader reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setTimestamp(1, Timestamp.from(from));
      statement.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  /** As MyBatis reads an Instant (the app's InstantTypeHandler: the column's timestamp). */
  private static Instant instant(ResultSet row, int column) throws SQLException {
    Timestamp at = row.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }

  private static Boolean bool(ResultSet row, int column) throws SQLException {
    boolean value = row.getBoolean(column);
    return row.wasNull() ? null : value;
  }
}
