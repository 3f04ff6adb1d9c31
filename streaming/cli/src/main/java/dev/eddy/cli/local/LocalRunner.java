package dev.eddy.cli.local;

import dev.eddy.core.spec.JobSpec;
import dev.eddy.job.EddyJob;
import java.nio.file.Path;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs the Eddy job on a local Flink MiniCluster in this JVM, with the same RocksDB state backend and
 * checkpointing as on a cluster. Used by {@code bin/eddy run}, the demo, the benchmark and the tests.
 */
public final class LocalRunner {
  private LocalRunner() {}

  /**
   * Starts the job and returns its client; {@code workDir} holds checkpoints unless the spec names a
   * checkpoint directory.
   */
  public static JobClient start(JobSpec spec, boolean bounded, Path workDir) throws Exception {
    return start(spec, bounded, workDir, new Configuration());
  }

  /**
   * Starts the job with {@code extra} settings on top of the spec's and the local defaults (e.g. a
   * savepoint to restore, or {@code restart-strategy.type: none}).
   */
  public static JobClient start(JobSpec spec, boolean bounded, Path workDir, Configuration extra) throws Exception {
    Configuration conf = configuration(spec, workDir, extra);
    int parallelism = spec.parallelism() > 0 ? spec.parallelism() : 1;
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    EddyJob.build(env, spec, bounded);
    return env.executeAsync(spec.name());
  }

  /**
   * The configuration of a local run of {@code spec}: the spec's, checkpoints under {@code workDir}
   * unless the spec names a directory, a few restarts, a short slot request timeout and one slot per
   * subtask, then {@code extra} on top.
   */
  public static Configuration configuration(JobSpec spec, Path workDir, Configuration extra) {
    Configuration conf = EddyJob.configuration(spec);
    if (spec.checkpoint().directory() == null) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(
          CheckpointingOptions.CHECKPOINTS_DIRECTORY,
          workDir.resolve("checkpoints").toAbsolutePath().toUri().toString());
    }
    // a local job that keeps failing fails the command instead of restarting forever
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, java.time.Duration.ofSeconds(1));
    // the MiniCluster's slots are in this JVM from the start: a restart that finds none lost its
    // TaskManager, and fails within seconds instead of waiting Flink's default 5 minutes for one
    conf.set(JobManagerOptions.SLOT_REQUEST_TIMEOUT, java.time.Duration.ofSeconds(10));
    // one slot per subtask: the local environment's default parallelism (the core count) would wait
    // forever for slots the MiniCluster does not have
    int parallelism = spec.parallelism() > 0 ? spec.parallelism() : 1;
    // (the learner runs one subtask per replica with models.replicas)
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(parallelism, spec.models().replicas().count()));
    conf.addAll(extra);
    return conf;
  }

  /** Runs the job to completion (a bounded job) and returns its result. */
  public static JobExecutionResult run(JobSpec spec, boolean bounded, Path workDir) throws Exception {
    return start(spec, bounded, workDir).getJobExecutionResult().get();
  }

  /** Runs the job to completion with {@code extra} settings on top of the spec's. */
  public static JobExecutionResult run(JobSpec spec, boolean bounded, Path workDir, Configuration extra) throws Exception {
    return start(spec, bounded, workDir, extra).getJobExecutionResult().get();
  }
}
