package dev.eddy.core.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A replica's keyed state ({@code eddy-replica}) in its versioned form, each format written mid-round
 * (contributed, one contribution of the other replica received) and committed as a golden file that
 * must keep restoring: format 1 (by count only), format 2 (with the merge interval and the time of
 * the previous contribution), which today's code writes byte for byte.
 */
class ReplicaCodecTest {
  static final String GOLDEN_1 = "/golden/replica-state-format-1.bin";
  static final String GOLDEN_2 = "/golden/replica-state-format-2.bin";

  /**
   * Replica 1 of 2 on the SEA stream, at the first event of its third round at which it has contributed
   * and holds replica 0's contribution but not yet its own back.
   */
  static Replica midRound(ReplicaTest.Run run) {
    for (double[] row : ReplicaTest.sea(3, 2_000)) {
      run.step(new double[] {row[0], row[1], row[2]}, row[3]);
      Replica r = run.replicas[1];
      if (r.round == 3 && r.awaiting && r.received.containsKey(0) && !r.received.containsKey(1)) {
        return r;
      }
    }
    throw new AssertionError("replica 1 never waited with replica 0's contribution in hand");
  }

  /** Format 2's state: merge-every 50 and merge-interval 200 (ms; the run's clock is the event's number). */
  static Replica midRoundFormat2() {
    return midRound(new ReplicaTest.Run(ReplicaTest.CONFIG, 2, 50, 200, 7));
  }

  private static byte[] golden(String name, Replica today) throws Exception {
    if (Boolean.getBoolean("eddy.writeGolden") && name.equals(GOLDEN_2)) { // only the current format, never a released one
      Files.write(Path.of("src/test/resources" + name), ReplicaCodec.encode(today));
    }
    try (InputStream in = ReplicaCodecTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static void assertMidRound(Replica r) {
    assertThat(r.index).isEqualTo(1);
    assertThat(r.count).isEqualTo(2);
    assertThat(r.mergeEvery).isEqualTo(50);
    assertThat(r.awaiting).isTrue();
    assertThat(r.atPublish).isNotNull();
    assertThat(r.received).containsOnlyKeys(0);
    assertThat(r.received.get(0).getRound()).isEqualTo(r.round);
    assertThat(r.delta).isNotNull();
    assertThat(r.global.weight() + r.received.get(0).getExamples()).isPositive();
  }

  @Test
  void theMidRoundStateOfFormat1RestoresAsAReplicaMergingByCount() throws Exception {
    Replica today = midRound(new ReplicaTest.Run(2, 50, 7));
    Replica r = ReplicaCodec.decode(golden(GOLDEN_1, today));
    assertMidRound(r);
    assertThat(r.mergeInterval).as("format 1 merges by count only").isZero();
    assertThat(r.lastContributed).isZero();
    assertThat(r.round).isEqualTo(today.round);
    assertThat(r.learned).isEqualTo(today.learned);
    assertThat(ReplicaCodec.encode(r)).as("restored from format 1, the same state as today's run but the clock")
        .isEqualTo(ReplicaCodec.encode(withClock(today, 0)));
  }

  @Test
  void theMidRoundStateOfFormat2Restores() throws Exception {
    Replica today = midRoundFormat2();
    byte[] golden = golden(GOLDEN_2, today);
    Replica r = ReplicaCodec.decode(golden);
    assertThat(ReplicaCodec.encode(r)).as("format 2 decodes and encodes to the same bytes").isEqualTo(golden);
    assertMidRound(r);
    assertThat(r.mergeInterval).isEqualTo(200);
    assertThat(r.lastContributed).as("the clock of its contribution to the round under way").isPositive();
    assertThat(r.nextTick()).isEqualTo(r.lastContributed + 200);
    assertThat(ReplicaCodec.encode(today)).as("today's run still writes what format 2 holds").isEqualTo(golden);
  }

  private static Replica withClock(Replica r, long lastContributed) {
    Replica copy = ReplicaCodec.decode(ReplicaCodec.encode(r));
    copy.lastContributed = lastContributed;
    return copy;
  }

  @Test
  void badBytesAreRefusedNamingTheFormat() {
    assertThatThrownBy(() -> ReplicaCodec.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replica state");
  }
}
