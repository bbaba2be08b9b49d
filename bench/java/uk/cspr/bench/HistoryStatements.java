package uk.cspr.bench;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The engine's data source, able to note each statement a user's action runs: its SQL, parameters, rows read
 * and time from execution until its rows have been read. Off while figures are timed (the proxy's bookkeeping
 * would be timed too); switched on for one run of each query afterwards, so that the table says which
 * statement grew with the history and how many rows it read.
 */
final class HistoryStatements implements DataSource {

  /** One statement run: its SQL, the values bound to it, the rows it returned and how long it took. */
  record Run(String sql, Map<Integer, Object> parameters, long rows, long nanos) {

    /** The SQL with its IN lists shortened, so that one statement with lists of different lengths is one. */
    String shape() {
      return IN_LIST.matcher(sql).replaceAll("( ?, … )");
    }
  }

  private static final java.util.regex.Pattern IN_LIST = java.util.regex.Pattern.compile("\\(\\s*\\?(\\s*,\\s*\\?)+\\s*\\)");

  /** Every run of one SQL text (its parameters aside) during one recorded action. */
  record Summary(String sql, int runs, long rows, long nanos, Run slowest) {
    double millis() {
      return nanos / 1_000_000.0;
    }
  }

  private final DataSource target;
  private volatile List<Run> recording;

  HistoryStatements(DataSource target) {
    this.target = target;
  }

  DataSource target() {
    return target;
  }

  /** Runs the action once with every statement noted, and sums them by SQL text, the costliest first. */
  List<Summary> record(Runnable action) {
    List<Run> runs = Collections.synchronizedList(new ArrayList<>());
    recording = runs;
    try {
      action.run();
    } finally {
      recording = null;
    }
    Map<String, List<Run>> bySql = new LinkedHashMap<>();
    synchronized (runs) {
      runs.forEach(run -> bySql.computeIfAbsent(run.shape(), sql -> new ArrayList<>()).add(run));
    }
    List<Summary> summaries = new ArrayList<>();
    bySql.forEach((sql, list) -> summaries.add(new Summary(sql, list.size(), list.stream().mapToLong(Run::rows).sum(),
        list.stream().mapToLong(Run::nanos).sum(), list.stream().max(Comparator.comparingLong(Run::nanos)).orElseThrow())));
    summaries.sort(Comparator.comparingLong(Summary::nanos).reversed());
    return summaries;
  }

  /** SQL as MyBatis writes it, spread over many indented lines, on one line. */
  static String oneLine(String sql) {
    return sql.replaceAll("\\s+", " ").trim();
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(target.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connection(target.getConnection(username, password));
  }

  private Connection connection(Connection real) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          List<Run> runs = recording;
          if (runs != null && result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
            return statement(statement, (String) args[0], runs);
          }
          return result;
        });
  }

  private static PreparedStatement statement(PreparedStatement real, String sql, List<Run> runs) {
    Map<Integer, Object> parameters = new TreeMap<>();
    long[] started = new long[1];
    boolean[] noted = new boolean[1];
    long[] rows = new long[1];
    Runnable note = () -> {
      if (started[0] != 0 && !noted[0]) {
        noted[0] = true;
        runs.add(new Run(oneLine(sql), new TreeMap<>(parameters), rows[0], System.nanoTime() - started[0]));
      }
    };
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
        parameters.put(index, name.equals("setNull") ? null : args[1]);
      }
      if (name.startsWith("execute")) {
        started[0] = System.nanoTime();
        noted[0] = false;
        rows[0] = 0;
      }
      Object result = invoke(real, method, args);
      if (result instanceof ResultSet resultSet && (name.equals("executeQuery") || name.equals("getResultSet"))) {
        return resultSet(resultSet, rows, note);
      }
      if (name.equals("close") || name.equals("executeUpdate") || name.equals("executeBatch")) {
        note.run();
      }
      return result;
    };
    return (PreparedStatement) Proxy.newProxyInstance(HistoryStatements.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static ResultSet resultSet(ResultSet real, long[] rows, Runnable note) {
    return (ResultSet) Proxy.newProxyInstance(HistoryStatements.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (proxy, method, args) -> {
          Object result = invoke(real, method, args);
          if (method.getName().equals("next")) {
            if (Boolean.TRUE.equals(result)) {
              rows[0]++;
            } else {
              note.run();
            }
          } else if (method.getName().equals("close")) {
            note.run();
          }
          return result;
        });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * The database's plan for this run of a statement, with the values it ran with: EXPLAIN ANALYZE on
   * PostgreSQL (the plan as executed, with row counts and buffers), EXPLAIN ANALYZE on H2 (the indexes
   * chosen and rows scanned).
   */
  String plan(Run run, boolean postgres) {
    String explain = postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ";
    try (Connection connection = target.getConnection();
        PreparedStatement statement = connection.prepareStatement(explain + run.sql())) {
      for (Map.Entry<Integer, Object> parameter : run.parameters().entrySet()) {
        statement.setObject(parameter.getKey(), parameter.getValue());
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      return postgres ? plan.toString().trim() : accessPaths(plan.toString());
    } catch (SQLException e) {
      return "(no plan: " + e.getMessage() + ")";
    }
  }

  /**
   * H2 answers EXPLAIN with the whole statement rewritten, every column listed; what tells why it is slow are
   * the tables, how each is read (its comment names the index and condition) and how many rows were scanned.
   */
  private static String accessPaths(String plan) {
    StringBuilder paths = new StringBuilder();
    for (String line : plan.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.startsWith("FROM ") || trimmed.contains(" JOIN ") || trimmed.startsWith("/* PUBLIC.")
          || trimmed.contains("scanCount") || trimmed.startsWith("/* WHERE") || trimmed.startsWith("WHERE ")
          || trimmed.startsWith("ORDER BY")) {
        paths.append(line).append('\n');
      }
    }
    return paths.toString().stripTrailing();
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("uk.cspr.bench");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(target) ? type.cast(target) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(target) || target.isWrapperFor(type);
  }
}
