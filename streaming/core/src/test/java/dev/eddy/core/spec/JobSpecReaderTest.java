package dev.eddy.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.core.spec.Guarantee;
import dev.eddy.learners.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSpecReaderTest {
  static final String MINIMAL = """
      name: fraud
      kafka: {bootstrap: "127.0.0.1:9092"}
      features: [amount, age]
      learner: {type: pa-i}
      """;

  @Test
  void fillsDefaults() {
    JobSpec s = JobSpecReader.parse(MINIMAL);
    assertThat(s.name()).isEqualTo("fraud");
    assertThat(s.kafka().topics().all())
        .containsExactly("events", "labels", "predictions", "drift", "models", "dead-letter");
    assertThat(s.kafka().groupId()).isEqualTo("eddy-fraud");
    assertThat(s.input().format()).isEqualTo("avro");
    assertThat(s.input().modelKey()).isNull();
    assertThat(s.features()).containsExactly("amount", "age");
    assertThat(s.standardize()).isTrue();
    assertThat(s.task()).isEqualTo(Task.BINARY);
    assertThat(s.checkpoint().interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.checkpoint().guarantee()).isEqualTo(Guarantee.EXACTLY_ONCE);
    assertThat(s.parallelism()).isZero();
  }

  @Test
  void readsEveryField() {
    JobSpec s = JobSpecReader.parse("""
        name: full
        kafka:
          bootstrap: broker:9092
          group-id: g1
          topics: {events: ev, labels: lb, predictions: pr, drift: dr, models: mo, dead-letter: dl}
        input: {format: json, model-key: key}
        features: [a, b, c]
        standardize: false
        learner: {type: pa-i, C: 0.25}
        task: binary
        checkpoint: {interval: 500ms, guarantee: at-least-once, directory: "file:///tmp/cp"}
        parallelism: 4
        """);
    assertThat(s.kafka().topics().all()).containsExactly("ev", "lb", "pr", "dr", "mo", "dl");
    assertThat(s.kafka().groupId()).isEqualTo("g1");
    assertThat(s.input()).isEqualTo(new JobSpec.Input("json", "key"));
    assertThat(s.standardize()).isFalse();
    assertThat(s.learner().params()).containsEntry("C", "0.25");
    assertThat(s.checkpoint().interval()).isEqualTo(Duration.ofMillis(500));
    assertThat(s.checkpoint().guarantee()).isEqualTo(Guarantee.AT_LEAST_ONCE);
    assertThat(s.checkpoint().directory()).isEqualTo("file:///tmp/cp");
    assertThat(s.parallelism()).isEqualTo(4);
  }

  @Test
  void theExampleSpecShippedWithTheProjectIsValid() throws Exception {
    JobSpec s = JobSpecReader.read(java.nio.file.Path.of("../examples/job.yaml"));
    assertThat(s.features()).isNotEmpty();
  }

  @Test
  void errorsNameTheFieldAndTheAllowedValues() {
    assertError(MINIMAL + "colour: red\n", "job spec: colour: unknown key; allowed here: name, kafka");
    assertError(MINIMAL.replace("{bootstrap:", "{servers: x, bootstrap:"), "job spec: kafka.servers: unknown key; allowed here: bootstrap, properties, topics, group-id");
    assertError(MINIMAL + "input: {format: xml}\n", "job spec: input.format: allowed: avro, json; got xml");
    assertError(MINIMAL + "input: {model-key: tenant}\n", "job spec: input.model-key: allowed: key");
    assertError(MINIMAL + "checkpoint: {guarantee: twice}\n", "job spec: checkpoint.guarantee: unknown guarantee 'twice'; allowed: exactly-once, at-least-once");
    assertError(MINIMAL + "checkpoint: {interval: soon}\n", "job spec: checkpoint.interval: expected a duration");
    assertError(MINIMAL + "standardize: maybe\n", "job spec: standardize: allowed: true, false; got maybe");
    assertError(MINIMAL + "task: ranking\n", "job spec: task: allowed: binary, multiclass, regression; got ranking");
    assertError(MINIMAL + "parallelism: many\n", "job spec: parallelism: must be an integer, got many");
    assertError(MINIMAL.replace("type: pa-i", "type: forest"), "job spec: learner.type: required; allowed: [");
    assertError(MINIMAL.replace("type: pa-i", "type: pa-i, C: -1"), "job spec: learner.C: must be > 0 and finite but was -1");
    assertError(MINIMAL.replace("type: pa-i", "type: pa-i, gamma: 2"), "gamma");
    assertError(MINIMAL.replace("[amount, age]", "[amount, amount]"), "job spec: features: duplicate feature name amount");
    assertError(MINIMAL.replace("features: [amount, age]\n", ""), "job spec: features: required");
    assertError(MINIMAL.replace("name: fraud", "name: my job"), "job spec: name: required; letters, digits");
    assertError("kafka: [1, 2", "job spec: (syntax)");
    assertError("- a\n- b\n", "job spec: (root): expected a mapping");
  }

  @Test
  void newerWriterSchemasAreReadAtLoadAndRefusedUnlessTodaysClassReadsThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    assertThat(JobSpecReader.parse(MINIMAL).input().writerSchemas()).isEmpty();
    java.nio.file.Path newer = java.nio.file.Files.writeString(dir.resolve("Event.v3.avsc"),
        dev.eddy.core.input.HostileRecords.NEWER_EVENT.toString());
    assertThat(JobSpecReader.parse(MINIMAL + "input: {writer-schemas: ['" + newer + "']}\n").input().writerSchemas())
        .containsExactly(dev.eddy.core.input.HostileRecords.NEWER_EVENT.toString());
    java.nio.file.Path incompatible = java.nio.file.Files.writeString(dir.resolve("bad.avsc"),
        "{\"type\":\"record\",\"name\":\"Event\",\"namespace\":\"dev.eddy.schemas\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}");
    assertError(MINIMAL + "input: {writer-schemas: ['" + newer + "', '" + incompatible + "']}\n",
        "job spec: input.writer-schemas[1]: " + incompatible + ": today's Event cannot read what it writes: [TYPE_MISMATCH at /fields/0/type");
    assertError(MINIMAL + "input: {writer-schemas: ['" + dir.resolve("none.avsc") + "']}\n",
        "job spec: input.writer-schemas[0]: cannot read " + dir.resolve("none.avsc"));
    assertError(MINIMAL + "input: {writer-schemas: x.avsc}\n", "job spec: input.writer-schemas: a list of .avsc files");
  }

  @Test
  void labelWaitsAreInProcessingTimeUnlessTheSpecSaysEventTime() {
    JobSpec.Labels byDefault = JobSpecReader.parse(MINIMAL).labels();
    assertThat(byDefault.eventTime()).isFalse();
    JobSpec.Labels event = JobSpecReader.parse(MINIMAL + "labels: {time: event, out-of-order: 5s, idle-input: 30s}\n").labels();
    assertThat(event.eventTime()).isTrue();
    assertThat(event.outOfOrder()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(event.idleInput()).isEqualTo(java.time.Duration.ofSeconds(30));
    JobSpec.Labels defaults = JobSpecReader.parse(MINIMAL + "labels: {time: event}\n").labels();
    assertThat(defaults.outOfOrder()).isZero();
    assertThat(defaults.idleInput()).isEqualTo(JobSpec.Labels.DEFAULT_IDLE_INPUT);
    assertError(MINIMAL + "labels: {time: wall}\n", "job spec: labels.time: allowed: processing, event; got wall");
    assertError(MINIMAL + "labels: {out-of-order: 5s}\n", "job spec: labels.out-of-order: applies to event time only: needs labels.time: event");
    assertError(MINIMAL + "labels: {time: event, idle-input: 0s}\n", "job spec: labels.idle-input: must be longer than 0, got 0s");
  }

  @Test
  void readsTheIdleTtlOffByDefaultAndNoShorterThanLabelsWait() {
    assertThat(JobSpecReader.parse(MINIMAL).models().idleTtl()).isNull();
    assertThat(JobSpecReader.parse(MINIMAL + "models: {idle-ttl: 30d}\n").models().idleTtl()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(JobSpecReader.parse(MINIMAL + "models: {idle-ttl: 2s}\nlabels: {wait: 2s, early-wait: 1s}\n").models().idleTtl())
        .isEqualTo(java.time.Duration.ofSeconds(2));
    assertError(MINIMAL + "models: {idle-ttl: 1d}\n", "job spec: models.idle-ttl: must be at least as long as labels wait"
        + " (labels.wait and labels.early-wait, 7d), so no key is dropped while its events wait for labels; got 1d");
    assertError(MINIMAL + "models: {idle-ttl: soon}\n", "job spec: models.idle-ttl: ");
    assertError(MINIMAL + "models: {idle-ttl: 0s}\n", "job spec: models.idle-ttl: must be longer than 0, got 0s");
  }

  @Test
  void publishesFreshModelsByDefaultOnlyWithoutModelKeys() {
    assertThat(JobSpecReader.parse(MINIMAL).models().publishInitial()).isTrue();
    assertThat(JobSpecReader.parse(MINIMAL + "input: {model-key: key}\n").models().publishInitial()).isFalse();
    assertThat(JobSpecReader.parse(MINIMAL + "input: {model-key: key}\nmodels: {publish-initial: true}\n").models()
        .publishInitial()).isTrue();
    assertThat(JobSpecReader.parse(MINIMAL + "models: {publish-initial: false}\n").models().publishInitial()).isFalse();
    assertError(MINIMAL + "models: {publish-initial: sometimes}\n", "job spec: models.publish-initial: allowed: true, false; got sometimes");
  }

  @Test
  void readsTheDriftSection() {
    JobSpec s = JobSpecReader.parse(MINIMAL + """
        drift:
          detector: adwin
          detector-params: {delta: 0.01}
          retrain: window
          retrain-params: {window-size: 500}
          feature-detector: kswin
          feature-retrain: true
        """);
    assertThat(s.drift().detector()).isEqualTo("adwin");
    assertThat(s.drift().detectorParams()).containsEntry("delta", "0.01");
    assertThat(s.drift().retrain()).isEqualTo("window");
    assertThat(s.drift().featureDetector()).isEqualTo("kswin");
    assertThat(s.drift().featureRetrain()).isTrue();
    JobSpec none = JobSpecReader.parse(MINIMAL);
    assertThat(none.drift().detector()).isNull();
    assertThat(none.drift().retrain()).isEqualTo("background");
  }

  @Test
  void driftErrorsNameTheField() {
    assertError(MINIMAL + "drift: {detectr: adwin}\n", "job spec: drift.detectr: unknown key");
    assertError(MINIMAL + "drift: {detector: magic}\n", "job spec: drift.detector: ");
    assertError(MINIMAL + "drift: {detector: adwin, detector-params: {delta: 7}}\n", "job spec: drift.detector-params.delta: must be ");
    assertError(MINIMAL + "drift: {retrain: pray}\n", "job spec: drift.retrain: ");
    assertError(MINIMAL + "drift: {feature-detector: ddm}\n", "job spec: drift.feature-detector: ddm takes 0/1 errors");
    assertError(MINIMAL + "drift: {detector-params: {delta: 0.1}}\n", "job spec: drift.detector-params: given without drift.detector");
    assertError(MINIMAL + "drift: {feature-retrain: often}\n", "job spec: drift.feature-retrain: allowed: true, false");
  }

  @Test
  void missingFileIsNamed() {
    assertThatThrownBy(() -> JobSpecReader.read(java.nio.file.Path.of("no/such.yaml")))
        .hasMessage("job spec: file: no such file: no/such.yaml");
  }

  @Test
  void kafkaPropertiesReachTheOneConnectionAndSecretsAreNotPrinted() {
    JobSpec s = JobSpecReader.parse(MINIMAL.replace("kafka: {bootstrap: \"127.0.0.1:9092\"}",
        "kafka: {bootstrap: \"127.0.0.1:9092\", properties: {security.protocol: SASL_SSL, sasl.mechanism: SCRAM-SHA-512,"
            + " sasl.jaas.config: 'x required username=\"u\" password=\"hunter2\";', ssl.truststore.password: hunter2}}"));
    var props = s.kafka().connection().clientProperties();
    assertThat(props).containsEntry("bootstrap.servers", "127.0.0.1:9092").containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThat(s.kafka().connection().toString()).contains("SASL_SSL").doesNotContain("hunter2");
    assertThat(s.toString()).doesNotContain("hunter2");
    assertError(MINIMAL.replace("kafka: {bootstrap: \"127.0.0.1:9092\"}",
        "kafka: {bootstrap: \"127.0.0.1:9092\", properties: {bootstrap.servers: x}}"),
        "job spec: kafka.properties: give bootstrap.servers as kafka.bootstrap");
  }

  /** Whatever would fail on the first event fails at start: validation builds the model once. */
  @Test
  void aModelThatCannotBeBuiltFailsAtStartNamingTheField() {
    StringBuilder many = new StringBuilder("features: [");
    for (int i = 0; i <= 4096; i++) {
      many.append(i == 0 ? "" : ", ").append("f").append(i);
    }
    String wide = MINIMAL.replace("features: [amount, age]", many + "]");
    assertThat(JobSpecReader.parse(wide).features()).hasSize(4097);
    assertError(wide + "drift: {feature-detector: adwin}\n", "job spec: drift.feature-detector: feature drift: dimension must be in [1, 4096]");
    // hash-bits is a learner option the job supports: the step hashes the named features
    assertThat(JobSpecReader.parse(MINIMAL.replace("{type: pa-i}", "{type: pa-i, hash-bits: 4}")).learner().params())
        .containsEntry("hash-bits", "4");
  }

  /** An exactly-once transaction lives from one checkpoint to the commit after the next: the broker must not abort it first. */
  @Test
  void aCheckpointIntervalATransactionCannotOutliveIsRefused() {
    assertThat(JobSpecReader.parse(MINIMAL).checkpoint().timeout()).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(JobSpecReader.parse(MINIMAL).kafka().transactionTimeout()).isEqualTo(java.time.Duration.ofMinutes(15));
    assertError(MINIMAL + "checkpoint: {interval: 15min}\n", "job spec: checkpoint.interval: checkpoint.interval (15min) + "
        + "checkpoint.timeout (2min) must be shorter than the Kafka transaction timeout (15min, kafka.properties.transaction.timeout.ms)");
    String shortTransactions = MINIMAL.replace("kafka: {bootstrap: \"127.0.0.1:9092\"}",
        "kafka: {bootstrap: \"127.0.0.1:9092\", properties: {transaction.timeout.ms: 60000}}");
    assertError(shortTransactions + "checkpoint: {interval: 50s, timeout: 10s}\n",
        "job spec: checkpoint.interval: checkpoint.interval (50s) + checkpoint.timeout (10s) must be shorter than the Kafka transaction timeout (1min");
    assertThat(JobSpecReader.parse(shortTransactions + "checkpoint: {interval: 40s, timeout: 10s}\n").kafka().transactionTimeout())
        .isEqualTo(java.time.Duration.ofMinutes(1));
    // at-least-once outputs use no transactions
    assertThat(JobSpecReader.parse(MINIMAL + "checkpoint: {interval: 20min, guarantee: at-least-once}\n").checkpoint().interval())
        .isEqualTo(java.time.Duration.ofMinutes(20));
    assertError(MINIMAL.replace("kafka: {bootstrap: \"127.0.0.1:9092\"}",
        "kafka: {bootstrap: \"127.0.0.1:9092\", properties: {transaction.timeout.ms: soon}}"),
        "job spec: kafka.properties.transaction.timeout.ms: must be a number of milliseconds, got soon");
    assertError(MINIMAL + "checkpoint: {timeout: later}\n", "job spec: checkpoint.timeout: expected a duration");
    assertThat(JobSpecReader.parse(MINIMAL).checkpoint().acceptLostTransactions()).isFalse();
    assertThat(JobSpecReader.parse(MINIMAL + "checkpoint: {lost-transactions: accept}\n").checkpoint().acceptLostTransactions())
        .isTrue();
    assertError(MINIMAL + "checkpoint: {lost-transactions: ignore}\n",
        "job spec: checkpoint.lost-transactions: must be fail or accept, got ignore");
  }

  /** A model whose snapshot the models topic could not take fails at start, naming its size and the limit. */
  @Test
  void aModelTooLargeToPublishIsRefused() {
    assertError(MINIMAL.replace("{type: pa-i}", "{type: tf-mlp, hidden: '2400,2400', device: cpu}"),
        "job spec: learner: the model's snapshot takes ");
    assertThat(JobSpecReader.parse(MINIMAL.replace("{type: pa-i}", "{type: tf-mlp, hidden: '300,300', device: cpu}"))
        .learner().type()).isEqualTo("tf-mlp");
  }

  @Test
  void readsEveryTaskAndGivesAMulticlassLearnerOneModelPerClass() {
    JobSpec m = JobSpecReader.parse(MINIMAL + "task: multiclass\nclasses: [setosa, versicolor, virginica]\n");
    assertThat(m.task()).isEqualTo(Task.MULTICLASS);
    assertThat(m.classes()).containsExactly("setosa", "versicolor", "virginica");
    assertThat(m.learner().params()).containsEntry("classes", "3");
    JobSpec numbers = JobSpecReader.parse(MINIMAL.replace("pa-i", "logistic") + "task: multiclass\nclasses: [0, 1, 2.5, 7]\n");
    assertThat(numbers.classes()).containsExactly("0", "1", "2.5", "7");
    JobSpec r = JobSpecReader.parse(MINIMAL + "task: regression\ndrift: {detector: adwin}\n");
    assertThat(r.task()).isEqualTo(Task.REGRESSION);
    assertThat(r.classes()).isEmpty();
    assertThat(JobSpecReader.parse(MINIMAL).classes()).isEmpty();
  }

  @Test
  void taskErrorsNameTheFieldAndWhatIsAllowed() {
    assertError(MINIMAL + "task: ranking\n", "task: allowed: binary, multiclass, regression; got ranking");
    assertError(MINIMAL + "task: multiclass\n", "classes: required for task multiclass");
    assertError(MINIMAL + "task: multiclass\nclasses: [a]\n", "classes: required for task multiclass");
    assertError(MINIMAL + "task: multiclass\nclasses: [a, b, a]\n", "classes: class 'a' is listed twice");
    assertError(MINIMAL + "task: multiclass\nclasses: [1, 1.0]\n", "classes: classes '1' and '1.0' are the same number");
    assertError(MINIMAL + "task: multiclass\nclasses: [a, {b: c}]\n", "classes: each class must be a name or a number");
    assertError(MINIMAL + "classes: [a, b]\n", "classes: only for task multiclass; the task is binary");
    assertError(MINIMAL.replace("{type: pa-i}", "{type: pa-i, classes: 4}") + "task: multiclass\nclasses: [a, b, c]\n",
        "learner.classes: classes of learner pa-i must be the number of the task's classes (3: [a, b, c]) or absent, but was 4");
  }

  @Test
  void aLearnerThatDoesNotDoTheTaskFailsNamingBoth() {
    assertError(MINIMAL.replace("pa-i", "pegasos") + "task: regression\n",
        "learner.type: learner pegasos does not do task regression (it does [binary, multiclass]); learners for regression: [pa, pa-i, pa-ii]");
  }

  @Test
  void perKeyMetricSeriesAreAnOptInOfBoundedSize() {
    assertThat(JobSpecReader.parse(MINIMAL).metrics().keySeries()).isZero();
    assertThat(JobSpecReader.parse(MINIMAL + "metrics: {key-series: 10}\n").metrics().keySeries()).isEqualTo(10);
    assertError(MINIMAL + "metrics: {key-series: 101}\n",
        "metrics.key-series: must be between 0 and 100 (model keys per subtask with series of their own; 0 = none), got 101");
    assertError(MINIMAL + "metrics: {key-series: -1}\n", "metrics.key-series: must be between 0 and 100");
    assertError(MINIMAL + "metrics: {top: 3}\n", "metrics.top");
  }

  @Test
  void aZeroOneDetectorOnARegressionTaskFailsNamingBoth() {
    assertError(MINIMAL + "task: regression\ndrift: {detector: ddm}\n",
        "drift.detector: ddm takes 0/1 errors, but task regression gives it absolute errors");
    assertThat(JobSpecReader.parse(MINIMAL + "task: multiclass\nclasses: [a, b, c]\ndrift: {detector: ddm}\n").drift().detector())
        .isEqualTo("ddm");
  }

  private static void assertError(String yaml, String messageStart) {
    assertThatThrownBy(() -> JobSpecReader.parse(yaml))
        .isInstanceOf(JobSpecException.class)
        .message()
        .satisfies(m -> assertThat(List.of(m)).allMatch(x -> x.startsWith(messageStart) || x.contains(messageStart)));
  }
}
