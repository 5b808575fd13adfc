package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.task.Task;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.leadflow.engine.EngineSchemaMigrations;
import org.leadflow.engine.IndexCatalogue;
import org.leadflow.process.LeadVariables;
import org.leadflow.process.SdrQualification;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app as started on a fresh database (H2, or MariaDB with -Pmysql): the app's Flyway chain ran
 * before the engine existed, the engine created its tables, and the engine-table migrations added the
 * indexes the job executor's acquisition and task completion need, and (on MySQL and MariaDB) four-byte
 * characters in the columns that hold what people type.
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
  void theTaskTableHasAnIndexOnTheDueDateForTheQueuesFirstPage() throws Exception {
    assertThat(IndexCatalogue.indexesOf(dataSource, "ACT_RU_TASK")).containsEntry("LEADFLOW_IDX_TASK_DUE_DATE",
        List.of("DUE_DATE_"));
  }

  @Test
  void whatPeopleTypeKeepsCharactersBeyondThreeBytesOnMySql() {
    // a call note with an emoji, as an SDR types it in Tasklist: Camunda's MySQL tables are utf8 (3 bytes)
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task task = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    String note = "Called twice \uD83D\uDCDE, will try again \uD83D\uDE80";

    tasks.setVariable(task.getId(), LeadVariables.CALL_NOTES.name(), note);
    tasks.createComment(task.getId(), task.getProcessInstanceId(), note);

    assertThat(tasks.getVariable(task.getId(), LeadVariables.CALL_NOTES.name())).isEqualTo(note);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName(LeadVariables.CALL_NOTES.name()).singleResult().getValue()).isEqualTo(note);
    assertThat(tasks.getTaskComments(task.getId())).extracting(comment -> comment.getFullMessage()).contains(note);
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
