package org.leadflow.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Larger in-memory temporary tables for the app's migrations on MySQL and MariaDB, and only for them.
 *
 * <p>The report backfills (V014, V019) are {@code insert … select … group by} over a million leads' history, and
 * the server's temporary table for such a {@code group by} moves to disk at 16 MB ({@code tmp_table_size},
 * {@code max_heap_table_size}): measured on one of V019's statements at 100,000 leads, 39 s with the defaults and
 * 23 s with 256 MB (BENCHMARKS.md, reports). A migration's session gets 256 MB before it runs and the server's
 * defaults back after it, on the connection that ran it, so that the pool does not hand the app a connection
 * with them. A cap, not an allocation: a temporary table takes the memory its rows need.
 *
 * <p>Spring Boot hands every {@code Callback} bean to the app's Flyway; the engine's own migrations
 * ({@code EngineSchemaMigrations}) are schema changes only and do not use it.
 */
@Component
class MySqlMigrationSession extends BaseCallback {

  private static final Logger log = LoggerFactory.getLogger(MySqlMigrationSession.class);
  static final long TEMPORARY_TABLE_BYTES = 256L * 1024 * 1024;

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
        || event == Event.AFTER_EACH_MIGRATE_ERROR;
  }

  @Override
  public void handle(Event event, Context context) {
    Connection connection = context.getConnection();
    try {
      if (!isMySql(connection)) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        if (event == Event.BEFORE_EACH_MIGRATE) {
          statement.execute("set session tmp_table_size = " + TEMPORARY_TABLE_BYTES
              + ", max_heap_table_size = " + TEMPORARY_TABLE_BYTES);
          log.debug("Migration {} on connection {} with {} bytes of temporary table", version(context),
              connectionId(statement), TEMPORARY_TABLE_BYTES);
        } else {
          statement.execute("set session tmp_table_size = default, max_heap_table_size = default");
        }
      }
    } catch (SQLException failed) {
      throw new FlywayException("Could not set the migration session's temporary table size", failed);
    }
  }

  @Override
  public String getCallbackName() {
    return "leadflow-mysql-migration-session";
  }

  private static boolean isMySql(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    return product != null && (product.equalsIgnoreCase("MySQL") || product.equalsIgnoreCase("MariaDB"));
  }

  private static String version(Context context) {
    return context.getMigrationInfo() == null ? "?" : String.valueOf(context.getMigrationInfo().getVersion());
  }

  private static long connectionId(Statement statement) throws SQLException {
    try (ResultSet id = statement.executeQuery("select connection_id()")) {
      return id.next() ? id.getLong(1) : -1;
    }
  }
}
