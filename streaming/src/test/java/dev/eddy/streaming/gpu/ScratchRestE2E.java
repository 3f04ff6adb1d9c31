package dev.eddy.streaming.gpu;

import dev.eddy.streaming.cluster.JobSubmitter;
import dev.eddy.streaming.spec.JobSpec;
import dev.eddy.streaming.spec.JobSpecReader;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.Test;

class ScratchRestE2E extends GpuTaskManagerE2E {
  @Test
  @Override
  void tensorFlowJobsTakeTheGpuSlotGetIndexZeroAndShareOneNativeLibraryPerTaskManager() throws Exception {
    String yaml = spec("rest-tf", "{type: tf-logistic, device: gpu}");
    JobSpec spec = JobSpecReader.parse(yaml);
    kafka.createTopics(spec.kafka().topics().all());
    try {
      String id = new JobSubmitter(cluster.rest()).submit(dist.requireJobJar(), new JobSubmitter.Submission(yaml, 1, null, false));
      System.out.println("SCRATCH REST submitted " + id);
    } catch (Exception e) {
      System.out.println("SCRATCH REST failed: " + e);
    }
    produce(spec, 1);
    JobClient a = RemoteSubmission.submit(cluster, dist, JobSpecReader.parse(spec("remote-tf", "{type: tf-logistic, device: gpu}")), new Configuration(), null);
    kafka.createTopics(JobSpecReader.parse(spec("remote-tf", "{type: tf-logistic}")).kafka().topics().all());
    String tm = probe.onlyTaskManager();
    System.out.println("SCRATCH TM " + probe.get("/taskmanagers/" + tm).path("totalResource"));
    System.out.println("SCRATCH SLOTS " + probe.get("/taskmanagers/" + tm).path("allocatedSlots"));
    String id = a.getJobID().toHexString();
    var v = probe.vertex(id, "learner");
    System.out.println("SCRATCH METRIC eddyGpuIndex=" + probe.metric(id, v, LearnerDevice.GAUGE_INDEX) + " eddyLearnerOnGpu=" + probe.metric(id, v, LearnerDevice.GAUGE_ON_GPU));
    probe.cancel(a);
  }
}
