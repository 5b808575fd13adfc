package org.leadflow.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/** The indexes of a table as the JDBC driver reports them (H2 and MySQL/MariaDB alike). */
public final class IndexCatalogue {

  private IndexCatalogue() {
  }

  /** Index name (upper case) to its columns in order (upper case). */
  public static Map<String, List<String>> indexesOf(DataSource dataSource, String table) throws SQLException {
    Map<String, List<String>> indexes = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), null, table, false, false)) {
        while (rows.next()) {
          String name = rows.getString("INDEX_NAME");
          String column = rows.getString("COLUMN_NAME");
          if (name == null || column == null) {
            continue;   // table statistics rows
          }
          List<String> columns = indexes.computeIfAbsent(name.toUpperCase(Locale.ROOT), n -> new ArrayList<>());
          int position = rows.getShort("ORDINAL_POSITION");
          while (columns.size() < position) {
            columns.add(null);
          }
          columns.set(position - 1, column.toUpperCase(Locale.ROOT));
        }
      }
    }
    return indexes;
  }
}
