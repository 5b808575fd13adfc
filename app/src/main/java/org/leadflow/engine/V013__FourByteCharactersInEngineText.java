package org.leadflow.engine;

import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On MySQL and MariaDB, lets the engine's text columns that hold what people type take any Unicode
 * character. Camunda's MySQL scripts create every table with {@code CHARSET=utf8} (at most three bytes per
 * character), so an emoji in a call note, a handover note, a task comment or a lead's field that reaches a
 * variable failed the transaction ("Incorrect string value", found by HostileInputIT on MariaDB): the Tasklist
 * completion or the capture answered 500. Only these value columns change, to {@code utf8mb4} with the binary
 * collation the engine expects (ids, names and keys stay as Camunda made them, so no index grows). H2 stores
 * Unicode as it is: nothing to do there.
 */
// the class name is the migration: Flyway reads version 013 and its description from it
public class V013__FourByteCharactersInEngineText extends BaseJavaMigration {

  /** table, column, type as Camunda 7.24 creates it. */
  static final List<String[]> COLUMNS = List.of(
      new String[] {"ACT_RU_VARIABLE", "TEXT_", "varchar(4000)"},
      new String[] {"ACT_RU_VARIABLE", "TEXT2_", "varchar(4000)"},
      new String[] {"ACT_HI_VARINST", "TEXT_", "varchar(4000)"},
      new String[] {"ACT_HI_VARINST", "TEXT2_", "varchar(4000)"},
      new String[] {"ACT_HI_DETAIL", "TEXT_", "varchar(4000)"},
      new String[] {"ACT_HI_DETAIL", "TEXT2_", "varchar(4000)"},
      new String[] {"ACT_HI_DEC_IN", "TEXT_", "varchar(4000)"},
      new String[] {"ACT_HI_DEC_IN", "TEXT2_", "varchar(4000)"},
      new String[] {"ACT_HI_DEC_OUT", "TEXT_", "varchar(4000)"},
      new String[] {"ACT_HI_DEC_OUT", "TEXT2_", "varchar(4000)"},
      new String[] {"ACT_HI_COMMENT", "MESSAGE_", "varchar(4000)"},
      new String[] {"ACT_RU_TASK", "NAME_", "varchar(255)"},
      new String[] {"ACT_RU_TASK", "DESCRIPTION_", "varchar(4000)"},
      new String[] {"ACT_HI_TASKINST", "NAME_", "varchar(255)"},
      new String[] {"ACT_HI_TASKINST", "DESCRIPTION_", "varchar(4000)"},
      new String[] {"ACT_HI_OP_LOG", "ORG_VALUE_", "varchar(4000)"},
      new String[] {"ACT_HI_OP_LOG", "NEW_VALUE_", "varchar(4000)"});

  @Override
  public void migrate(Context context) throws Exception {
    String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
    if (!product.contains("mysql") && !product.contains("mariadb")) {
      return;
    }
    try (Statement statement = context.getConnection().createStatement()) {
      for (String[] column : COLUMNS) {
        statement.execute("alter table " + column[0] + " modify " + column[1] + " " + column[2]
            + " character set utf8mb4 collate utf8mb4_bin");
      }
    }
  }
}
