package dev.eddy.core.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A replica's keyed state ({@code eddy-replica}) in its versioned form: format 1, written mid-round
 * (contributed, one contribution of the other replica received), is committed as a golden file and
 * must keep restoring, byte for byte.
 */
class ReplicaCodecTest {
  static final String GOLDEN = "/golden/replica-state-format-1.bin";

  /**
   * Replica 1 of 2 on the SEA stream, at the first event of its third round at which it has contributed
   * and holds replica 0's contribution but not yet its own back.
   */
  static Replica midRound() {
    ReplicaTest.Run run = new ReplicaTest.Run(2, 50, 7);
    for (double[] row : ReplicaTest.sea(3, 2_000)) {
      run.step(new double[] {row[0], row[1], row[2]}, row[3]);
      Replica r = run.replicas[1];
      if (r.round == 3 && r.awaiting && r.received.containsKey(0) && !r.received.containsKey(1)) {
        return r;
      }
    }
    throw new AssertionError("replica 1 never waited with replica 0's contribution in hand");
  }

  @Test
  void theMidRoundStateOfFormat1Restores() throws Exception {
    Replica today = midRound();
    if (Boolean.getBoolean("eddy.writeGolden")) { // regenerate only for a new format, never over a released one
      Files.write(Path.of("src/test/resources" + GOLDEN), ReplicaCodec.encode(today));
    }
    byte[] golden;
    try (InputStream in = ReplicaCodecTest.class.getResourceAsStream(GOLDEN)) {
      golden = in.readAllBytes();
    }
    Replica r = ReplicaCodec.decode(golden);
    assertThat(ReplicaCodec.encode(r)).as("format 1 decodes and encodes to the same bytes").isEqualTo(golden);
    assertThat(r.index).isEqualTo(1);
    assertThat(r.count).isEqualTo(2);
    assertThat(r.mergeEvery).isEqualTo(50);
    assertThat(r.awaiting).isTrue();
    assertThat(r.atPublish).isNotNull();
    assertThat(r.received).containsOnlyKeys(0);
    assertThat(r.received.get(0).getRound()).isEqualTo(r.round);
    assertThat(r.delta).isNotNull();
    assertThat(r.global.weight() + r.received.get(0).getExamples()).isPositive();
    assertThat(ReplicaCodec.encode(today)).as("today's run still writes what format 1 holds").isEqualTo(golden);
  }

  @Test
  void badBytesAreRefusedNamingTheFormat() {
    assertThatThrownBy(() -> ReplicaCodec.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("replica state");
  }
}
