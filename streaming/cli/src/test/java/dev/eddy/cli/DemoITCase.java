package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/eddy demo} end to end (its own broker and MiniCluster), short streams: the default demo, and
 * {@code --label-delay} with the events unlabelled and each label on the labels topic later.
 */
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DemoITCase {
  private static final int EVENTS = 3000;

  @Test
  void labelsOnTheEventsAsBefore(@TempDir Path dir) throws Exception {
    JsonNode s = demo(dir, "--bad-records", "3");
    assertThat(s.path("predictions").asLong()).isEqualTo(EVENTS);
    assertThat(s.path("deadLetters").asLong()).isEqualTo(3);
    assertThat(s.path("accuracy").asDouble()).isGreaterThan(0.75);
    assertThat(s.path("labelDelay").isNull()).isTrue();
    assertThat(s.path("labelsMatched").asLong()).isZero(); // no label came on the labels topic
    assertThat(s.path("labelsEarly").asLong()).isZero();
  }

  @Test
  void labelsLaterAreMatchedAndEveryPredictionIsScoredAgainstItsLabel(@TempDir Path dir) throws Exception {
    String[] run = new String[3];
    JsonNode s = demo(dir, run, "--label-delay", "50", "--bad-records", "0");
    assertThat(s.path("predictions").asLong()).isEqualTo(EVENTS);
    assertThat(s.path("labelDelay").asInt()).isEqualTo(50);
    assertThat(s.path("labelsMatched").asLong()).isEqualTo(EVENTS); // each label joined its event once
    assertThat(s.path("labelsExpired").asLong()).isZero();
    assertThat(s.path("labelsEarly").asLong()).isBetween(0L, (long) EVENTS);
    // scored against the labels topic: a prediction without its label would count NaN, one scored against
    // another event's label ~0.5; the job's delay is 50 events give or take the replay's lead (200), and a
    // new concept comes every 750 events
    assertThat(s.path("accuracy").asDouble()).isGreaterThan(0.65);
    assertThat(run[1]).contains("labels 50 events later: " + EVENTS + " matched (")
        .contains("), 0 expired");
  }

  @Test
  void aNegativeLabelDelayIsAUsageError() {
    String[] r = ProduceConsumeITCase.run("demo", "--label-delay", "-1");
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).contains("--label-delay must be >= 0, got -1");
  }

  private static JsonNode demo(Path dir, String... args) throws Exception {
    return demo(dir, new String[3], args);
  }

  private static JsonNode demo(Path dir, String[] result, String... args) throws Exception {
    Path summary = dir.resolve("summary.json");
    String[] all = new String[args.length + 7];
    System.arraycopy(new String[] {"demo", "--events", String.valueOf(EVENTS), "--work-dir", dir.resolve("work").toString(),
        "--summary", summary.toString()}, 0, all, 0, 7);
    System.arraycopy(args, 0, all, 7, args.length);
    String[] r = ProduceConsumeITCase.run(all);
    System.arraycopy(r, 0, result, 0, 3);
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    return new ObjectMapper().readTree(summary.toFile());
  }
}
