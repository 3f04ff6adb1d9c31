package dev.eddy.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.Prediction;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A waiting event survives checkpoints with its whole prediction, and format 1 still restores. */
class PendingCodecTest {

  @Test
  void aMulticlassPredictionKeepsItsClassScoresAndProbabilities() {
    Prediction p = new Prediction(2.0, 1, Double.NaN, new double[] {0.5, 2.0, -1}, new double[] {0.2, 0.7, 0.1});
    FeatureVector x = FeatureVector.sparse(8, new int[] {1, 5}, new double[] {0.5, -2}, 2);
    Scored s = new Scored(p, x, 4, true, List.of());
    PendingCodec.Pending back = PendingCodec.decode(PendingCodec.encode(s, 10, 20));
    assertThat(back.scored().prediction()).isEqualTo(p);
    assertThat(back.scored().features().toDenseArray()).containsExactly(x.toDenseArray());
    assertThat(back.scored().version()).isEqualTo(4);
    assertThat(back.scored().retrain()).isTrue();
    assertThat(back.eventTime()).isEqualTo(10);
    assertThat(back.deadline()).isEqualTo(20);
  }

  /** Written by format 1 (the labels topic's first release), binary only: no class arrays. */
  @Test
  void aFormat1PendingEventRestores() throws IOException {
    byte[] golden;
    try (InputStream in = PendingCodecTest.class.getResourceAsStream("/golden/pending-event-format-1.bin")) {
      golden = in.readAllBytes();
    }
    PendingCodec.Pending p = PendingCodec.decode(golden);
    assertThat(p.scored().prediction()).isEqualTo(new Prediction(0.75, 1.0, 0.68));
    assertThat(p.scored().features().toDenseArray()).containsExactly(0.5, -1.25);
    assertThat(p.scored().version()).isEqualTo(3);
    assertThat(p.scored().retrain()).isFalse();
    assertThat(p.eventTime()).isEqualTo(1_700_000_000_000L);
    assertThat(p.deadline()).isEqualTo(1_700_000_060_000L);
  }
}
