package org.leadflow.engine;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Our additions to the engine's own tables (indexes on ACT_*), migrated by Flyway right after the engine
 * created or updated its schema.
 *
 * <p>Why not a migration in {@code db/migration}: Spring Boot runs that Flyway chain when the first bean
 * that needs the database is created, which on a fresh database is before the process engine exists, so
 * an index on {@code ACT_RU_JOB} there fails with "table not found". Making that chain wait for the
 * engine would invert the order every other bean relies on (an engine plugin with a mapper would become
 * a dependency cycle). A process engine plugin's {@code postProcessEngineBuild} runs after the engine's
 * schema operation ({@code camunda.bpm.database.schema-update}) and before the job executor starts, on a
 * fresh database and on an existing one alike. Flyway (its own history table, its database lock) applies
 * each migration once, also when several nodes start together; the engine's schema update never sees a
 * half-migrated table.
 *
 * <p>Public engine API only, apart from the plugin base class the engine documents for plugins.
 */
@Component
public class EngineSchemaMigrations extends AbstractProcessEnginePlugin {

  /** Where the migrations live on the classpath (copied from {@code db/engine}). */
  public static final String LOCATION = "classpath:db/engine";
  /** Flyway's history of these migrations, apart from the app's {@code lead_schema_history}. */
  public static final String HISTORY_TABLE = "lead_engine_schema_history";

  private static final Logger log = LoggerFactory.getLogger(EngineSchemaMigrations.class);

  private final DataSource dataSource;

  public EngineSchemaMigrations(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    MigrateResult result = migrate(dataSource);
    log.info("Engine table migrations: {} applied, now at version {}", result.migrationsExecuted,
        result.targetSchemaVersion == null ? "(none)" : result.targetSchemaVersion);
  }

  /** Applies the migrations not applied yet to a database that holds the engine's tables. */
  public static MigrateResult migrate(DataSource dataSource) {
    return flyway(dataSource).migrate();
  }

  /** Flyway for these migrations on this database (also to ask what it applied). */
  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations(LOCATION)
        .javaMigrations(new V013__FourByteCharactersInEngineText())
        .table(HISTORY_TABLE)
        .baselineOnMigrate(true)   // the schema is never empty: the engine's tables are there
        .baselineVersion("0")      // so that V012 still runs
        .load();
  }
}
