package dev.eddy.cli.metrics;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;

/**
 * A Flink metric reporter that a command running a job on a MiniCluster in its own JVM reads back: the
 * demo's label counts, the benchmarks' checkpoint sizes and RocksDB's native properties. Flink creates the
 * reporter through {@link MetricsTapFactory} from the settings of {@link #settings()}; the reporter then
 * joins the tap of the same id, which keeps every metric registered under a name, so {@link #count} and
 * {@link #gauge} sum them over all operators, subtasks and column families.
 *
 * <p>Why not Prometheus: the counters of a bounded job are gone from every endpoint once the job ends,
 * while the summary is written after that. A counter stays readable here after its task has ended (its
 * last value counts), gauges are dropped when their owner removes them. Counters of a task that
 * restarted count once per attempt.
 */
public final class MetricsTap implements AutoCloseable {
  static final String REPORTER = "eddy-tap";
  static final String ID = "tap-id";
  private static final Map<String, MetricsTap> TAPS = new ConcurrentHashMap<>();

  private final String id = UUID.randomUUID().toString();
  private final Map<String, List<Metric>> byName = new ConcurrentHashMap<>();

  private MetricsTap() {}

  /** A new tap; give {@link #settings()} to the job's MiniCluster, {@link #close()} when done. */
  public static MetricsTap open() {
    MetricsTap tap = new MetricsTap();
    TAPS.put(tap.id, tap);
    return tap;
  }

  /** The Flink settings that attach this tap to a MiniCluster's metric system. */
  public Configuration settings() {
    Configuration c = new Configuration();
    c.setString("metrics.reporter." + REPORTER + ".factory.class", MetricsTapFactory.class.getName());
    c.setString("metrics.reporter." + REPORTER + "." + ID, id);
    return c;
  }

  /** Whether a metric named {@code name} has been registered (e.g. an operator of the job is up). */
  public boolean has(String name) {
    return !byName.getOrDefault(name, List.of()).isEmpty();
  }

  /** The sum of the counters registered as {@code name} (0 when none is). */
  public long count(String name) {
    long sum = 0;
    for (Metric m : byName.getOrDefault(name, List.of())) {
      if (m instanceof Counter c) {
        sum += c.getCount();
      }
    }
    return sum;
  }

  /**
   * The sum of the numeric gauges registered as {@code name}, or as a name ending in {@code "." + name}
   * (RocksDB's properties are registered as {@code rocksdb.<property>}), now; NaN when none is.
   */
  public double gauge(String name) {
    double sum = Double.NaN;
    for (Map.Entry<String, List<Metric>> e : byName.entrySet()) {
      if (e.getKey().equals(name) || e.getKey().endsWith("." + name)) {
        for (Metric m : e.getValue()) {
          if (m instanceof Gauge<?> g && g.getValue() instanceof Number n) {
            sum = (Double.isNaN(sum) ? 0 : sum) + n.doubleValue();
          }
        }
      }
    }
    return sum;
  }

  /** Detaches the tap: reporters created for it later keep nothing. */
  @Override
  public void close() {
    TAPS.remove(id);
  }

  /** The reporter Flink creates for the tap named in its settings. */
  static MetricReporter reporter(String id) {
    MetricsTap tap = id == null ? null : TAPS.get(id);
    return new MetricReporter() {
      @Override
      public void open(MetricConfig config) {}

      @Override
      public void close() {}

      @Override
      public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        if (tap != null) {
          tap.byName.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>()).add(metric);
        }
      }

      @Override
      public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        if (tap != null && metric instanceof Gauge<?>) {
          List<Metric> named = tap.byName.get(name);
          if (named != null) {
            named.remove(metric);
          }
        }
      }
    };
  }
}
