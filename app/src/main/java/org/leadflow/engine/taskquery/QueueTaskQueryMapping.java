package org.leadflow.engine.taskquery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Routes the engine's task list statement through {@link QueueTaskQuery#STATEMENT}: adds our mapper
 * ({@code QueueTaskQuery.xml}) to the engine's MyBatis configuration and maps the statement id in the engine's
 * {@link DbSqlSessionFactory}, whose {@code mapStatement} every statement of a {@code DbSqlSession} goes through.
 * The statement takes the fast SQL for a work queue's shape only and the engine's own SQL for every other query.
 *
 * <p>Why {@code org.camunda.bpm.engine.impl}: there is no public way to change the SQL of a task query (see
 * {@link QueueTaskQuery}). {@code postInit} runs after the engine built its MyBatis configuration and session
 * factories and before it serves a query.
 */
@Component
class QueueTaskQueryMapping extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(QueueTaskQueryMapping.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl engine) {
    DbSqlSessionFactory sessions = engine.getDbSqlSessionFactory();
    Map<String, String> engineMappings = sessions.getStatementMappings();
    if (engineMappings != null && engineMappings.containsKey(QueueTaskQuery.ENGINE_STATEMENT)) {
      // the engine has SQL of its own for this database: ours would replace it, so the engine's SQL stays
      log.warn("Task queue query not installed: the engine maps {} to {} on {}", QueueTaskQuery.ENGINE_STATEMENT,
          engineMappings.get(QueueTaskQuery.ENGINE_STATEMENT), sessions.getDatabaseType());
      return;
    }
    Configuration mybatis = engine.getSqlSessionFactory().getConfiguration();
    if (!mybatis.isResourceLoaded(QueueTaskQuery.MAPPER_RESOURCE)) {
      // read where the mapper is parsed, like the engine's own ${prefix} and ${limitBefore}
      Properties variables = mybatis.getVariables() == null ? new Properties() : mybatis.getVariables();
      variables.setProperty(QueueTaskQuery.PREFIX_VARIABLE, statementPrefix(engine));
      mybatis.setVariables(variables);
      try (InputStream xml = QueueTaskQuery.class.getClassLoader().getResourceAsStream(QueueTaskQuery.MAPPER_RESOURCE)) {
        if (xml == null) {
          throw new IllegalStateException("Missing " + QueueTaskQuery.MAPPER_RESOURCE);
        }
        new XMLMapperBuilder(xml, mybatis, QueueTaskQuery.MAPPER_RESOURCE, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // the engine's map is shared by every engine of the database type (a static): ours is a copy
    Map<String, String> mappings = engineMappings == null ? new HashMap<>() : new HashMap<>(engineMappings);
    mappings.put(QueueTaskQuery.ENGINE_STATEMENT, QueueTaskQuery.STATEMENT);
    sessions.setStatementMappings(mappings);
    log.info("Task queue query installed for {} ({})", engine.getDatabaseType(), engine.getDatabaseVersion());
  }

  /**
   * On MariaDB, no materialisation of semi-joins for the queue's statement (MariaDB's own per-statement setting;
   * MySQL rejects the syntax, and reads the hint in the statement instead).
   */
  static String statementPrefix(ProcessEngineConfigurationImpl engine) {
    boolean mariaDb = "mariadb".equalsIgnoreCase(engine.getDatabaseType())
        || String.valueOf(engine.getDatabaseVendor()).toLowerCase(Locale.ROOT).contains("mariadb")
        || String.valueOf(engine.getDatabaseVersion()).toLowerCase(Locale.ROOT).contains("mariadb");
    return mariaDb ? "SET STATEMENT optimizer_switch='materialization=off' FOR" : "";
  }
}
