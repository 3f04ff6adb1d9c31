package dev.eddy.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.KafkaTestSupport;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.job.EddyJob;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A local run whose TaskManager is lost (as when a hostile record once killed it) fails within a minute
 * with the job's error, instead of waiting Flink's default 5 minutes for a slot per restart: the job
 * runs on a MiniCluster with exactly {@link LocalRunner#configuration}, and its one TaskManager is
 * terminated.
 */
@Tag("slow")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LostTaskManagerITCase {
  @RegisterExtension
  static final KafkaTestSupport kafka = new KafkaTestSupport();

  @Test
  void theRunFailsSoonAfterItsTaskManagerIsLost() throws Exception {
    JobSpec spec = JobSpecReader.parse(SeededWorkload.spec(kafka.bootstrap()).replace("name: eddy-demo", "name: lost"));
    JobKafka.prepare(spec);
    Configuration conf = LocalRunner.configuration(spec, kafka.workDir("lost"), new Configuration());
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setConfiguration(conf)
        .setNumTaskManagers(1).setNumSlotsPerTaskManager(1).build());
    cluster.start();
    try {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
      env.setParallelism(1);
      EddyJob.build(env, spec, false); // unbounded: it runs until something stops it
      JobID job = cluster.submitJob(env.getStreamGraph()).get().getJobID();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (cluster.getJobStatus(job).get() != JobStatus.RUNNING) {
        assertThat(System.nanoTime()).as("the job running").isLessThan(deadline);
        TimeUnit.MILLISECONDS.sleep(100);
      }
      TimeUnit.SECONDS.sleep(2);

      long lost = System.nanoTime();
      cluster.terminateTaskManager(0).get();
      JobResult result = cluster.requestJobResult(job).get(2, TimeUnit.MINUTES);

      Duration took = Duration.ofNanos(System.nanoTime() - lost);
      assertThat(result.isSuccess()).isFalse();
      assertThat(result.getSerializedThrowable()).isPresent();
      assertThat(took).as("from the lost TaskManager to the failed job").isLessThan(Duration.ofSeconds(60));
    } finally {
      cluster.close();
    }
  }
}
