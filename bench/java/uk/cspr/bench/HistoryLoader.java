package uk.cspr.bench;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Ten years of national history without ten years of work: the history of a few cases walked to their
 * closure is copied, row for row, as many times as closed cases are wanted. Each copy is a case of its own:
 * every instance id (of process instances, executions, activities, tasks, variables, details, byte arrays) gets
 * the copy's number, consistently across tables so that every reference between rows still holds; the case gets
 * a reference of its year; and every timestamp, date variable and ISO date in a string or a Json value moves
 * back by the same whole number of weeks (so a working day stays a weekday), spreading the copies over the
 * ten years before today.
 *
 * <p>Which columns are which comes from the database's own metadata, table by table, so that the copy follows
 * the engine's schema on H2 and PostgreSQL alike, and any column a later engine adds. What is not an instance
 * id keeps its value: activity ids ({@code ACT_ID_}, {@code *_ACT_ID_}, {@code ACTIVITY_ID_}), definitions
 * ({@code *_DEF_ID_}, {@code *_DEF_KEY_}), deployments, tenants, users and groups. Dates in words (a request's
 * {@code responseDueInWords}) and inside narrative answers keep the template's: only people read them.
 */
final class HistoryLoader {

  /** What the load did: how many cases it made, the rows it wrote (by table), and how long it took. */
  record Load(int copies, long rows, Duration took, Map<String, Long> rowsByTable, Map<String, Long> tableSizes,
      List<String> notCopied) {
  }

  /** One template's rows, by table, as read, with the bounds of its history. */
  private record Template(HistoryCases.Closed closed, Map<String, List<Object[]>> rows, LocalDateTime started,
      LocalDateTime ended) {
  }

  private record Table(String name, List<String> columns, List<Integer> types, boolean[] ids, int varType, int longValue) {
    String insert() {
      return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
          + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    }
  }

  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(T[0-9:.]+)?$");
  private static final Pattern UUID_NODE = Pattern.compile(
      "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-)[0-9a-f]{12}");
  private static final Pattern ISO_DATE_IN_JSON = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})");
  private static final Set<String> NOT_INSTANCE_IDS = Set.of("DEPLOYMENT_ID_", "TENANT_ID_", "GROUP_ID_",
      "ASSIGNER_ID_", "BATCH_ID_", "WORKER_ID_", "DEC_REQ_ID_");
  private static final Set<String> BYTE_ARRAY_REFERENCES = Set.of("BYTEARRAY_ID_", "CONTENT_ID_",
      "JOB_EXCEPTION_STACK_ID_", "ERROR_DETAILS_ID_");
  private static final int BATCH = 500;
  private static final int COPIES_PER_COMMIT = 10;

  private final DataSource database;

  /** @param database where to write, best a connection of its own tuned for batches (PostgreSQL: reWriteBatchedInserts) */
  HistoryLoader(DataSource database) {
    this.database = database;
  }

  /** Whether an id column names an instance of this case (and so is copied with the copy's number in it). */
  static boolean isInstanceId(String column) {
    String name = column.toUpperCase(Locale.ROOT);
    if (!(name.equals("ID_") || name.endsWith("_ID_") || name.endsWith("_ID"))) {
      return false;
    }
    return !(name.contains("DEF_ID") || name.equals("ACT_ID_") || name.endsWith("_ACT_ID_") || name.contains("ACTIVITY_ID")
        || name.endsWith("USER_ID_") || NOT_INSTANCE_IDS.contains(name));
  }

  /**
   * Copies the templates until {@code closedWanted} closed cases exist, their starts spread over the ten years
   * before {@code today}, each route as often as its share.
   */
  Load load(List<HistoryCases.Closed> closedCases, int closedWanted, LocalDate today, long seed) throws SQLException {
    long began = System.nanoTime();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      String schema = connection.getSchema();
      Map<String, Table> tables = new LinkedHashMap<>();
      List<String> notCopied = new ArrayList<>();
      Table byteArrays = null;
      Table caseReferences = null;
      for (String name : tableNames(connection.getMetaData(), schema)) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("act_hi_")) {
          Table table = table(connection.getMetaData(), schema, name);
          if (table.columns().stream().anyMatch(c -> c.equalsIgnoreCase("ROOT_PROC_INST_ID_"))) {
            tables.put(name, table);
          } else {
            notCopied.add(name); // batches, CMMN cases: nothing of a case's own
          }
        } else if (lower.equals("act_ge_bytearray")) {
          byteArrays = table(connection.getMetaData(), schema, name);
        } else if (lower.equals("cspr_case_reference")) {
          caseReferences = table(connection.getMetaData(), schema, name);
        }
      }
      if (byteArrays == null || caseReferences == null) {
        throw new IllegalStateException("No act_ge_bytearray or cspr_case_reference in schema " + schema);
      }
      List<Template> templates = new ArrayList<>();
      for (HistoryCases.Closed closed : closedCases) {
        templates.add(read(connection, closed, tables, byteArrays, caseReferences));
      }
      long closedNow = count(connection, "SELECT COUNT(*) FROM " + find(tables, "act_hi_procinst").name()
          + " WHERE PROC_DEF_KEY_ = 'cspr-case' AND END_TIME_ IS NOT NULL");
      int copies = (int) Math.max(0, closedWanted - closedNow);
      Set<String> references = new HashSet<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT reference FROM " + caseReferences.name())) {
        while (rows.next()) {
          references.add(rows.getString(1));
        }
      }

      Map<String, Table> writable = new LinkedHashMap<>(tables);
      writable.put(byteArrays.name(), byteArrays);
      writable.put(caseReferences.name(), caseReferences);
      Map<String, PreparedStatement> inserts = new HashMap<>();
      Map<String, Integer> pending = new HashMap<>();
      Map<String, Long> written = new TreeMap<>();
      for (Table table : writable.values()) {
        inserts.put(table.name(), connection.prepareStatement(table.insert()));
      }
      Map<Integer, Integer> numberInYear = new HashMap<>();
      Map<HistoryCases.Route, Integer> ofRoute = new HashMap<>();
      Random random = new Random(seed);
      LocalDateTime earliest = today.minusYears(10).atStartOfDay();
      try {
        for (int copy = 1; copy <= copies; copy++) {
          HistoryCases.Route route = nextRoute(ofRoute, copy);
          List<Template> ofThisRoute = templates.stream().filter(t -> t.closed().route() == route).toList();
          Template template = ofThisRoute.get(ofRoute.merge(route, 1, Integer::sum) % ofThisRoute.size());
          // the copy's start, spread evenly over the ten years, so that it has closed by today
          long span = ChronoUnit.DAYS.between(template.started(), template.ended()) + 7;
          long window = ChronoUnit.DAYS.between(earliest, today.atStartOfDay()) - span;
          long offset = (long) (window * ((copy - 1 + random.nextDouble()) / copies));
          long shift = Math.floorDiv(ChronoUnit.DAYS.between(template.started(), earliest.plusDays(offset)), 7) * 7;
          int year = template.started().plusDays(shift).getYear();
          String reference;
          do {
            reference = String.format("CSPR-%d-%04d", year, numberInYear.merge(year, 1, Integer::sum));
          } while (!references.add(reference));
          Copy change = new Copy(copy, template.closed().reference(), reference, shift);
          for (Map.Entry<String, List<Object[]>> ofTable : template.rows().entrySet()) {
            Table table = writable.get(ofTable.getKey());
            PreparedStatement insert = inserts.get(table.name());
            for (Object[] row : ofTable.getValue()) {
              Object[] copied = change.of(table, row);
              for (int i = 0; i < copied.length; i++) {
                if (copied[i] instanceof byte[] bytes) {
                  insert.setBytes(i + 1, bytes);
                } else {
                  insert.setObject(i + 1, copied[i], table.types().get(i));
                }
              }
              insert.addBatch();
              written.merge(table.name(), 1L, Long::sum);
              if (pending.merge(table.name(), 1, Integer::sum) >= BATCH) {
                insert.executeBatch();
                pending.put(table.name(), 0);
              }
            }
          }
          if (copy % COPIES_PER_COMMIT == 0 || copy == copies) {
            for (Map.Entry<String, PreparedStatement> insert : inserts.entrySet()) {
              if (pending.getOrDefault(insert.getKey(), 0) > 0) {
                insert.getValue().executeBatch();
                pending.put(insert.getKey(), 0);
              }
            }
            connection.commit();
          }
          if (copies >= 10 && copy % (copies / 10) == 0) {
            System.out.printf(Locale.UK, "History: %d of %d cases copied, %,d rows, %.0f s%n", copy, copies,
                written.values().stream().mapToLong(Long::longValue).sum(), (System.nanoTime() - began) / 1e9);
          }
        }
      } finally {
        for (PreparedStatement insert : inserts.values()) {
          insert.close();
        }
      }
      Duration took = Duration.ofNanos(System.nanoTime() - began);
      Map<String, Long> sizes = new TreeMap<>();
      for (Table table : writable.values()) {
        sizes.put(table.name(), count(connection, "SELECT COUNT(*) FROM " + table.name()));
      }
      connection.commit();
      return new Load(copies, written.values().stream().mapToLong(Long::longValue).sum(), took, written, sizes, notCopied);
    }
  }

  /** The route the next copy takes: the one furthest behind its share so far. */
  private static HistoryCases.Route nextRoute(Map<HistoryCases.Route, Integer> made, int copy) {
    HistoryCases.Route behind = null;
    double most = Double.NEGATIVE_INFINITY;
    for (HistoryCases.Route route : HistoryCases.Route.values()) {
      double lag = route.share * copy - made.getOrDefault(route, 0);
      if (lag > most) {
        most = lag;
        behind = route;
      }
    }
    return behind;
  }

  /** How one copy changes a template's values. */
  private record Copy(int number, String node, String templateReference, String reference, long shiftDays) {

    Copy(int number, String templateReference, String reference, long shiftDays) {
      this(number, String.format("c0de%08x", number), templateReference, reference, shiftDays);
    }

    Object[] of(Table table, Object[] row) {
      Object[] copied = new Object[row.length];
      boolean dateVariable = table.varType() >= 0 && "date".equals(row[table.varType()]);
      for (int i = 0; i < row.length; i++) {
        Object value = row[i];
        if (value == null) {
          copied[i] = null;
        } else if (table.ids()[i] && value instanceof String id) {
          copied[i] = id(id);
        } else if (i == table.longValue() && dateVariable && value instanceof Number millis) {
          copied[i] = millis.longValue() + shiftDays * 86_400_000L;
        } else {
          copied[i] = value(value);
        }
      }
      return copied;
    }

    /**
     * The copy's id for a template's: the engine's ids are UUIDs of one node (an activity instance's is its
     * activity's id, a colon and a UUID), so the copy puts its own number where the node is, keeping every id as
     * long as it was (the columns are 64 characters); any other id gets the suffix.
     */
    private String id(String id) {
      Matcher uuid = UUID_NODE.matcher(id);
      if (uuid.find()) {
        return uuid.replaceAll("$1" + node);
      }
      return id + "-h" + number;
    }

    private Object value(Object value) {
      if (value instanceof Timestamp timestamp) {
        return Timestamp.valueOf(timestamp.toLocalDateTime().plusDays(shiftDays));
      }
      if (value instanceof LocalDateTime dateTime) {
        return dateTime.plusDays(shiftDays);
      }
      if (value instanceof java.sql.Date date) {
        return java.sql.Date.valueOf(date.toLocalDate().plusDays(shiftDays));
      }
      if (value instanceof LocalDate date) {
        return date.plusDays(shiftDays);
      }
      if (value instanceof String text) {
        return text(text);
      }
      if (value instanceof byte[] bytes) {
        return bytes(bytes);
      }
      return value;
    }

    private String text(String text) {
      Matcher date = ISO_DATE.matcher(text);
      if (date.matches()) {
        return LocalDate.parse(date.group(1)).plusDays(shiftDays) + (date.group(2) == null ? "" : date.group(2));
      }
      return text.contains(templateReference) ? text.replace(templateReference, reference) : text;
    }

    /** A Json value's dates and reference moved with the case; anything else (a PDF, a stack trace) as it was. */
    private byte[] bytes(byte[] bytes) {
      String json = utf8(bytes);
      if (json == null || json.isBlank() || !(json.strip().startsWith("{") || json.strip().startsWith("["))) {
        return bytes;
      }
      Matcher dates = ISO_DATE_IN_JSON.matcher(json.replace(templateReference, reference));
      StringBuilder moved = new StringBuilder();
      while (dates.find()) {
        dates.appendReplacement(moved, "\"" + LocalDate.parse(dates.group(1)).plusDays(shiftDays));
      }
      dates.appendTail(moved);
      return moved.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
      try {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException notText) {
        return null;
      }
    }
  }

  /** Every row of the closed case's history, the byte arrays they point to, and its case reference. */
  private Template read(Connection connection, HistoryCases.Closed closed, Map<String, Table> tables, Table byteArrays,
      Table caseReferences) throws SQLException {
    Map<String, List<Object[]>> rows = new LinkedHashMap<>();
    Set<String> byteArrayIds = new HashSet<>();
    for (Table table : tables.values()) {
      List<Object[]> ofTable = select(connection, table, "ROOT_PROC_INST_ID_", closed.caseInstanceId());
      rows.put(table.name(), ofTable);
      for (int i = 0; i < table.columns().size(); i++) {
        if (BYTE_ARRAY_REFERENCES.contains(table.columns().get(i).toUpperCase(Locale.ROOT))) {
          for (Object[] row : ofTable) {
            if (row[i] != null) {
              byteArrayIds.add((String) row[i]);
            }
          }
        }
      }
    }
    List<Object[]> arrays = new ArrayList<>();
    for (String id : byteArrayIds) {
      arrays.addAll(select(connection, byteArrays, "ID_", id));
    }
    rows.put(byteArrays.name(), arrays);
    rows.put(caseReferences.name(), select(connection, caseReferences, "reference", closed.reference()));
    Table instances = find(tables, "act_hi_procinst");
    int start = instances.columns().indexOf(column(instances, "START_TIME_"));
    int end = instances.columns().indexOf(column(instances, "END_TIME_"));
    int id = instances.columns().indexOf(column(instances, "ID_"));
    Object[] root = rows.get(instances.name()).stream().filter(r -> closed.caseInstanceId().equals(r[id])).findFirst()
        .orElseThrow(() -> new IllegalStateException("No history of " + closed.reference()));
    return new Template(closed, rows, dateTime(root[start]), dateTime(root[end]));
  }

  private static LocalDateTime dateTime(Object value) {
    return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
  }

  private static List<Object[]> select(Connection connection, Table table, String column, String value)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT " + String.join(", ", table.columns())
        + " FROM " + table.name() + " WHERE " + column(table, column) + " = ?")) {
      select.setString(1, value);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          Object[] row = new Object[table.columns().size()];
          for (int i = 0; i < row.length; i++) {
            Object read = result.getObject(i + 1);
            // H2 hands a byte array's BLOB as a Blob: read whole, so that its Json dates move with the copy too
            if (read instanceof java.sql.Blob blob) {
              read = blob.getBytes(1, (int) blob.length());
            } else if (read instanceof java.sql.Clob clob) {
              read = clob.getSubString(1, (int) clob.length());
            }
            row[i] = read;
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static String column(Table table, String name) {
    return table.columns().stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException(table.name() + " has no column " + name));
  }

  private static Table find(Map<String, Table> tables, String name) {
    return tables.values().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No table " + name));
  }

  private static List<String> tableNames(DatabaseMetaData metadata, String schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet tables = metadata.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (tables.next()) {
        names.add(tables.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static Table table(DatabaseMetaData metadata, String schema, String name) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<Integer> types = new ArrayList<>();
    try (ResultSet result = metadata.getColumns(null, schema, name, "%")) {
      while (result.next()) {
        columns.add(result.getString("COLUMN_NAME"));
        types.add(result.getInt("DATA_TYPE"));
      }
    }
    boolean[] ids = new boolean[columns.size()];
    int varType = -1;
    int longValue = -1;
    for (int i = 0; i < columns.size(); i++) {
      ids[i] = isInstanceId(columns.get(i));
      if (columns.get(i).equalsIgnoreCase("VAR_TYPE_")) {
        varType = i;
      } else if (columns.get(i).equalsIgnoreCase("LONG_")) {
        longValue = i;
      }
    }
    return new Table(name, columns, types, ids, varType, longValue);
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** Fresh statistics, as autovacuum (PostgreSQL) would have gathered on a database that grew over ten years. */
  static void analyze(DataSource database) throws SQLException {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("ANALYZE");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
  }
}
