package org.leadflow.bench.timers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database under test: DB_URL, DB_USER, DB_PASSWORD, else what {@code bash .ci/run --db-only} wrote.
 * Public for the intake and Tasklist benchmarks, which boots the engine the same way.
 */
public record Database(String url, String user, String password) {

  static final Path CI_ENV_FILE = Path.of("/tmp/leadflow-ci-db.env");

  public static Database fromEnvironment() throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    if (System.getenv("DB_URL") == null && Files.isReadable(CI_ENV_FILE)) {
      for (String line : Files.readAllLines(CI_ENV_FILE)) {   // export NAME='value'
        String assignment = line.replaceFirst("^export\\s+", "");
        int equals = assignment.indexOf('=');
        if (equals > 0) {
          values.put(assignment.substring(0, equals), assignment.substring(equals + 1).replaceAll("^'|'$", ""));
        }
      }
    }
    System.getenv().forEach((name, value) -> {
      if (name.startsWith("DB_")) {
        values.put(name, value);
      }
    });
    String url = values.get("DB_URL");
    if (url == null) {
      throw new IOException("no database: set DB_URL, DB_USER, DB_PASSWORD or run `bash .ci/run --db-only` first");
    }
    return new Database(url, values.getOrDefault("DB_USER", ""), values.getOrDefault("DB_PASSWORD", ""));
  }

  public boolean isMySql() {
    return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** A fresh schema: every table of the database dropped (the engine creates its own again). */
  public void dropAllTables() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      if (!isMySql()) {
        statement.execute("drop all objects");
        return;
      }
      List<String> tables = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(
          "select table_name from information_schema.tables where table_schema = database()")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      statement.execute("set foreign_key_checks = 0");
      for (String table : tables) {
        statement.execute("drop table `" + table + "`");
      }
      statement.execute("set foreign_key_checks = 1");
    }
  }

  /**
   * The same server and credentials, another database: the JDBC URL's path replaced by {@code name}
   * (MySQL/MariaDB URLs only), so a benchmark never writes into a database others use.
   */
  public Database withDatabaseName(String name) {
    return new Database(url.replaceFirst("^(jdbc:[a-z]+://[^/]+/)[^?]*", "$1" + name), user, password);
  }

  /** The runtime tables of an instance waiting at an SLA timer, parents first; and their id columns. */
  private static final Map<String, List<String>> RUNTIME_TABLES = new LinkedHashMap<>();

  static {
    RUNTIME_TABLES.put("ACT_RU_EXECUTION", List.of("ID_", "ROOT_PROC_INST_ID_", "PROC_INST_ID_", "PARENT_ID_",
        "SUPER_EXEC_", "BUSINESS_KEY_"));
    RUNTIME_TABLES.put("ACT_RU_TASK", List.of("ID_", "EXECUTION_ID_", "PROC_INST_ID_", "PARENT_TASK_ID_"));
    RUNTIME_TABLES.put("ACT_RU_IDENTITYLINK", List.of("ID_", "TASK_ID_"));
    RUNTIME_TABLES.put("ACT_RU_VARIABLE", List.of("ID_", "EXECUTION_ID_", "PROC_INST_ID_", "VAR_SCOPE_"));
    RUNTIME_TABLES.put("ACT_RU_JOB", List.of("ID_", "EXECUTION_ID_", "PROCESS_INSTANCE_ID_", "ROOT_PROC_INST_ID_"));
  }

  /**
   * Multiplies the waiting instances the engine created: {@code copies} copies of every row of the runtime
   * tables (executions, tasks, candidate groups, variables, timer jobs), each copy with its own ids
   * ({@code <id>-<copy>}) and its timers due {@code copy} days later. The job table then holds what the
   * engine would have written for that many instances, in seconds instead of an hour on a shared 2-core
   * machine; history rows are not copied (the copies never fire).
   */
  void copyWaitingInstances(int copies) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("set foreign_key_checks = 0");   // a copied child may precede its copied parent
      createCopyTable(statement, copies);
      for (Map.Entry<String, List<String>> table : RUNTIME_TABLES.entrySet()) {
        List<String> columns = columns(statement, table.getKey());
        List<String> expressions = columns.stream().map(column -> table.getValue().contains(column)
            ? "concat(" + column + ", '-', bench_copy.n)"
            : column.equals("DUEDATE_") ? "date_add(DUEDATE_, interval bench_copy.n day)" : column).toList();
        statement.execute("insert into " + table.getKey() + " (" + String.join(", ", columns) + ") select "
            + String.join(", ", expressions) + " from " + table.getKey() + " cross join bench_copy");
      }
      statement.execute("drop temporary table bench_copy");
      statement.execute("set foreign_key_checks = 1");
    }
  }

  /**
   * How MySQL/MariaDB plans the core of the acquisition query (Job.xml selectNextJobsToExecute without the
   * exclusive-job sub-select): the index it picks, the rows it expects to read, sorting or not.
   */
  Map<String, Object> explainAcquisition(boolean byDueDate) throws SQLException {
    Map<String, Object> plan = new LinkedHashMap<>();
    if (!isMySql()) {
      return plan;
    }
    String sql = "explain select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_"
        + " from ACT_RU_JOB RES where (RES.RETRIES_ > 0) and (RES.DUEDATE_ is null or RES.DUEDATE_ <= now())"
        + " and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1"
        + (byDueDate ? " order by RES.DUEDATE_ asc" : "") + " limit 3";
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      if (row.next()) {
        plan.put("type", row.getString("type"));
        plan.put("key", row.getString("key"));
        plan.put("rows", row.getLong("rows"));
        plan.put("extra", row.getString("Extra"));
      }
    }
    return plan;
  }

  /** A temporary table {@code bench_copy(n)} holding 1 to {@code copies}: cross-joined, it numbers the copies. */
  public static void createCopyTable(Statement statement, int copies) throws SQLException {
    statement.execute("create temporary table bench_copy (n int primary key)");
    StringBuilder values = new StringBuilder();
    for (int n = 1; n <= copies; n++) {
      values.append(n == 1 ? "" : ",").append('(').append(n).append(')');
    }
    statement.execute("insert into bench_copy (n) values " + values);
  }

  /** The columns of {@code table} in the current database, in their order. */
  public static List<String> columns(Statement statement, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery("select column_name from information_schema.columns"
        + " where table_schema = database() and table_name = '" + table + "' order by ordinal_position")) {
      while (rows.next()) {
        columns.add(rows.getString(1));
      }
    }
    return columns;
  }
}
