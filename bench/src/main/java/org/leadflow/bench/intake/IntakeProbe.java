package org.leadflow.bench.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadflow.bench.LeadMix;
import org.leadflow.bench.timers.Database;

/**
 * What the intake did, read from the database for measuring only (row counts and timestamps): leads of a
 * run committed with their lifecycle instance, async work the engine still has to do, exactly-once per
 * source + external id, and the instant each hand-raiser's SDR task was created.
 *
 * <p>The clock of the SDR task: on MariaDB the engine's {@code ACT_RU_TASK.CREATE_TIME_} and
 * {@code ACT_HI_TASKINST.START_TIME_} are {@code datetime} (whole seconds, see {@link #precisionOfClocks}),
 * and the app's own {@code datetime(3)} columns hold whole seconds too (the connection's
 * {@code sendFractionalSeconds=false} truncates every timestamp parameter). The {@code SlaStarted} event
 * that the task's create listener writes to {@code lead_event_outbox} in the task's transaction carries
 * {@code data.startedAt} as JSON text with milliseconds: that is the clock used. It is taken just before
 * the transaction commits, so it is early by the rest of that transaction.
 */
public final class IntakeProbe {

  private final Database database;
  private final ObjectMapper json = new ObjectMapper();

  public IntakeProbe(Database database) {
    this.database = database;
  }

  private static String in(List<String> sources) {
    return "(" + String.join(", ", Collections.nCopies(sources.size(), "?")) + ")";
  }

  private static void bind(PreparedStatement statement, List<String> sources) throws SQLException {
    for (int i = 0; i < sources.size(); i++) {
      statement.setString(i + 1, sources.get(i));
    }
  }

  /**
   * Leads of the run that are committed with their lifecycle instance (in history, so also when it already
   * ended, e.g. invalid); with no async work left (below) each instance stands at its first wait state.
   */
  public long leadsWithInstance(Connection connection, List<String> sources) throws SQLException {
    String sql = "select count(distinct l.id) from lead l join ACT_HI_PROCINST p on p.BUSINESS_KEY_ = l.id"
        + " and p.SUPER_PROCESS_INSTANCE_ID_ is null where l.source in " + in(sources);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, sources);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Jobs the engine could run now (async continuations, due timers): 0 when every instance waits. */
  public long runnableJobs(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(
        "select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
            + " and (DUEDATE_ is null or DUEDATE_ <= now())")) {
      row.next();
      return row.getLong(1);
    }
  }

  public long incidents(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select count(*) from ACT_RU_INCIDENT")) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * What the incidents are: per type, activity and the first line of the message (up to 160 characters),
   * with how many; so that a failed check names its cause.
   */
  public Map<String, Long> incidentSummary(Connection connection) throws SQLException {
    Map<String, Long> summary = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
        "select INCIDENT_TYPE_, ACTIVITY_ID_, INCIDENT_MSG_ from ACT_RU_INCIDENT order by INCIDENT_TIMESTAMP_")) {
      while (rows.next()) {
        String message = rows.getString(3) == null ? "" : rows.getString(3).lines().findFirst().orElse("");
        String key = rows.getString(1) + " at " + rows.getString(2) + ": "
            + (message.length() > 160 ? message.substring(0, 160) + "…" : message);
        summary.merge(key, 1L, Long::sum);
      }
    }
    return summary;
  }

  public Connection connect() throws SQLException {
    return database.connect();
  }

  /**
   * Exactly once: every distinct source + external id produced has one submission and one lead, none is
   * missing, none doubled, none unexpected; plus the stages the leads stand in (INVALID = closed invalid).
   */
  public Map<String, Object> correctness(IntakeTraffic.Batch batch) throws SQLException {
    List<String> sources = batch.mix.sources();
    Set<String> produced = new HashSet<>();
    batch.leads.forEach(lead -> produced.add(LeadMix.key(lead)));
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("distinctProduced", produced.size());
    check.put("exactDuplicatesProduced", batch.duplicates);
    check.put("poisonProduced", batch.poison);
    check.put("engagementEventsProduced", batch.events);
    try (Connection connection = database.connect()) {
      for (String table : List.of("lead_submission", "lead")) {
        Map<String, Integer> rows = keyCounts(connection, table, sources);
        Set<String> missing = new HashSet<>(produced);
        missing.removeAll(rows.keySet());
        Set<String> unexpected = new HashSet<>(rows.keySet());
        unexpected.removeAll(produced);
        long doubled = rows.values().stream().filter(count -> count > 1).count();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("rows", rows.values().stream().mapToInt(Integer::intValue).sum());
        result.put("missing", missing.size());
        result.put("doubled", doubled);
        result.put("unexpected", unexpected.size());
        if (!missing.isEmpty()) {
          result.put("missingExamples", missing.stream().limit(5).toList());
        }
        check.put(table, result);
      }
      check.put("submissionOutcomes", grouped(connection, "select outcome, count(*) from lead_submission"
          + " where source in " + in(sources) + " group by outcome", sources));
      check.put("leadStages", grouped(connection, "select stage, count(*) from lead where source in " + in(sources)
          + " group by stage", sources));
    }
    return check;
  }

  public static boolean exactlyOnce(Map<String, Object> check) {
    for (String table : List.of("lead_submission", "lead")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> result = (Map<String, Object>) check.get(table);
      if (((Number) result.get("missing")).longValue() != 0 || ((Number) result.get("doubled")).longValue() != 0
          || ((Number) result.get("unexpected")).longValue() != 0) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Integer> keyCounts(Connection connection, String table, List<String> sources)
      throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (PreparedStatement statement = connection.prepareStatement("select source, external_id, count(*) from "
        + table + " where source in " + in(sources) + " group by source, external_id")) {
      bind(statement, sources);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1) + ":" + rows.getString(2), rows.getInt(3));
        }
      }
    }
    return counts;
  }

  private static Map<String, Long> grouped(Connection connection, String sql, List<String> sources)
      throws SQLException {
    Map<String, Long> groups = new LinkedHashMap<>();
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, sources);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          groups.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return groups;
  }

  /**
   * For every hand-raiser of the run whose SDR task exists: produce timestamp to the task's creation
   * ({@code SlaStarted} of type {@code SDR_CALL_ATTEMPT}, first per lead), in ms.
   */
  List<Long> handRaiserLatencies(IntakeTraffic.Batch batch) throws Exception {
    List<String> sources = batch.mix.sources();
    Map<String, Long> firstTask = new HashMap<>();
    String sql = "select l.source, l.external_id, o.payload from lead l join lead_event_outbox o on o.lead_id = l.id"
        + " and o.event_type = 'SlaStarted' where l.intent = ? and l.source in " + in(sources);
    try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, LeadMix.HAND_RAISER_INTENT);
      for (int i = 0; i < sources.size(); i++) {
        statement.setString(i + 2, sources.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          JsonNode data = json.readTree(rows.getString(3)).path("data");
          if (data.path("slaType").asText().equals("SDR_CALL_ATTEMPT")) {
            long startedAt = Instant.parse(data.path("startedAt").asText()).toEpochMilli();
            firstTask.merge(rows.getString(1) + ":" + rows.getString(2), startedAt, Math::min);
          }
        }
      }
    }
    List<Long> latencies = new ArrayList<>();
    firstTask.forEach((key, startedAt) -> {
      Long produced = batch.producedAtMs.get(key);
      if (produced != null) {
        latencies.add(startedAt - produced);
      }
    });
    Collections.sort(latencies);
    return latencies;
  }

  /** Fractional-second digits of the candidate clocks of the SDR task on this database. */
  Map<String, Object> precisionOfClocks() throws SQLException {
    Map<String, Object> precision = new LinkedHashMap<>();
    String sql = "select table_name, column_name, datetime_precision from information_schema.columns"
        + " where table_schema = database() and ((table_name = 'ACT_RU_TASK' and column_name = 'CREATE_TIME_')"
        + " or (table_name = 'ACT_HI_TASKINST' and column_name = 'START_TIME_')"
        + " or (table_name = 'lead_sla' and column_name = 'started_at'))";
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          precision.put(rows.getString(1) + "." + rows.getString(2) + " declared digits", rows.getInt(3));
        }
      }
      try (ResultSet row = statement.executeQuery(
          "select count(*), sum(microsecond(started_at) <> 0) from lead_sla")) {
        row.next();
        precision.put("lead_sla.started_at rows with a non-zero fraction", row.getLong(2) + " of " + row.getLong(1));
      }
    }
    precision.put("used", "lead_event_outbox.payload SlaStarted data.startedAt (JSON, milliseconds)");
    return precision;
  }
}
