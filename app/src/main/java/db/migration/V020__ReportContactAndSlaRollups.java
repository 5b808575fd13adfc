package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.leadflow.reports.ReportMapper;
import org.leadflow.reports.ReportProjection;

/**
 * Daily rollups of speed to lead and SLA compliance (README "Reports"; V019 has the pass, recycle, quality and
 * duration rollups): /api/reports/speed-to-lead and /sla sum a few thousand rows per year instead of reading
 * report_first_contact or lead_sla with lead per request. Maintained by ReportProjection (contacted, timed,
 * slaMoved, assigned) through RollupDeltas; read by ReportMapper.xml.
 * Slices (dim, dim_value) and bases as in V019: basis 'C' (cohort) counts on the lead's capture day, 'E'
 * (event) on the day of the first contact / the day the SLA clock started.
 *
 * <p>report_daily_contact: first contacts per bucket of their working time from capture ({@code
 * DurationHistogram}, the stage times' 10 % log buckets; -1 while FirstContactBackfill has not computed it).
 * The cohort's leads (contacted or not) are the quality rollup's (report_daily_quality).
 *
 * <p>report_daily_sla: SLA clocks per type: clocks, and of them met (closed without breach, whatever the outcome),
 * breached (a breach recorded) and still open; a state change moves the clock between the three (the row's key
 * does not change).
 *
 * <p>Backfill (in Java, not V019's grouped insert-selects over varchar(500) keys, which took 549.8 s at 100,000
 * leads): the leads are read once in primary-key chunks, each chunk's reps, first contacts and SLA clocks by
 * lead-id range on their indexes; the rows are summed in memory by key and upserted ({@code +=}) in multi-row
 * statements whenever many keys are held and at the end.
 */
// the class name is the migration: Flyway reads version 020 and its description from it
public class V020__ReportContactAndSlaRollups extends BaseJavaMigration {

  static final int LEADS_PER_CHUNK = 5_000;
  /** Distinct rollup rows held in memory before they are written. */
  static final int FLUSH_AT = 100_000;
  static final int ROWS_PER_STATEMENT = 500;

  private static final String[] TABLES = {
      "create table report_daily_contact (\n"
          + "  basis     char(1)      not null,\n"
          + "  dim       varchar(8)   not null,\n"
          + "  dim_value varchar(500) not null,\n"
          + "  on_day    date         not null,\n"
          + "  bucket    int          not null,\n"
          + "  leads     bigint       not null,\n"
          + "  primary key (basis, dim, dim_value, on_day, bucket))",
      "create table report_daily_sla (\n"
          + "  basis      char(1)      not null,\n"
          + "  dim        varchar(8)   not null,\n"
          + "  dim_value  varchar(500) not null,\n"
          + "  on_day     date         not null,\n"
          + "  sla_type   varchar(30)  not null,\n"
          + "  clocks     bigint       not null,\n"
          + "  met        bigint       not null,\n"
          + "  breached   bigint       not null,\n"
          + "  still_open bigint       not null,\n"
          + "  primary key (basis, dim, dim_value, on_day, sla_type))"};

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute(table);
      }
    }
    Rollup contacts = new Rollup(connection, "report_daily_contact (basis, dim, dim_value, on_day, bucket, leads)",
        "leads = leads + values(leads)");
    Rollup slas = new Rollup(connection,
        "report_daily_sla (basis, dim, dim_value, on_day, sla_type, clocks, met, breached, still_open)",
        "clocks = clocks + values(clocks), met = met + values(met), breached = breached + values(breached),"
            + " still_open = still_open + values(still_open)");
    String after = null;
    List<Lead> chunk;
    do {
      chunk = leads(connection, after);
      if (!chunk.isEmpty()) {
        String first = chunk.get(0).id;
        String last = chunk.get(chunk.size() - 1).id;
        Map<String, Lead> byId = new HashMap<>();
        chunk.forEach(lead -> byId.put(lead.id, lead));
        readChunk(connection, byId, first, last, contacts, slas);
        after = last;
      }
    } while (chunk.size() == LEADS_PER_CHUNK);
    contacts.flush();
    slas.flush();
  }

  private static void readChunk(Connection connection, Map<String, Lead> byId, String first, String last,
      Rollup contacts, Rollup slas) throws SQLException {
    try (ResultSet rows = range(connection, "select lead_id, rep, team_id from report_lead_rep", first, last)) {
      while (rows.next()) {
        Lead lead = byId.get(rows.getString(1));
        if (lead != null) {
          lead.reps.add(new ReportMapper.LeadRep(rows.getString(2), rows.getString(3)));
        }
      }
    }
    try (ResultSet rows = range(connection, "select lead_id, cast(contacted_at as date), business_seconds"
        + " from report_first_contact", first, last)) {
      while (rows.next()) {
        Lead lead = byId.get(rows.getString(1));
        if (lead == null) {
          continue;
        }
        LocalDate contacted = rows.getObject(2, LocalDate.class);
        long seconds = rows.getLong(3);
        int bucket = ReportProjection.contactBucket(rows.wasNull() ? null : seconds);
        for (String[] slice : lead.slices()) {
          contacts.add(new Key("C", slice, lead.capturedDay, bucket), 1);
          contacts.add(new Key("E", slice, contacted, bucket), 1);
        }
      }
    }
    try (ResultSet rows = range(connection, "select lead_id, sla_type, cast(started_at as date), breached_at,"
        + " status from lead_sla", first, last)) {
      while (rows.next()) {
        Lead lead = byId.get(rows.getString(1));
        if (lead == null) {
          continue;
        }
        String type = rows.getString(2);
        LocalDate started = rows.getObject(3, LocalDate.class);
        ReportProjection.SlaState state = ReportProjection.SlaState.of(rows.getTimestamp(4) == null ? null
            : rows.getTimestamp(4).toInstant(), "CLOSED".equals(rows.getString(5)));
        long[] amounts = {1, state == ReportProjection.SlaState.MET ? 1 : 0,
            state == ReportProjection.SlaState.BREACHED ? 1 : 0, state == ReportProjection.SlaState.OPEN ? 1 : 0};
        for (String[] slice : lead.slices()) {
          slas.add(new Key("C", slice, lead.capturedDay, type), amounts);
          slas.add(new Key("E", slice, started, type), amounts);
        }
      }
    }
  }

  /** Rows of {@code select} whose lead_id is in [first, last] (the chunk's leads: on the tables' lead-id index). */
  private static ResultSet range(Connection connection, String select, String first, String last)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(select + " where lead_id >= ? and lead_id <= ?");
    statement.closeOnCompletion();
    statement.setString(1, first);
    statement.setString(2, last);
    return statement.executeQuery();
  }

  /** The next chunk of leads in id order after {@code after} (null: from the start). */
  private static List<Lead> leads(Connection connection, String after) throws SQLException {
    List<Lead> chunk = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement("select id, cast(captured_at as date), source,"
        + " campaign, landing_page, region from lead" + (after == null ? "" : " where id > ?")
        + " order by id limit " + LEADS_PER_CHUNK)) {
      if (after != null) {
        statement.setString(1, after);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          chunk.add(new Lead(rows.getString(1), rows.getObject(2, LocalDate.class), rows.getString(3),
              rows.getString(4), rows.getString(5), rows.getString(6)));
        }
      }
    }
    return chunk;
  }

  private static final class Lead {
    final String id;
    final LocalDate capturedDay;
    final String source;
    final String campaign;
    final String landingPage;
    final String region;
    final List<ReportMapper.LeadRep> reps = new ArrayList<>();
    private List<String[]> slices;

    Lead(String id, LocalDate capturedDay, String source, String campaign, String landingPage, String region) {
      this.id = id;
      this.capturedDay = capturedDay;
      this.source = source;
      this.campaign = campaign;
      this.landingPage = landingPage;
      this.region = region;
    }

    /** The lead's rollup slices (the reps are read by then). */
    List<String[]> slices() {
      if (slices == null) {
        slices = ReportProjection.slices(source, campaign, landingPage, region, reps);
      }
      return slices;
    }
  }

  /** A rollup row's key: basis, slice, day and the table's last key column (bucket or SLA type). */
  private record Key(String basis, String dim, String dimValue, LocalDate day, Object last) {
    Key(String basis, String[] slice, LocalDate day, Object last) {
      this(basis, slice[0], slice[1], day, last);
    }
  }

  /** Sums of one rollup table by key, upserted in multi-row statements when many are held and at the end. */
  private static final class Rollup {
    private final Connection connection;
    private final String table;
    private final String onDuplicate;
    private final Map<Key, long[]> sums = new LinkedHashMap<>();

    Rollup(Connection connection, String table, String onDuplicate) {
      this.connection = connection;
      this.table = table;
      this.onDuplicate = onDuplicate;
    }

    void add(Key key, long... amounts) throws SQLException {
      long[] total = sums.computeIfAbsent(key, k -> new long[amounts.length]);
      for (int i = 0; i < amounts.length; i++) {
        total[i] += amounts[i];
      }
      if (sums.size() >= FLUSH_AT) {
        flush();
      }
    }

    void flush() throws SQLException {
      List<Map.Entry<Key, long[]>> rows = new ArrayList<>(sums.entrySet());
      for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
        write(rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)));
      }
      sums.clear();
    }

    private void write(List<Map.Entry<Key, long[]>> rows) throws SQLException {
      int columns = 5 + rows.get(0).getValue().length;
      String row = "(" + "?, ".repeat(columns - 1) + "?)";
      StringBuilder sql = new StringBuilder("insert into ").append(table).append(" values ");
      for (int i = 0; i < rows.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(row);
      }
      sql.append(" on duplicate key update ").append(onDuplicate);
      try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
        int p = 1;
        for (Map.Entry<Key, long[]> entry : rows) {
          Key key = entry.getKey();
          insert.setString(p++, key.basis());
          insert.setString(p++, key.dim());
          insert.setString(p++, key.dimValue());
          insert.setObject(p++, key.day());
          insert.setObject(p++, key.last());
          for (long amount : entry.getValue()) {
            insert.setLong(p++, amount);
          }
        }
        insert.executeUpdate();
      }
    }
  }
}
