package org.leadflow.reports;

import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code lead.reports.rebuild-rollups=true}: every rollup row (all ten tables, every slice kind) deleted and
 * computed again from the read model by {@link RollupRebuild} when the app starts, right after its Flyway
 * migrations and so before the Kafka listeners and the job executor write (README "Reports"). One node at a
 * time, the others stopped; then start without the property. One transaction: a failed rebuild leaves the rows
 * as they were. Spring Boot hands every {@code Callback} bean to the app's Flyway.
 */
@Component
@ConditionalOnProperty(name = "lead.reports.rebuild-rollups", havingValue = "true")
class RollupRebuildAtStart extends BaseCallback {

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return false;   // its own transaction, below
  }

  @Override
  public void handle(Event event, Context context) {
    Connection connection = context.getConnection();
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        RollupRebuild.everyKind(connection).rebuild();   // logs rows and seconds
        connection.commit();
      } catch (SQLException | RuntimeException failed) {
        connection.rollback();
        throw failed;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException failed) {
      throw new FlywayException("The rollup rebuild (lead.reports.rebuild-rollups) failed", failed);
    }
  }
}
