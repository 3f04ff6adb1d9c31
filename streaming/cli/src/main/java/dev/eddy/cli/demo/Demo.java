package dev.eddy.cli.demo;

import dev.eddy.cli.kafka.KafkaBroker;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.report.HtmlReport;
import dev.eddy.cli.report.ReportInput;
import dev.eddy.cli.report.Reports;
import dev.eddy.cli.metrics.MetricsTap;
import dev.eddy.cli.workload.LaterLabels;
import dev.eddy.cli.workload.PredictionTally;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.metrics.EddyMetric;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.DriftKind;
import dev.eddy.schemas.DriftLevel;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import me.tongfei.progressbar.ProgressBar;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * {@code bin/eddy demo}: everything embedded. Starts a real Kafka broker in this JVM, produces a
 * seeded hyperplane stream with concept drift at known points (and a few malformed records), runs the Eddy
 * job bounded on a local MiniCluster with RocksDB and exactly-once outputs, shows live progress from
 * the predictions topic, and summarizes what was committed. With a label delay, the events go unlabelled
 * and each label follows on the labels topic N events later ({@link LaterLabels}, as {@code produce
 * --labels-topic} sends them): the job predicts every event at once and learns when its label comes, and
 * the summary adds the labels matched, expired and early (the job's own counters, through {@link
 * MetricsTap}) and scores each committed prediction against its label from the labels topic.
 */
public final class Demo {
  /**
   * @param events valid events to produce
   * @param badRecords malformed records mixed in
   * @param seed the stream's seed
   * @param workDir Kafka data and checkpoints
   * @param report where to draw the accuracy report (PNG), or null
   * @param labelDelay events between an event and its label on the labels topic; negative: each label
   *     rides on its event
   */
  public record Options(long events, int badRecords, long seed, Path workDir, Path report, int labelDelay) {
    /** The demo with each label on its event. */
    public Options(long events, int badRecords, long seed, Path workDir, Path report) {
      this(events, badRecords, seed, workDir, report, -1);
    }

    boolean labelsLater() {
      return labelDelay >= 0;
    }
  }

  private final Options options;
  private final PrintStream out;
  private final Configuration settings = new Configuration();

  public Demo(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Adds Flink settings to the demo's job (e.g. {@link dev.eddy.cli.local.PrometheusEndpoint#on}); returns this. */
  public Demo with(Configuration extra) {
    settings.addAll(extra);
    return this;
  }

  public DemoSummary run() throws Exception {
    out.println("Starting an embedded Kafka broker (KRaft) ...");
    try (KafkaBroker broker = KafkaBroker.start(0, options.workDir().resolve("kafka"))) {
      String bootstrap = broker.bootstrapServers();
      JobSpec spec = JobSpecReader.parse(SeededWorkload.spec(bootstrap));
      var topics = spec.kafka().topics();
      JobKafka.prepare(spec);
      out.println("Kafka ready on " + bootstrap + "; job spec:\n\n" + SeededWorkload.spec(bootstrap).indent(2));

      long[] drifts = null;
      if (options.labelsLater()) {
        out.println("The job runs while the stream is produced (up to " + LiveReplay.EVENTS_PER_SECOND
            + " events/s, as fast as the job predicts): "
            + options.events() + " hyperplane events, unlabelled, each label on '" + topics.labels() + "' "
            + options.labelDelay() + " events later, and " + options.badRecords() + " malformed records.");
      } else {
        try (CheckedProducer producer = new CheckedProducer(KafkaConnection.of(bootstrap));
            ProgressBar bar = Progress.bar("producing", options.events())) {
          drifts = SeededWorkload.produce(producer, topics.events(), options.events(), options.badRecords(),
              options.seed(), bar::stepTo);
        }
        out.println("Produced " + options.events() + " hyperplane events (concept drifts at "
            + java.util.Arrays.toString(drifts) + ") and " + options.badRecords() + " malformed records.");
      }
      out.println("Running the Eddy job on a local Flink MiniCluster (RocksDB state, exactly-once outputs) ...");

      long start = System.nanoTime();
      try (MetricsTap tap = MetricsTap.open()) {
        Configuration withTap = new Configuration(settings);
        withTap.addAll(tap.settings());
        JobClient job = LocalRunner.start(spec, !options.labelsLater(), options.workDir(), withTap);
        CompletableFuture<?> result = job.getJobExecutionResult();
        CompletableFuture<long[]> produced = options.labelsLater()
            ? LiveReplay.produce(bootstrap, topics.events(), topics.labels(), options, tap, result)
            : CompletableFuture.completedFuture(drifts);
        watch(bootstrap, topics.predictions(), () -> result.isDone() || produced.isCompletedExceptionally(), tap);
        drifts = produced.get();
        if (options.labelsLater()) {
          LiveReplay.stopWhenLabelled(job, tap, options.events(), options.workDir(), out);
        }
        result.get();
        double wall = (System.nanoTime() - start) / 1e9;
        return summarize(bootstrap, spec, drifts, wall, tap);
      }
    }
  }

  /** The summary of what the job committed, read back from its topics (and the tap's label counts). */
  private DemoSummary summarize(String bootstrap, JobSpec spec, long[] drifts, double wall, MetricsTap tap)
      throws java.io.IOException {
    var topics = spec.kafka().topics();
    double[] labels = options.labelsLater() ? labels(bootstrap, topics.labels()) : null;
    PredictionTally committed = new PredictionTally();
    boolean[] correct = new boolean[(int) options.events()];
    long[] scored = new long[2]; // labelled, right
    KafkaClients.readAll(KafkaConnection.of(bootstrap), topics.predictions(), true, 0, Duration.ofSeconds(2), r -> {
      Prediction p = decode(r.value());
      committed.add(p);
      int i = index(p.getId());
      double label = p.getLabel() != null ? p.getLabel() : labels == null ? Double.NaN : labels[i];
      if (!Double.isNaN(label)) {
        correct[i] = (p.getPredictedLabel() > 0) == (label > 0);
        scored[0]++;
        scored[1] += correct[i] ? 1 : 0;
      }
    });
    List<Long> detected = new ArrayList<>();
    KafkaClients.readAll(KafkaConnection.of(bootstrap), topics.drift(), true, 0, Duration.ofSeconds(2), r -> {
      DriftEvent d = decodeDrift(r.value());
      if (d.getLevel() == DriftLevel.DRIFT && d.getKind() == DriftKind.CONCEPT) {
        detected.add(d.getPosition());
      }
    });
    long deadLetters = KafkaClients.readAll(KafkaConnection.of(bootstrap), topics.deadLetter(), true, 0, Duration.ofSeconds(2), r -> {});
    List<Long> driftList = new ArrayList<>();
    for (long d : drifts) {
      driftList.add(d);
    }
    if (options.report() != null && options.report().toString().endsWith(".html")) {
      htmlReport(bootstrap, spec, driftList);
    } else if (options.report() != null) {
      DemoReport.write(options.report(), correct, 1000, driftList, detected);
    }
    double accuracy = scored[0] == 0 ? Double.NaN : (double) scored[1] / scored[0];
    return new DemoSummary(options.events(), committed.distinctIds(), accuracy, deadLetters,
        options.events() / wall, wall, driftList, detected, new ArrayList<>(committed.versions()),
        options.labelsLater() ? options.labelDelay() : null, tap.count(EddyMetric.LABELS_MATCHED.metricName()),
        tap.count(EddyMetric.LABELS_EXPIRED.metricName()), tap.count(EddyMetric.LABELS_EARLY.metricName()));
  }

  /** The labels on the labels topic, by event index ({@code e-<index>}); NaN where none came. */
  private double[] labels(String bootstrap, String topic) {
    double[] labels = new double[(int) options.events()];
    java.util.Arrays.fill(labels, Double.NaN);
    KafkaClients.readAll(KafkaConnection.of(bootstrap), topic, true, 0, Duration.ofSeconds(2), r -> {
      try {
        Label l = Topics.LABEL.decode(r.value());
        labels[index(l.getId())] = l.getLabel();
      } catch (java.io.IOException e) {
        throw new IllegalStateException("the labels topic holds a record that is not a Label", e);
      }
    });
    return labels;
  }

  private static int index(String id) {
    return Integer.parseInt(id.substring(2)); // e-<index>
  }

  /** {@code bin/eddy report} of the demo's topics, with the stream's true concept changes. */
  private void htmlReport(String bootstrap, JobSpec spec, List<Long> truth) throws java.io.IOException {
    List<Long> times = truth.stream().map(SeededWorkload::eventTime).toList();
    Reports.write(KafkaConnection.of(bootstrap), spec.kafka().topics(), new ReportInput.Filter(null, null, null),
        new HtmlReport.Options("Eddy demo report", "bin/eddy demo --events " + options.events() + " --seed " + options.seed(),
            5, times), options.report(), null);
  }

  private static Prediction decode(byte[] value) {
    try {
      return Topics.PREDICTION.decode(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the predictions topic holds a record that is not a Prediction", e);
    }
  }

  private static DriftEvent decodeDrift(byte[] value) {
    try {
      return Topics.DRIFT.decode(value);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("the drift topic holds a record that is not a DriftEvent", e);
    }
  }

  /** Shows one refreshing progress line while the job runs, from the (uncommitted) predictions. */
  private void watch(String bootstrap, String topic, java.util.function.BooleanSupplier ended, MetricsTap tap) {
    PredictionTally live = new PredictionTally();
    try (KafkaConsumer<byte[], byte[]> c = KafkaClients.consumer(KafkaConnection.of(bootstrap), topic, false, true);
        ProgressBar bar = Progress.bar("learning", options.events())) {
      while (!ended.getAsBoolean() && live.records() < options.events()) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(250))) {
          live.add(r.value());
        }
        bar.stepTo(live.records());
        bar.setExtraMessage(options.labelsLater()
            ? String.format(" labels matched %d, model v%d", tap.count(EddyMetric.LABELS_MATCHED.metricName()),
                live.latestVersion())
            : String.format(" accuracy %.3f, model v%d", live.accuracy(), live.latestVersion()));
      }
    }
  }
}
