package dev.eddy.cli.bench;

import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.local.PrometheusEndpoint;
import dev.eddy.cli.metrics.PrometheusScrape;
import dev.eddy.cli.net.FreePorts;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.job.metrics.LearnerMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;

/**
 * The cost of the job's metrics, measured in one run: the same pre-produced events are processed by the
 * job (bounded, on a MiniCluster) with Eddy's metrics off ({@link LearnerMetrics#SWITCH} {@code off}, no
 * reporter) and on (every metric, Flink's Prometheus reporter, scraped once a second as a Prometheus
 * server would), alternating the order in each round so that warm-up and machine noise fall on both.
 * A first run counts for neither side (warm-up). Each run has its own consumer group and output topics,
 * and must commit one prediction per event.
 */
public final class MetricsCost {
  /**
   * @param offPerSecond events/s (net runtime) of each run without metrics, in run order
   * @param onPerSecond events/s of each run with metrics and the reporter scraped
   * @param ratio median on / median off
   * @param scrapes successful scrapes during the runs with metrics
   */
  public record Result(long events, int rounds, double[] offPerSecond, double[] onPerSecond, double offMedian,
      double onMedian, double ratio, int scrapes) {}

  private MetricsCost() {}

  public static Result run(long events, int rounds, Path workDir, PrintStream out) throws Exception {
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be >= 1, got " + rounds);
    }
    try (KafkaBroker broker = KafkaBroker.start(0, workDir.resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      JobKafka.prepare(spec(bootstrap, "cost-producer"));
      out.println("producing " + events + " events ...");
      try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(bootstrap))) {
        SeededWorkload.produce(p, "events", events, 0, 7, n -> {});
      }
      // one run first that counts for neither side: class loading, JIT and the broker's page cache warm up
      JobSpec warmUp = spec(bootstrap, "cost-warm-up");
      JobKafka.prepare(warmUp);
      out.printf("warm-up run: %,.0f events/s (not counted)%n", events / job(warmUp, true, workDir.resolve("warm-up"),
          new AtomicInteger()));
      double[] off = new double[rounds];
      double[] on = new double[rounds];
      AtomicInteger scrapes = new AtomicInteger();
      for (int r = 0; r < rounds; r++) {
        for (boolean metrics : r % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
          String name = "cost-" + (metrics ? "on" : "off") + "-" + r;
          JobSpec spec = spec(bootstrap, name);
          JobKafka.prepare(spec);
          double rate = events / job(spec, metrics, workDir.resolve(name), scrapes);
          EndToEndBenchmark.requirePredictions(bootstrap, name + "-predictions", events);
          out.printf("round %d, metrics %s: %,.0f events/s%n", r + 1, metrics ? "on " : "off", rate);
          (metrics ? on : off)[r] = rate;
        }
      }
      double offMedian = median(off);
      double onMedian = median(on);
      return new Result(events, rounds, off, on, offMedian, onMedian, onMedian / offMedian, scrapes.get());
    }
  }

  /** Runs the job bounded; with metrics, scrapes its endpoint every second. Returns the net seconds. */
  private static double job(JobSpec spec, boolean metrics, Path dir, AtomicInteger scrapes) throws Exception {
    Configuration settings = new Configuration();
    Thread scraper = null;
    if (metrics) {
      int port = FreePorts.allocate(1)[0];
      settings.addAll(PrometheusEndpoint.on(port));
      scraper = new Thread(() -> scrape("http://127.0.0.1:" + port + "/metrics", scrapes), "metrics-cost-scraper");
      scraper.setDaemon(true);
      scraper.start();
    } else {
      settings.set(PipelineOptions.GLOBAL_JOB_PARAMETERS, Map.of(LearnerMetrics.SWITCH, "off"));
    }
    try {
      return LocalRunner.run(spec, true, dir, settings).getNetRuntime() / 1000.0;
    } finally {
      if (scraper != null) {
        scraper.interrupt();
        scraper.join();
      }
    }
  }

  /** Scrapes until interrupted, counting the scrapes that held Eddy's metrics. */
  private static void scrape(String url, AtomicInteger scrapes) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        if (!PrometheusScrape.get(url).named(EddyMetric.PREDICTIONS.prometheusName()).isEmpty()) {
          scrapes.incrementAndGet();
        }
      } catch (IOException e) {
        // not up yet, or gone with the job
      } catch (InterruptedException e) {
        return;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** The demo's job under {@code name}: its own consumer group and output topics, the shared events topic. */
  static JobSpec spec(String bootstrap, String name) {
    return JobSpecReader.parse(specText(bootstrap, name));
  }

  /** The YAML of {@link #spec}. */
  static String specText(String bootstrap, String name) {
    return SeededWorkload.spec(bootstrap).replace("name: eddy-demo", "name: " + name)
        .replace("  bootstrap: " + bootstrap, "  bootstrap: " + bootstrap + "\n  topics: {events: events, labels: "
            + name + "-labels, predictions: " + name + "-predictions, drift: " + name + "-drift, models: " + name
            + "-models, dead-letter: " + name + "-dlq}");
  }

  /** The median of {@code values} (the mean of the middle two for an even count). */
  public static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
