package org.leadflow.reports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes and recomputes the rows of given slice kinds (dim: 'all', 'channel', …, 'profile', 'rt')
 * of the ten rollup tables from the read model (report_stage_pass, report_lead_rep, report_first_contact) and
 * the facts (lead, lead_sla, lead_activity), with the code the app maintains them with ({@link
 * ReportProjection#slices}, {@link LeadFigures}, {@link DurationHistogram}): the rows equal what the
 * maintenance wrote for the same leads. Used by V020 and V021 (their backfills, every kind), V023 (the profile
 * kinds of every table) and at start with {@code lead.reports.rebuild-rollups=true} (README "Reports").
 *
 * <p>Run with writers stopped (a migration, or the start of one node while the others are stopped): the rows
 * are deleted and then summed up again ({@code +=} upserts), not locked against concurrent increments.
 *
 * <p>How (fast at 1,000,000 leads, unlike V019's grouped insert-selects over varchar(500) keys): the leads are
 * read once in chunks, each chunk's reps, passes, first contacts, SLA clocks and objections by lead id on their
 * indexes; each lead's rows are summed in memory by key and written in multi-row upserts in key order once
 * {@value #FLUSH_AT} keys are held and at the end. Chunks are primary-key ranges, or, when only some kinds are
 * rebuilt, the leads ordered by profile id: then each flush writes a narrow range of every table's keys (at
 * 100,000 leads V023 writes ~10 million rows; spread over the whole key range at every flush they were written
 * at ~45,000 rows/s with a 128 MB buffer pool).
 */
public final class RollupRebuild {

  /** What a rebuild recomputes: V019's, V020's and V021's tables. */
  public enum Part {
    /** report_daily_pass, _recycle, _quality, _duration (V019). */
    PASSES,
    /** report_daily_contact, _sla (V020). */
    CONTACTS,
    /** report_daily_close, _campaign, _objection, report_open_pipeline (V021). */
    OUTCOMES
  }

  public static final LeadFigures.Table PASS = new LeadFigures.Table("report_daily_pass",
      List.of("basis", "dim", "dim_value", "stage", "on_day", "prev_day"),
      List.of("passes", "first_passes", "strict_passes"));
  public static final LeadFigures.Table RECYCLE = new LeadFigures.Table("report_daily_recycle",
      List.of("basis", "dim", "dim_value", "on_day", "reason"), List.of("passes"));
  public static final LeadFigures.Table QUALITY = new LeadFigures.Table("report_daily_quality",
      List.of("dim", "dim_value", "on_day", "verdict", "reason"), List.of("leads"));
  public static final LeadFigures.Table DURATION = new LeadFigures.Table("report_daily_duration",
      List.of("basis", "dim", "dim_value", "stage", "on_day", "bucket"), List.of("passes"));
  public static final LeadFigures.Table CONTACT = new LeadFigures.Table("report_daily_contact",
      List.of("basis", "dim", "dim_value", "on_day", "bucket"), List.of("leads"));
  public static final LeadFigures.Table SLA = new LeadFigures.Table("report_daily_sla",
      List.of("basis", "dim", "dim_value", "on_day", "sla_type"), List.of("clocks", "met", "breached", "still_open"));

  /** The tables of each part, in the order they are written. */
  public static final Map<Part, List<LeadFigures.Table>> TABLES = Map.of(
      Part.PASSES, List.of(PASS, RECYCLE, QUALITY, DURATION),
      Part.CONTACTS, List.of(CONTACT, SLA),
      Part.OUTCOMES, LeadFigures.TABLES);

  /**
   * The slice kinds added since V019–V021 first backfilled their tables: the profiles' (V022) and the pairs of a
   * rep and a team (V023 backfills them).
   */
  public static final Set<String> PROFILE_KINDS = Set.of(ReportProfile.PROFILE, ReportProfile.REP_TEAM);

  static final int LEADS_PER_CHUNK = 5_000;
  /** Keys summed in memory before they are written. */
  static final int FLUSH_AT = 250_000;
  /** Rows per upsert statement. */
  static final int BATCH = 1000;

  private static final BigDecimal[] ONE = {BigDecimal.ONE};
  private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);

  private final Connection connection;
  /** The slice kinds recomputed; null: every kind. */
  private final Set<String> kinds;
  private final Map<LeadFigures.Key, BigDecimal[]> sums = new HashMap<>();
  private long written;
  private long writing;

  private RollupRebuild(Connection connection, Set<String> kinds) {
    this.connection = connection;
    this.kinds = kinds;
  }

  /** A rebuild of the rows of every slice kind. */
  public static RollupRebuild everyKind(Connection connection) {
    return new RollupRebuild(connection, null);
  }

  /** A rebuild of the rows of these slice kinds only (dim values, e.g. {@link #PROFILE_KINDS}). */
  public static RollupRebuild of(Connection connection, Set<String> kinds) {
    return new RollupRebuild(connection, Set.copyOf(kinds));
  }

  /** Deletes the rows of the kinds from every table and computes them again; returns the rows written. */
  public long rebuild() throws SQLException {
    long start = System.nanoTime();
    long deleted = 0;
    for (Part part : Part.values()) {
      deleted += delete(part);
    }
    long rows = backfill(EnumSet.allOf(Part.class));
    log.info("Rollup rebuild of {}: {} rows deleted, {} rows written in {} s", kinds == null ? "every slice kind"
        : kinds.stream().sorted().toList(), deleted, rows, (System.nanoTime() - start) / 1_000_000 / 1000.0);
    return rows;
  }

  /** Deletes the rows of the kinds from the part's tables; returns how many. */
  public long delete(Part part) throws SQLException {
    long deleted = 0;
    for (LeadFigures.Table table : TABLES.get(part)) {
      String sql = "delete from " + table.name();
      if (kinds != null) {
        // basis first: the primary key's range (MariaDB has no skip scan)
        sql += " where " + (table.keys().get(0).equals("basis") ? "basis in ('C', 'E') and " : "") + "dim in ("
            + String.join(", ", kinds.stream().map(k -> "?").toList()) + ")";
      }
      try (PreparedStatement delete = connection.prepareStatement(sql)) {
        int i = 1;
        for (String kind : kinds == null ? List.<String>of() : kinds) {
          delete.setString(i++, kind);
        }
        deleted += delete.executeUpdate();
      }
    }
    return deleted;
  }

  /**
   * Adds what the leads count in the parts' tables, in the kinds' slices, to the stored rows (none there:
   * a fresh table, or deleted by {@link #delete}); returns the rows written.
   */
  public long backfill(Set<Part> parts) throws SQLException {
    long start = System.nanoTime();
    long before = written;
    if (kinds != null) {
      List<String> ids = leadsByProfile();
      for (int from = 0; from < ids.size(); from += LEADS_PER_CHUNK) {
        readChunk(leads(ids.subList(from, Math.min(ids.size(), from + LEADS_PER_CHUNK))), parts);
        flushIfFull();
      }
    } else {
      String after = null;
      List<LeadRow> chunk;
      do {
        chunk = leads(after);
        if (!chunk.isEmpty()) {
          after = chunk.get(chunk.size() - 1).id;
          readChunk(chunk, parts);
          flushIfFull();
        }
      } while (chunk.size() == LEADS_PER_CHUNK);
    }
    flush();
    log.info("Rollup backfill {}: {} rows upserted in {} s ({} s writing)", parts, written - before,
        (System.nanoTime() - start) / 1_000_000 / 1000.0, writing / 1_000_000 / 1000.0);
    return written - before;
  }

  /** What the leads captured in {@code [from, to)} count in V021's tables, summed by key (for tests). */
  public Map<LeadFigures.Key, BigDecimal[]> outcomeSums(Instant from, Instant to) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(
        "select id from lead where captured_at >= ? and captured_at < ?")) {
      statement.setTimestamp(1, Timestamp.from(from));
      statement.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
    }
    for (int start = 0; start < ids.size(); start += LEADS_PER_CHUNK) {
      readChunk(leads(ids.subList(start, Math.min(ids.size(), start + LEADS_PER_CHUNK))), EnumSet.of(Part.OUTCOMES));
    }
    Map<LeadFigures.Key, BigDecimal[]> copy = new HashMap<>(sums);
    sums.clear();
    return copy;
  }

  /**
   * Every lead's id, ordered by profile id (then id): a chunk of them writes the rows of a narrow range of
   * profiles, so the upserts of the profile kinds land close together in the tables' primary keys (rep|profile,
   * team|profile: per person or team) instead of all over them at every flush (the buffer pool stays useful).
   */
  private List<String> leadsByProfile() throws SQLException {
    List<String[]> leads = new ArrayList<>();
    Map<String, String> profiles = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select id, source, campaign, landing_page, region from lead")) {
      while (rows.next()) {
        String key = rows.getString(2) + "\n" + rows.getString(3) + "\n" + rows.getString(4) + "\n"
            + rows.getString(5);
        String profile = profiles.get(key);
        if (profile == null) {
          profile = ReportProfile.id(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5));
          profiles.put(key, profile);
        }
        leads.add(new String[] {profile, rows.getString(1)});
      }
    }
    leads.sort((x, y) -> x[0].equals(y[0]) ? x[1].compareTo(y[1]) : x[0].compareTo(y[0]));
    return leads.stream().map(lead -> lead[1]).toList();
  }

  /** The slices of the kinds a lead counts in (ReportProjection's). */
  private List<String[]> slices(String source, String campaign, String landingPage, String region,
      List<ReportMapper.LeadRep> reps) {
    List<String[]> slices = ReportProjection.slices(source, campaign, landingPage, region, reps);
    return kinds == null ? slices : slices.stream().filter(s -> kinds.contains(s[0])).toList();
  }

  private void add(LeadFigures.Table table, List<Object> key, BigDecimal... amounts) {
    BigDecimal[] total = sums.get(new LeadFigures.Key(table, key));
    if (total == null) {
      sums.put(new LeadFigures.Key(table, key), amounts.clone());
    } else {
      for (int i = 0; i < total.length; i++) {
        total[i] = total[i].add(amounts[i]);
      }
    }
  }

  private static BigDecimal[] counts(long... counts) {
    BigDecimal[] amounts = new BigDecimal[counts.length];
    for (int i = 0; i < counts.length; i++) {
      amounts[i] = BigDecimal.valueOf(counts[i]);
    }
    return amounts;
  }

  // --- V019's and V020's tables: leads in primary-key chunks -------------------------------------------------

  private static final class LeadRow {
    final String id;
    final LocalDate capturedDay;
    final String source;
    final String campaign;
    final String landingPage;
    final String region;
    final Boolean valid;
    final String invalidReason;
    final LeadFigures.Facts facts;
    final List<ReportMapper.LeadRep> reps = new ArrayList<>();
    List<String[]> slices;

    LeadRow(ResultSet row) throws SQLException {
      id = row.getString(1);
      Instant captured = instant(row, 2);
      capturedDay = LocalDate.ofInstant(captured, ZoneOffset.UTC);
      source = row.getString(3);
      campaign = row.getString(4);
      landingPage = row.getString(5);
      region = row.getString(6);
      valid = bool(row, 7);
      invalidReason = row.getString(8);
      facts = new LeadFigures.Facts(id, captured, row.getString(9), instant(row, 10), source, campaign, landingPage,
          region, row.getString(11), valid, row.getString(12), row.getBigDecimal(13), row.getString(14),
          bool(row, 15));
    }
  }

  private static final String LEAD_COLUMNS = "select id, captured_at, source, campaign, landing_page, region, valid,"
      + " invalid_reason, stage, stage_changed_at, owner_id, funnel_position, deal_value, close_reason, new_customer"
      + " from lead";

  /** The next chunk of leads in id order after {@code after} (null: from the start). */
  private List<LeadRow> leads(String after) throws SQLException {
    List<LeadRow> chunk = new ArrayList<>();
    try (PreparedStatement statement = connection.prepareStatement(LEAD_COLUMNS
        + (after == null ? "" : " where id > ?") + " order by id limit " + LEADS_PER_CHUNK)) {
      if (after != null) {
        statement.setString(1, after);
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          chunk.add(new LeadRow(rows));
        }
      }
    }
    return chunk;
  }

  /** These leads, in this order. */
  private List<LeadRow> leads(List<String> ids) throws SQLException {
    Map<String, LeadRow> byId = new HashMap<>();
    select(LEAD_COLUMNS, "id", ids, row -> byId.put(row.getString(1), new LeadRow(row)));
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /** The chunk's reps and then its rows of the parts. */
  private void readChunk(List<LeadRow> chunk, Set<Part> parts) throws SQLException {
    if (chunk.isEmpty()) {
      return;
    }
    Map<String, LeadRow> byId = new HashMap<>();
    chunk.forEach(lead -> byId.put(lead.id, lead));
    // a chunk in id order is read by lead-id range, one in profile order by its ids
    List<String> ids = chunk.stream().map(lead -> lead.id).toList();
    boolean ordered = true;
    for (int i = 1; i < ids.size() && ordered; i++) {
      ordered = ids.get(i - 1).compareTo(ids.get(i)) < 0;
    }
    Chunk of = new Chunk(ordered ? null : ids, ids.get(0), ids.get(ids.size() - 1));
    of.read("select lead_id, rep, team_id from report_lead_rep", "", row -> {
      LeadRow lead = byId.get(row.getString(1));
      if (lead != null) {
        lead.reps.add(new ReportMapper.LeadRep(row.getString(2), row.getString(3)));
      }
    });
    for (LeadRow lead : chunk) {
      lead.reps.sort(java.util.Comparator.comparing(ReportMapper.LeadRep::rep));
      lead.slices = slices(lead.source, lead.campaign, lead.landingPage, lead.region, lead.reps);
    }
    if (parts.contains(Part.PASSES)) {
      passes(byId, of);
    }
    if (parts.contains(Part.CONTACTS)) {
      contactsAndSlas(byId, of);
    }
    if (parts.contains(Part.OUTCOMES)) {
      outcomes(byId, of);
    }
  }

  /** The leads of a chunk: their id range (ids null) or their ids. */
  private final class Chunk {
    final List<String> ids;
    final String first;
    final String last;

    Chunk(List<String> ids, String first, String last) {
      this.ids = ids;
      this.first = first;
      this.last = last;
    }

    /** Rows of {@code select} (with {@code and}-conditions {@code more}) of the chunk's leads, by lead_id. */
    void read(String select, String more, RowReader reader) throws SQLException {
      if (ids == null) {
        range(select + " where lead_id >= ? and lead_id <= ?" + more, first, last, reader);
      } else {
        select(select, "lead_id", ids, more, reader);
      }
    }
  }

  private record PassRow(LeadRow lead, String stage, int passNo, boolean strict, LocalDate entered, Long seconds,
      String reason) {}

  /** V019's tables: each pass in both bases (event: prev_day = the day of pass_no - 1), the lead's verdict. */
  private void passes(Map<String, LeadRow> byId, Chunk chunk) throws SQLException {
    List<PassRow> passes = new ArrayList<>();
    Map<String, LocalDate> entered = new HashMap<>();
    chunk.read("select lead_id, stage, pass_no, strict_rank, cast(entered_at as date), seconds_in_stage, reason"
        + " from report_stage_pass", "", row -> {
          LeadRow lead = byId.get(row.getString(1));
          if (lead == null) {
            return;
          }
          row.getInt(4);
          boolean strict = !row.wasNull();
          long seconds = row.getLong(6);
          Long timed = row.wasNull() ? null : seconds;
          PassRow pass = new PassRow(lead, row.getString(2), row.getInt(3), strict,
              row.getObject(5, LocalDate.class), timed, row.getString(7));
          passes.add(pass);
          entered.put(lead.id + " " + pass.stage + " " + pass.passNo, pass.entered);
        });
    for (PassRow pass : passes) {
      LocalDate captured = pass.lead.capturedDay;
      LocalDate previous = entered.getOrDefault(pass.lead.id + " " + pass.stage + " " + (pass.passNo - 1),
          ReportProjection.NEVER);
      BigDecimal[] amounts = counts(1, pass.passNo == 1 ? 1 : 0, pass.strict ? 1 : 0);
      String why = pass.reason == null ? "UNKNOWN" : pass.reason;
      boolean timed = pass.seconds != null && !pass.stage.equals("VALID");
      Integer bucket = timed ? DurationHistogram.bucket(pass.seconds) : null;
      for (String[] slice : pass.lead.slices) {
        add(PASS, List.of("C", slice[0], slice[1], pass.stage, captured, ReportProjection.NEVER), amounts);
        add(PASS, List.of("E", slice[0], slice[1], pass.stage, pass.entered, previous), amounts);
        if (pass.stage.equals("RECYCLED")) {
          add(RECYCLE, List.of("C", slice[0], slice[1], captured, why), ONE);
          add(RECYCLE, List.of("E", slice[0], slice[1], pass.entered, why), ONE);
        }
        if (timed) {
          add(DURATION, List.of("C", slice[0], slice[1], pass.stage, captured, bucket), ONE);
          add(DURATION, List.of("E", slice[0], slice[1], pass.stage, pass.entered, bucket), ONE);
        }
      }
    }
    for (LeadRow lead : byId.values()) {
      String[] verdict = ReportProjection.verdict(lead.valid, lead.invalidReason);
      for (String[] slice : lead.slices) {
        add(QUALITY, List.of(slice[0], slice[1], lead.capturedDay, verdict[0], verdict[1]), ONE);
      }
    }
  }

  /** V020's tables: first contacts per bucket of their working time, SLA clocks by state. */
  private void contactsAndSlas(Map<String, LeadRow> byId, Chunk chunk) throws SQLException {
    chunk.read("select lead_id, cast(contacted_at as date), business_seconds from report_first_contact", "",
        row -> {
          LeadRow lead = byId.get(row.getString(1));
          if (lead == null) {
            return;
          }
          LocalDate contacted = row.getObject(2, LocalDate.class);
          long seconds = row.getLong(3);
          int bucket = ReportProjection.contactBucket(row.wasNull() ? null : seconds);
          for (String[] slice : lead.slices) {
            add(CONTACT, List.of("C", slice[0], slice[1], lead.capturedDay, bucket), ONE);
            add(CONTACT, List.of("E", slice[0], slice[1], contacted, bucket), ONE);
          }
        });
    chunk.read("select lead_id, sla_type, cast(started_at as date), breached_at, status from lead_sla", "",
        row -> {
          LeadRow lead = byId.get(row.getString(1));
          if (lead == null) {
            return;
          }
          String type = row.getString(2);
          LocalDate started = row.getObject(3, LocalDate.class);
          ReportProjection.SlaState state = ReportProjection.SlaState.of(instant(row, 4),
              "CLOSED".equals(row.getString(5)));
          BigDecimal[] amounts = counts(1, state == ReportProjection.SlaState.MET ? 1 : 0,
              state == ReportProjection.SlaState.BREACHED ? 1 : 0, state == ReportProjection.SlaState.OPEN ? 1 : 0);
          for (String[] slice : lead.slices) {
            add(SLA, List.of("C", slice[0], slice[1], lead.capturedDay, type), amounts);
            add(SLA, List.of("E", slice[0], slice[1], started, type), amounts);
          }
        });
  }

  /** Rows of {@code select} (ending in its where clause with two parameters): the chunk's lead-id range. */
  private void range(String select, String first, String last, RowReader reader) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(select)) {
      statement.setString(1, first);
      statement.setString(2, last);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  private void select(String select, String column, List<String> ids, RowReader reader) throws SQLException {
    select(select, column, ids, "", reader);
  }

  /** Rows of {@code select} whose {@code column} is one of {@code ids} (on its index), {@code more} and-ed. */
  private void select(String select, String column, List<String> ids, String more, RowReader reader)
      throws SQLException {
    String in = " where " + column + " in (" + "?, ".repeat(ids.size() - 1) + "?)";
    try (PreparedStatement statement = connection.prepareStatement(select + in + more)) {
      for (int i = 0; i < ids.size(); i++) {
        statement.setString(i + 1, ids.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  // --- V021's tables: leads by capture days --------------------------------------------------------------------

  /** V021's tables: what the leads as they stand count (LeadFigures), with their closes' passes and objections. */
  private void outcomes(Map<String, LeadRow> byId, Chunk chunk) throws SQLException {
    Map<String, List<Instant>> passes = new HashMap<>();
    chunk.read("select lead_id, stage, entered_at from report_stage_pass",
        " and stage in ('WON', 'LOST') order by lead_id, stage, pass_no",
        row -> passes.computeIfAbsent(row.getString(1) + " " + row.getString(2), k -> new ArrayList<>())
            .add(instant(row, 3)));
    Map<String, List<Object[]>> objections = new HashMap<>();
    chunk.read("select lead_id, occurred_at, objection from lead_activity", " and objection is not null",
        row -> objections.computeIfAbsent(row.getString(1), k -> new ArrayList<>())
            .add(new Object[] {instant(row, 2), row.getString(3)}));
    for (LeadRow lead : byId.values()) {
      LeadFigures.Facts facts = lead.facts;
      List<LeadFigures.Row> rows = new ArrayList<>(LeadFigures.rows(facts, lead.slices,
          passes.getOrDefault(lead.id + " " + facts.stage(), List.of())));
      for (Object[] objection : objections.getOrDefault(lead.id, List.of())) {
        rows.addAll(LeadFigures.objection(facts, lead.slices, (Instant) objection[0], (String) objection[1]));
      }
      for (LeadFigures.Row row : rows) {
        add(row.key().table(), row.key().values(), row.amounts());
      }
    }
  }

  // --- writing -------------------------------------------------------------------------------------------------

  private void flushIfFull() throws SQLException {
    if (sums.size() >= FLUSH_AT) {
      flush();
    }
  }

  /** Upserts the sums, table by table in key order, {@value #BATCH} rows a statement. */
  private void flush() throws SQLException {
    long start = System.nanoTime();
    Map<LeadFigures.Table, List<LeadFigures.Key>> byTable = new LinkedHashMap<>();
    sums.keySet().forEach(key -> byTable.computeIfAbsent(key.table(), t -> new ArrayList<>()).add(key));
    for (Map.Entry<LeadFigures.Table, List<LeadFigures.Key>> entry : byTable.entrySet()) {
      List<LeadFigures.Key> keys = entry.getValue();
      keys.sort(LeadFigures.KEY_ORDER);
      for (int from = 0; from < keys.size(); from += BATCH) {
        List<LeadFigures.Key> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
        try (PreparedStatement upsert = connection.prepareStatement(entry.getKey().upsert(batch.size()))) {
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
      written += keys.size();
    }
    sums.clear();
    writing += System.nanoTime() - start;
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
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
