package dev.eddy.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --transactional} on a short stream (real broker, MiniCluster, RocksDB): every round of every
 * format measures the two passthroughs and the job over the same records, and the job committed exactly one
 * prediction per event in each (the harness checks it, or throws).
 */
@Tag("slow")
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScaleBenchmarkITCase {
  private static final long EVENTS = 200_000;

  @Test
  void measuresEveryRoundOfEveryFormatBesideItsBaselines(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    List<ScaleBenchmark.Throughput> r = ScaleBenchmark.transactional(EVENTS, List.of("avro", "json"), 2, dir,
        new PrintStream(text, true, StandardCharsets.UTF_8));

    assertThat(r).extracting(ScaleBenchmark.Throughput::round).containsExactly(1, 1, 2, 2);
    assertThat(r).extracting(ScaleBenchmark.Throughput::format).containsExactly("avro", "json", "avro", "json");
    for (ScaleBenchmark.Throughput t : r) {
      assertThat(t.events()).isEqualTo(EVENTS);
      for (ScaleBenchmark.Rates x : List.of(t.whole(), t.steady())) {
        assertThat(x.plainPerSecond()).isPositive();
        assertThat(x.transactionalPerSecond()).isPositive();
        assertThat(x.jobPerSecond()).isPositive();
        assertThat(x.ratioToPlain()).isEqualTo(x.jobPerSecond() / x.plainPerSecond());
      }
      assertThat(t.steady().jobPerSecond()).as("without the job's start and final commit")
          .isGreaterThan(t.whole().jobPerSecond());
      assertThat(t.plainCpuSeconds()).isPositive();
      assertThat(t.transactionalCpuSeconds()).isPositive();
      assertThat(t.job().processCpuSeconds()).as("the whole JVM during the job").isPositive();
      assertThat(t.job().learnerCpuSeconds()).as("the learner's task thread").isPositive()
          .isLessThan(t.job().processCpuSeconds());
    }
    assertThat(text.toString(StandardCharsets.UTF_8)).contains("warm-up", "round 2, json: checking that the job committed");
  }
}
