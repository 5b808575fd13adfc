package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.leadflow.engine.EngineSchemaMigrations;
import org.leadflow.engine.IndexCatalogue;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app as started on a fresh database (H2, or MariaDB with -Pmysql): the app's Flyway chain ran
 * before the engine existed, the engine created its tables, and the engine-table migrations added the
 * indexes the job executor's acquisition and task completion need.
 */
class EngineIndexesIT extends IntegrationTestBase {

  @Autowired DataSource dataSource;

  @Test
  void theJobTableHasAnIndexForAcquisitionByDueDate() throws Exception {
    assertThat(IndexCatalogue.indexesOf(dataSource, "ACT_RU_JOB")).containsEntry("LEADFLOW_IDX_JOB_ACQUISITION",
        List.of("SUSPENSION_STATE_", "DUEDATE_", "RETRIES_"));
  }

  @Test
  void theTaskTableHasAnIndexOnTheParentTask() throws Exception {
    assertThat(IndexCatalogue.indexesOf(dataSource, "ACT_RU_TASK")).containsEntry("LEADFLOW_IDX_TASK_PARENT_TASK",
        List.of("PARENT_TASK_ID_"));
  }

  @Test
  void aRestartAppliesNothingTwice() {
    MigrateResult again = EngineSchemaMigrations.migrate(dataSource);

    assertThat(again.migrationsExecuted).isZero();
    assertThat(Arrays.stream(EngineSchemaMigrations.flyway(dataSource).info().applied())
        .filter(migration -> migration.getVersion() != null && "012".equals(migration.getVersion().getVersion())))
        .hasSize(1);
  }
}
