package org.leadflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An existing installation: the engine created its schema long before this migration shipped. The
 * migration adds the indexes once, a second start changes nothing, and the engine's own schema update
 * still starts on the migrated tables.
 */
class EngineSchemaMigrationsTest {

  private final JdbcDataSource dataSource = new JdbcDataSource();
  private ProcessEngine engine;

  EngineSchemaMigrationsTest() {
    dataSource.setURL("jdbc:h2:mem:engine-first-" + System.nanoTime() + ";MODE=MySQL;DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void addsTheIndexesOnceToASchemaTheEngineCreatedFirst() throws Exception {
    engine = engineOn(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    assertThat(IndexCatalogue.indexesOf(dataSource, "ACT_RU_JOB")).doesNotContainKey("LEADFLOW_IDX_JOB_ACQUISITION");
    engine.close();
    engine = null;

    MigrateResult first = EngineSchemaMigrations.migrate(dataSource);
    MigrateResult second = EngineSchemaMigrations.migrate(dataSource);

    // V012 (the indexes), V013 (four-byte text on MySQL/MariaDB; nothing to change on H2, applied all the same)
    // and V014 (the task due-date index)
    assertThat(first.migrationsExecuted).isEqualTo(3);
    assertThat(first.targetSchemaVersion).isEqualTo("014");
    assertThat(second.migrationsExecuted).isZero();
    assertThat(IndexCatalogue.indexesOf(dataSource, "ACT_RU_JOB")).containsEntry("LEADFLOW_IDX_JOB_ACQUISITION",
        List.of("SUSPENSION_STATE_", "DUEDATE_", "RETRIES_"));
    assertThat(IndexCatalogue.indexesOf(dataSource, "ACT_RU_TASK")).containsEntry("LEADFLOW_IDX_TASK_PARENT_TASK",
        List.of("PARENT_TASK_ID_"));
    assertThat(IndexCatalogue.indexesOf(dataSource, "ACT_RU_TASK")).containsEntry("LEADFLOW_IDX_TASK_DUE_DATE",
        List.of("DUE_DATE_"));

    // the engine's schema update (and a strict schema check) accept the tables with the extra indexes
    engine = engineOn(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    engine.close();
    engine = engineOn(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    assertThat(engine.getManagementService().createJobQuery().count()).isZero();
  }

  private ProcessEngine engineOn(String schemaUpdate) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate(schemaUpdate);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("engine-first-" + System.nanoTime());
    return configuration.buildProcessEngine();
  }
}
