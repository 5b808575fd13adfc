package org.leadflow.reports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A report's main table as CSV (RFC 4180: a header row, CRLF line ends, fields with a comma, quote or
 * line break in double quotes, quotes doubled; null is an empty field, numbers in plain notation).
 * {@link #respond} answers a report request: the JSON body, or with {@code format=csv} this table as an
 * attachment {@code <name>-<from>-<to>.csv}.
 */
public final class ReportTable {

  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final List<String> columns;
  private final List<List<?>> rows = new ArrayList<>();

  public ReportTable(String... columns) {
    this.columns = List.of(columns);
  }

  /** Appends a row; one value per column. */
  public ReportTable row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException("row " + Arrays.toString(values) + " does not fit " + columns);
    }
    rows.add(Arrays.asList(values));
    return this;
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<?>> rows() {
    return rows;
  }

  public String toCsv() {
    StringBuilder csv = new StringBuilder();
    line(csv, columns);
    rows.forEach(row -> line(csv, row));
    return csv.toString();
  }

  /** The JSON body, or the table as a CSV attachment when the filter says {@code format=csv}. */
  public static ResponseEntity<?> respond(ReportFilter filter, String name, Object body, ReportTable table) {
    if (!filter.csv()) {
      return ResponseEntity.ok(body);
    }
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + name + "-" + filter.from() + "-" + filter.to() + ".csv\"")
        .body(table.toCsv());
  }

  private static void line(StringBuilder csv, List<?> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(field(values.get(i)));
    }
    csv.append("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value instanceof BigDecimal decimal ? decimal.toPlainString()
        : value instanceof Double number ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
        : value.toString();
    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
