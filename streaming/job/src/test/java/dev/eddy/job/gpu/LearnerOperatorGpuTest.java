package dev.eddy.job.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.ModelInput;
import dev.eddy.core.model.ModelConfig;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.job.operator.LearnerOperator;
import dev.eddy.job.operator.OutputTags;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import dev.eddy.sinks.Output;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.externalresource.ExternalResourceInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.externalresource.StaticExternalResourceInfoProvider;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingTaskMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.mailbox.Mail;
import org.apache.flink.streaming.runtime.tasks.mailbox.TaskMailbox;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The learner operator on a TaskManager with and without GPUs (the external resource info Flink
 * hands to tasks, here given to the test harness the way a TaskManager gives it): which device its
 * TensorFlow learners are built for, the {@code eddyGpuIndex} gauge, and the timer that trains
 * mini-batches a quiet stream leaves waiting.
 */
class LearnerOperatorGpuTest {

  /** A GPU as a TaskManager's GPU driver reports it. */
  record Gpu(String index) implements ExternalResourceInfo {
    @Override
    public Optional<String> getProperty(String key) {
      return key.equals("index") ? Optional.of(index) : Optional.empty();
    }

    @Override
    public Collection<String> getKeys() {
      return List.of("index");
    }
  }

  /** A task metric group that keeps the operator's metrics for the test to read. */
  static final class OperatorMetrics extends InterceptingTaskMetricGroup {
    final InterceptingOperatorMetricGroup operator = new InterceptingOperatorMetricGroup();

    @Override
    public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name, Map<String, String> info) {
      return operator;
    }

    int gauge(String name) {
      return (Integer) ((Gauge<?>) operator.get(name)).getValue();
    }
  }

  private static ModelConfig config(String learner) {
    JobSpec spec = JobSpecReader.parse("""
        name: gpu-operator
        kafka: {bootstrap: "127.0.0.1:9092"}
        features: [x1, x2]
        standardize: false
        learner: %s
        """.formatted(learner));
    return new ModelConfig(spec.learner().type(), spec.learner().params(), spec.features(), spec.task(),
        spec.standardize(), spec.drift(), 100);
  }

  private static KeyedOneInputStreamOperatorTestHarness<String, ModelInput, Prediction> harness(
      String learner, OperatorMetrics metrics, Set<Gpu> gpus) throws Exception {
    var env = new MockEnvironmentBuilder()
        .setMetricGroup(metrics)
        .setExternalResourceInfoProvider(new StaticExternalResourceInfoProvider(Map.of("gpu", gpus)))
        .build();
    var h = new KeyedOneInputStreamOperatorTestHarness<>(
        new LearnerOperator(config(learner)), ModelInput::modelKey, Types.STRING, env);
    h.open();
    return h;
  }

  private static InputEvent event(int i) {
    return new InputEvent("e-" + i, "k", i, new double[] {i % 2, 1 - i % 2}, i % 2);
  }

  private static Map<String, String> firstModelHyperparameters(
      KeyedOneInputStreamOperatorTestHarness<String, ModelInput, Prediction> h) {
    StreamRecord<ModelSnapshot> first = h.getSideOutput(OutputTags.of(Output.MODELS)).peek();
    assertThat(first).as("the initial model version").isNotNull();
    return first.getValue().getHyperparameters();
  }

  /** Runs what the operator's timers put into the task's mailbox (a task does it between records). */
  private static void runMail(KeyedOneInputStreamOperatorTestHarness<?, ?, ?> h) throws Exception {
    Optional<Mail> mail;
    while ((mail = h.getTaskMailbox().tryTake(TaskMailbox.MIN_PRIORITY)).isPresent()) {
      mail.get().run();
    }
  }

  @Test
  void learnersArePinnedToTheLowestGpuOfTheTaskManagerAndTheGaugeShowsIt() throws Exception {
    OperatorMetrics metrics = new OperatorMetrics();
    try (var h = harness("{type: tf-logistic, device: gpu, batch-size: 4}", metrics, Set.of(new Gpu("3"), new Gpu("1")))) {
      h.processElement(ModelInput.of(event(0)), 0);
      assertThat(firstModelHyperparameters(h)).containsEntry("device", "gpu").containsEntry("gpu-index", "1");
      assertThat(metrics.gauge(LearnerDevice.GAUGE_INDEX)).isEqualTo(1);
      assertThat(metrics.gauge(LearnerDevice.GAUGE_ON_GPU)).as("this machine has no GPU").isZero();
    }
  }

  @Test
  void withoutAGpuTheLearnerRunsOnTheCpu() throws Exception {
    OperatorMetrics metrics = new OperatorMetrics();
    try (var h = harness("{type: tf-logistic, device: auto, gpu-index: 5}", metrics, Set.of())) {
      h.processElement(ModelInput.of(event(0)), 0);
      assertThat(firstModelHyperparameters(h)).containsEntry("device", "cpu").doesNotContainKey("gpu-index");
      assertThat(metrics.gauge(LearnerDevice.GAUGE_INDEX)).isEqualTo(LearnerDevice.CPU);
    }
  }

  @Test
  void pureLearnersIgnoreTheGpu() throws Exception {
    OperatorMetrics metrics = new OperatorMetrics();
    try (var h = harness("{type: pa-i}", metrics, Set.of(new Gpu("0")))) {
      h.processElement(ModelInput.of(event(0)), 0);
      assertThat(firstModelHyperparameters(h)).doesNotContainKeys("device", "gpu-index");
      assertThat(metrics.gauge(LearnerDevice.GAUGE_INDEX)).isEqualTo(LearnerDevice.CPU);
    }
  }

  /**
   * One labelled example waits in a batch of 64; after {@code max-wait} the operator's timer trains
   * it, so the next prediction already uses the trained weights. Without the timer the next event
   * is predicted by the untrained model (it trains the batch only after predicting).
   */
  @Test
  void theTimerTrainsABatchThatWaitedMaxWaitWithoutANewEvent() throws Exception {
    String learner = "{type: tf-logistic, device: cpu, batch-size: 64, max-wait: 20, learning-rate: 0.5}";
    try (var flushed = harness(learner, new OperatorMetrics(), Set.of());
        var waiting = harness(learner, new OperatorMetrics(), Set.of())) {
      flushed.processElement(ModelInput.of(event(1)), 0);
      waiting.processElement(ModelInput.of(event(1)), 0);
      Thread.sleep(60);
      flushed.setProcessingTime(10);
      runMail(flushed);
      flushed.processElement(ModelInput.of(event(3)), 0);
      waiting.processElement(ModelInput.of(event(3)), 0);
      double trained = flushed.extractOutputValues().get(1).getScore();
      double untrained = waiting.extractOutputValues().get(1).getScore();
      assertThat(untrained).isEqualTo(waiting.extractOutputValues().get(0).getScore());
      assertThat(trained).isNotEqualTo(untrained);
    }
  }
}
