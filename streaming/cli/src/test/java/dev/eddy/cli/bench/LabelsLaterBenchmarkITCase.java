package dev.eddy.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --labels-later} on a short stream (real broker, MiniCluster, RocksDB): every event of the
 * withheld run waits, its state shows in the checkpoint and in RocksDB, and a delayed label costs accuracy.
 */
@Tag("slow")
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
class LabelsLaterBenchmarkITCase {
  private static final long EVENTS = 20_000;

  @Test
  void measuresTheWaitingStateAndWhatADelayCosts(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    LabelsLaterBenchmark.Result r = LabelsLaterBenchmark.run(EVENTS, 4000, new int[] {0, 1000}, dir,
        new PrintStream(text, true, StandardCharsets.UTF_8));

    assertThat(r.none().waiting()).isZero();
    assertThat(r.all().waiting()).isEqualTo(EVENTS);
    // a waiting event keeps its id, 5 features and its deadline: tens of bytes, not nothing, not kilobytes
    assertThat(r.waitingBytesPerEvent()).isBetween(20.0, 1000.0);
    assertThat(r.rocksBytesPerEvent()).isBetween(20.0, 1000.0);
    assertThat(r.all().checkpointMillis()).isPositive();
    assertThat(r.all().savepointBytes()).as("a savepoint writes every waiting event")
        .isGreaterThan(r.none().savepointBytes() + 20 * EVENTS);
    assertThat(r.all().largestCheckpointBytes()).isGreaterThanOrEqualTo(r.all().checkpointBytes());

    assertThat(r.accuracy()).extracting(LabelsLaterBenchmark.Accuracy::delay).containsExactly(0, 1000);
    assertThat(r.accuracy().get(0).accuracy()).as("labels at once on the demo's stream").isGreaterThan(0.85);
    assertThat(r.accuracy().get(1).accuracy()).as("each label 1000 rows later: a quarter of 4000 rows unlearned")
        .isLessThan(r.accuracy().get(0).accuracy() - 0.1);

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    LabelsLaterReport.print(r, new PrintStream(printed, true, StandardCharsets.UTF_8), dir.resolve("r.json"));
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("labels never sent | 20,000 |", "--delay 1000 |");
    assertThat(dir.resolve("r.json")).isNotEmptyFile();
  }
}
