package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumSet;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.leadflow.reports.RollupRebuild;

/**
 * Daily rollups of speed to lead and SLA compliance (README "Reports"; V019 has the pass, recycle, quality and
 * duration rollups): /api/reports/speed-to-lead and /sla sum a few thousand rows per year instead of reading
 * report_first_contact or lead_sla with lead per request. Maintained by ReportProjection (contacted, timed,
 * slaMoved, assigned) through RollupDeltas; read by ReportMapper.xml.
 * Slices (dim, dim_value) and bases as in V019: basis 'C' (cohort) counts on the lead's capture day, 'E'
 * (event) on the day of the first contact / the day the SLA clock started.
 *
 * <p>report_daily_contact: first contacts per bucket of their working time from capture ({@code
 * DurationHistogram}, the stage times' 10 % log buckets; -1 while FirstContactBackfill has not computed it).
 * The cohort's leads (contacted or not) are the quality rollup's (report_daily_quality).
 *
 * <p>report_daily_sla: SLA clocks per type: clocks, and of them met (closed without breach, whatever the outcome),
 * breached (a breach recorded) and still open; a state change moves the clock between the three (the row's key
 * does not change).
 *
 * <p>Backfill (in Java, not V019's grouped insert-selects over varchar(500) keys, which took 549.8 s at 100,000
 * leads): {@link RollupRebuild} ({@code CONTACTS}, every slice kind): the leads are read once in primary-key
 * chunks, each chunk's reps, first contacts and SLA clocks by lead-id range on their indexes; the rows are summed
 * in memory by key and upserted ({@code +=}) in multi-row statements whenever many keys are held and at the end.
 */
// the class name is the migration: Flyway reads version 020 and its description from it
public class V020__ReportContactAndSlaRollups extends BaseJavaMigration {

  private static final String[] TABLES = {
      "create table report_daily_contact (\n"
          + "  basis     char(1)      not null,\n"
          + "  dim       varchar(8)   not null,\n"
          + "  dim_value varchar(500) not null,\n"
          + "  on_day    date         not null,\n"
          + "  bucket    int          not null,\n"
          + "  leads     bigint       not null,\n"
          + "  primary key (basis, dim, dim_value, on_day, bucket))",
      "create table report_daily_sla (\n"
          + "  basis      char(1)      not null,\n"
          + "  dim        varchar(8)   not null,\n"
          + "  dim_value  varchar(500) not null,\n"
          + "  on_day     date         not null,\n"
          + "  sla_type   varchar(30)  not null,\n"
          + "  clocks     bigint       not null,\n"
          + "  met        bigint       not null,\n"
          + "  breached   bigint       not null,\n"
          + "  still_open bigint       not null,\n"
          + "  primary key (basis, dim, dim_value, on_day, sla_type))"};

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement statement = connection.createStatement()) {
      for (String table : TABLES) {
        statement.execute(table);
      }
    }
    RollupRebuild.everyKind(connection).backfill(EnumSet.of(RollupRebuild.Part.CONTACTS));
  }
}
