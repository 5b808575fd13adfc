package org.leadflow.reports;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded CSV (RFC 4180, header row naming the JSON fields, any order, case ignored) into rows
 * of values by field, each with its row number (header = row 1). Unknown or missing columns are errors
 * of row 1.
 */
final class CsvRows {

  record Row(int number, Map<String, String> values) {
    String get(String field) {
      String value = values.get(field);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  private CsvRows() {}

  static List<Row> parse(String body, List<String> fields, Set<String> required) {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
        .setTrim(true).get();
    List<RowError> errors = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(body == null ? "" : body.replace("\uFEFF", "")), format)) {
      Map<String, String> columns = new LinkedHashMap<>();   // lower-case name -> header as sent
      for (String header : parser.getHeaderNames()) {
        String field = fields.stream().filter(f -> f.equalsIgnoreCase(header.strip())).findFirst().orElse(null);
        if (field == null) {
          errors.add(new RowError(1, header, "unknown column; the columns are " + String.join(", ", fields)));
        } else {
          columns.put(field, header);
        }
      }
      required.stream().filter(field -> !columns.containsKey(field))
          .forEach(field -> errors.add(new RowError(1, field, "column missing")));
      if (!errors.isEmpty()) {
        throw new InvalidUploadException(errors);
      }
      for (CSVRecord record : parser) {
        int number = (int) record.getRecordNumber() + 1;
        if (record.size() != parser.getHeaderNames().size()) {
          errors.add(new RowError(number, "row", "has " + record.size() + " values, the header "
              + parser.getHeaderNames().size()));
          continue;
        }
        Map<String, String> values = new LinkedHashMap<>();
        columns.forEach((field, header) -> values.put(field, record.get(header)));
        rows.add(new Row(number, values));
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      errors.add(new RowError(1, "body", "is not readable CSV: " + e.getMessage()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidUploadException(errors);
    }
    if (rows.isEmpty()) {
      throw new InvalidUploadException(List.of(new RowError(2, "row", "no data rows after the header")));
    }
    return rows;
  }
}
