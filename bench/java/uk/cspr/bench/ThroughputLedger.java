package uk.cspr.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one side of the comparison (our cases, or the bare engine's) spent, as {@link ThroughputProbe} saw it:
 * each outermost engine command and job by name, each of our delegates, listeners and expressions, and each
 * database statement by the tables it touches. Kept apart per side so the two can be set beside each other.
 */
final class ThroughputLedger {

  /** Time and how often, for one name. */
  static final class Cost {
    private final LongAdder nanos = new LongAdder();
    private final LongAdder count = new LongAdder();

    void add(long elapsedNanos) {
      nanos.add(elapsedNanos);
      count.increment();
    }

    void addCountOnly() {
      count.increment();
    }

    void addTimeOnly(long elapsedNanos) {
      nanos.add(elapsedNanos);
    }

    void merge(Cost other) {
      nanos.add(other.nanos.sum());
      count.add(other.count.sum());
    }

    double millis() {
      return nanos.sum() / 1_000_000.0;
    }

    long count() {
      return count.sum();
    }
  }

  final Timings taskCompletions = new Timings();
  final Timings recordings = new Timings();
  final Timings wholeCases = new Timings();
  final Map<String, Cost> commands = new ConcurrentHashMap<>();
  final Map<String, Cost> customCode = new ConcurrentHashMap<>();
  final Map<String, Cost> statements = new ConcurrentHashMap<>();
  private final LongAdder answersGiven = new LongAdder();

  void command(String name, long elapsedNanos) {
    commands.computeIfAbsent(name, n -> new Cost()).add(elapsedNanos);
  }

  /** More time for a command already counted: the engine's log of a job's outcome, a command of its own. */
  void commandTimeOnly(String name, long elapsedNanos) {
    commands.computeIfAbsent(name, n -> new Cost()).addTimeOnly(elapsedNanos);
  }

  void customCode(String name, long elapsedNanos) {
    customCode.computeIfAbsent(name, n -> new Cost()).add(elapsedNanos);
  }

  void statement(String tables, long elapsedNanos) {
    statements.computeIfAbsent(tables, n -> new Cost()).add(elapsedNanos);
  }

  /** A statement queued in a batch: counted now, its time taken when the batch runs. */
  void batchedStatement(String tables) {
    statements.computeIfAbsent(tables, n -> new Cost()).addCountOnly();
  }

  /** A batch of statements ran: each was counted as it was queued. */
  void batchRan(String tables, long elapsedNanos) {
    statements.computeIfAbsent(tables, n -> new Cost()).addTimeOnly(elapsedNanos);
  }

  void taskCompleted(long elapsedNanos, int answers) {
    taskCompletions.add(elapsedNanos);
    answersGiven.add(answers);
  }

  /** How many variables a completion passed, on average: the bare engine's tasks are completed with as many. */
  double answersPerCompletion() {
    return taskCompletions.count() == 0 ? 0 : (double) answersGiven.sum() / taskCompletions.count();
  }

  static Cost none() {
    return new Cost();
  }

  /** The names in this map, costliest first. */
  static List<Map.Entry<String, Cost>> costliest(Map<String, Cost> costs, int limit) {
    return costs.entrySet().stream()
        .sorted(Comparator.comparingDouble((Map.Entry<String, Cost> e) -> e.getValue().millis()).reversed())
        .limit(limit).toList();
  }
}
