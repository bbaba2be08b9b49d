package uk.cspr.webapps;

import java.util.List;
import java.util.function.Function;

/**
 * Rows for a spreadsheet (RFC 4180). A text cell a spreadsheet would read as a formula (starting
 * with = + - @) is given a leading apostrophe, so a case file's text never runs as one.
 */
final class Csv {

  record Column<T>(String header, Function<T, Object> value) {}

  private Csv() {}

  static <T> String of(List<Column<T>> columns, List<T> rows) {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", columns.stream().map(c -> cell(c.header())).toList())).append("\r\n");
    for (T row : rows) {
      csv.append(String.join(",", columns.stream().map(c -> cell(c.value().apply(row))).toList())).append("\r\n");
    }
    return csv.toString();
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
