package org.leadflow.config;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connector/J settings leadflow needs on MySQL and MariaDB, whichever profile points the pool there
 * ({@code mysql}, or the integration tests with a server's {@code DB_URL}); other databases get nothing.
 * A setting named in the URL or in {@code spring.datasource.hikari.data-source-properties} wins.
 *
 * <ul>
 *   <li>{@code nullDatabaseMeansCurrent}: the engine asks the JDBC metadata whether its tables exist without
 *       naming a database, and Connector/J then searches every database on the server; a second leadflow (or
 *       any Camunda) database on the same server made a fresh one look installed, and the engine failed on
 *       {@code ACT_GE_PROPERTY} at its first boot.
 *   <li>{@code cachePrepStmts} and its sizes: Connector/J parses a statement's SQL on every prepare unless it
 *       may keep it; a lead takes ~100 statements, and that parse was 11 % of the intake thread's CPU
 *       (BENCHMARKS.md, intake).
 *   <li>{@code rewriteBatchedStatements}: the engine flushes a command's writes as JDBC batches (Camunda's
 *       {@code jdbcBatchProcessing}, on by default), but Connector/J sends a batch one statement per round
 *       trip unless it may rewrite it: inserts into one table become one multi-row insert, updates and deletes
 *       one multi-statement packet. A new lead inserts ~11 {@code ACT_HI_ACTINST} rows, ~9 variables and their
 *       history in one flush. Optimistic locking still holds: a rewritten update batch reports each
 *       statement's row count, and where a driver reports none ({@code SUCCESS_NO_INFO}) for an update or
 *       delete the engine refuses the flush rather than miss a conflict (Camunda's {@code BatchDbSqlSession});
 *       a multi-row insert reports none, which the engine accepts for inserts.
 * </ul>
 */
@Component
class MySqlConnectionDefaults implements BeanPostProcessor {

  static final Map<String, String> DEFAULTS = Map.of(
      "nullDatabaseMeansCurrent", "true",
      "cachePrepStmts", "true",
      "prepStmtCacheSize", "500",
      "prepStmtCacheSqlLimit", "4096",
      "rewriteBatchedStatements", "true");

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool) {
      apply(pool);
    }
    return bean;
  }

  static void apply(HikariDataSource pool) {
    String url = pool.getJdbcUrl();
    if (url == null || !(url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:"))) {
      return;
    }
    DEFAULTS.forEach((name, value) -> {
      if (!url.contains(name + "=") && !pool.getDataSourceProperties().containsKey(name)) {
        pool.addDataSourceProperty(name, value);
      }
    });
  }
}
