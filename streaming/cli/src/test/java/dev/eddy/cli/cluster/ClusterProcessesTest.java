package dev.eddy.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every process is in {@code cluster.json} from the moment it is spawned, before anything waits for
 * it: a {@code cluster start} killed while it waits leaves nothing {@code cluster stop} cannot find.
 * Real processes (that never become a Flink cluster) stand in for the JobManager and TaskManager.
 */
class ClusterProcessesTest {
  private static final List<String> NEVER_READY = List.of("sleep", "120");

  @Test
  void eachProcessIsRecordedAsSoonAsItIsSpawnedAndAnotherInvocationCanStopIt(@TempDir Path dir) {
    ClusterProcesses processes = new ClusterProcesses("http://127.0.0.1:1", dir, dir.resolve("log"), 2, Map.of());
    FlinkProcess jm = processes.launchJobManager(NEVER_READY);
    ClusterState afterJobManager = ClusterState.load(dir).orElseThrow();
    assertThat(afterJobManager.jobManager().pid()).isEqualTo(jm.pid());
    assertThat(afterJobManager.running()).extracting(ClusterState.ProcessInfo::name).containsExactly("jobmanager");

    FlinkProcess tm = processes.launchTaskManager("taskmanager-0", NEVER_READY);
    ClusterState afterTaskManager = ClusterState.load(dir).orElseThrow();
    assertThat(afterTaskManager.taskManagers()).extracting(ClusterState.ProcessInfo::pid).containsExactly(tm.pid());
    assertThat(afterTaskManager.running()).hasSize(2);

    // `bin/eddy cluster stop`, from another invocation: only the file is shared
    List<ClusterState.ProcessInfo> stopped = afterTaskManager.stop(Duration.ofSeconds(5));
    assertThat(stopped).extracting(ClusterState.ProcessInfo::name).containsExactly("taskmanager-0", "jobmanager");
    assertThat(jm.isAlive()).isFalse();
    assertThat(tm.isAlive()).isFalse();
    assertThat(Files.exists(dir.resolve(ClusterState.FILE))).isFalse();
  }
}
