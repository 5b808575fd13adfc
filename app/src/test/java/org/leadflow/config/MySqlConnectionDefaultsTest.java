package org.leadflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

class MySqlConnectionDefaultsTest {

  @Test
  void aMySqlPoolSearchesOnlyItsOwnDatabaseKeepsParsedStatementsAndRewritesBatches() {
    HikariDataSource pool = pool("jdbc:mysql://127.0.0.1:3306/leadflow?sendFractionalSeconds=false");

    new MySqlConnectionDefaults().postProcessAfterInitialization(pool, "dataSource");

    assertThat(pool.getDataSourceProperties()).containsEntry("nullDatabaseMeansCurrent", "true")
        .containsEntry("cachePrepStmts", "true").containsEntry("prepStmtCacheSize", "500")
        .containsEntry("rewriteBatchedStatements", "true");
  }

  @Test
  void whatTheUrlOrTheConfigurationSaysWins() {
    HikariDataSource pool = pool("jdbc:mysql://127.0.0.1:3306/leadflow?cachePrepStmts=false");
    pool.addDataSourceProperty("prepStmtCacheSize", "50");

    MySqlConnectionDefaults.apply(pool);

    assertThat(pool.getDataSourceProperties()).doesNotContainKey("cachePrepStmts")
        .containsEntry("prepStmtCacheSize", "50").containsEntry("nullDatabaseMeansCurrent", "true");
  }

  @Test
  void anH2PoolGetsNoneOfThem() {
    HikariDataSource pool = pool("jdbc:h2:mem:leadflow;MODE=MySQL");

    MySqlConnectionDefaults.apply(pool);

    assertThat(pool.getDataSourceProperties()).isEmpty();
  }

  private static HikariDataSource pool(String url) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    return pool;
  }
}
