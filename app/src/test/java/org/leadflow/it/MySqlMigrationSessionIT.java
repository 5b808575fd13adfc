package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The app's migrations run with large temporary tables on MySQL/MariaDB (the report backfills' {@code group by}),
 * and the connection goes back to the pool with the server's defaults.
 */
class MySqlMigrationSessionIT extends IntegrationTestBase {

  @Autowired DataSource dataSource;
  @Autowired List<Callback> flywayCallbacks;

  @Test
  void aMigrationRunsWithLargeTemporaryTablesAndItsConnectionGetsTheDefaultsBack() throws Exception {
    String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
    assumeTrue(url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"), "MySQL's session variables");
    String history = "it_migration_session_" + unique().replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    AtomicLong seenByTheMigration = new AtomicLong();
    try (Connection pooled = dataSource.getConnection()) {
      // given: one pooled connection, so that the test reads the session Flyway used
      SingleConnectionDataSource single = new SingleConnectionDataSource(pooled, true);
      // when: a migration runs through the app's Flyway callbacks
      Flyway.configure().dataSource(single).table(history).locations("classpath:none-" + history)
          .baselineOnMigrate(true).baselineVersion("0").callbacks(flywayCallbacks.toArray(Callback[]::new))
          .javaMigrations(new V1__ReadsItsSession(seenByTheMigration))
          .load().migrate();
      // then: 256 MB while it ran, the server's default afterwards
      assertThat(seenByTheMigration.get()).isEqualTo(256L * 1024 * 1024);
      assertThat(sessionTemporaryTableSize(pooled)).isEqualTo(globalTemporaryTableSize(pooled))
          .isNotEqualTo(256L * 1024 * 1024);
    } finally {
      jdbc.execute("drop table if exists " + history);
    }
  }

  /** Records the temporary table size its own session has. */
  static class V1__ReadsItsSession extends BaseJavaMigration {
    private final AtomicLong seen;

    V1__ReadsItsSession(AtomicLong seen) {
      this.seen = seen;
    }

    @Override
    public void migrate(Context context) throws Exception {
      seen.set(sessionTemporaryTableSize(context.getConnection()));
    }
  }

  private static long sessionTemporaryTableSize(Connection connection) throws Exception {
    return longOf(connection, "select @@session.tmp_table_size");
  }

  private static long globalTemporaryTableSize(Connection connection) throws Exception {
    return longOf(connection, "select @@global.tmp_table_size");
  }

  private static long longOf(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
