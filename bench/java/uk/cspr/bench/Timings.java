package uk.cspr.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations of one kind of operation, in nanoseconds, and their percentiles in milliseconds. */
public final class Timings {

  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  public void add(long durationNanos) {
    nanos.add(durationNanos);
  }

  /** Runs the operation, records how long it took, and returns what it returned. */
  public <T> T time(java.util.function.Supplier<T> operation) {
    long started = System.nanoTime();
    try {
      return operation.get();
    } finally {
      add(System.nanoTime() - started);
    }
  }

  public void time(Runnable operation) {
    time(() -> {
      operation.run();
      return null;
    });
  }

  public int count() {
    return nanos.size();
  }

  /** The p-th percentile (0 to 100) by nearest rank, in milliseconds. */
  public double percentile(double p) {
    List<Long> sorted;
    synchronized (nanos) {
      sorted = new ArrayList<>(nanos);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1_000_000.0;
  }

  public double p50() {
    return percentile(50);
  }

  public double p95() {
    return percentile(95);
  }

  public double totalMillis() {
    synchronized (nanos) {
      return nanos.stream().mapToLong(Long::longValue).sum() / 1_000_000.0;
    }
  }
}
