package dev.eddy.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Dead letters stay under the producer's request limit, and an output that cannot be sent becomes one. */
class DeadLettersTest {

  @Test
  void aSmallRecordIsCopiedWholeWithoutSizes() {
    DeadLetter d = DeadLetters.of("events", 3, 7, "k".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2}, "bad");
    assertThat(bytes(d.getValue())).containsExactly(1, 2);
    assertThat(bytes(d.getKey())).containsExactly('k');
    assertThat(d.getValueSize()).isNull();
    assertThat(d.getKeySize()).isNull();
    assertThat(d.getReason()).isEqualTo("bad");
  }

  @Test
  void aRecordTooLargeToCopyKeepsItsPrefixAndSizeAndTheEncodedDeadLetterFitsTheRequestLimit() {
    byte[] value = new byte[10 << 20];
    Arrays.fill(value, (byte) 'v');
    value[0] = 'F';
    byte[] key = new byte[1 << 20];
    String reason = "x".repeat(1 << 20);

    DeadLetter d = DeadLetters.of("events", 0, 1, key, value, reason);

    assertThat(d.getValueSize()).isEqualTo(10L << 20);
    assertThat(d.getKeySize()).isEqualTo(1L << 20);
    assertThat(bytes(d.getValue())).hasSize(DeadLetters.MAX_VALUE_COPY).startsWith((byte) 'F', (byte) 'v');
    assertThat(bytes(d.getKey())).hasSize(DeadLetters.MAX_KEY_COPY);
    assertThat(d.getReason()).hasSize(DeadLetters.MAX_REASON_CHARS + " (1048576 characters)".length() + 3)
        .endsWith("... (1048576 characters)");
    assertThat(Topics.DEAD_LETTER.encode(d).length).isLessThan((1 << 20) - AvroRecordSerializer.RECORD_OVERHEAD);
  }

  @Test
  void anOutputTooLargeForItsLimitGoesToTheDeadLetterTopicWithItsSize() throws Exception {
    AvroRecordSerializer<Prediction> serializer =
        new AvroRecordSerializer<>("predictions", Prediction.class, Prediction::getModelKey, 4096, "dlq");
    Prediction small = prediction("e-1");
    Prediction large = prediction("e-" + "9".repeat(5000));

    ProducerRecord<byte[], byte[]> sent = serializer.serialize(small, null, 5L);
    assertThat(sent.topic()).isEqualTo("predictions");
    assertThat(Topics.PREDICTION.decode(sent.value())).isEqualTo(small);

    ProducerRecord<byte[], byte[]> diverted = serializer.serialize(large, null, 6L);
    assertThat(diverted.topic()).isEqualTo("dlq");
    assertThat(diverted.timestamp()).isEqualTo(6L);
    DeadLetter d = Topics.DEAD_LETTER.decode(diverted.value());
    int size = Topics.PREDICTION.encode(large).length + "global".length();
    assertThat(d.getTopic()).isEqualTo("predictions");
    assertThat(d.getPartition()).isEqualTo(-1);
    assertThat(d.getReason()).isEqualTo("Prediction of " + size + " bytes for predictions is larger than the output's"
        + " limit of 3072 bytes");
    assertThat(Topics.PREDICTION.decode(bytes(d.getValue()))).isEqualTo(large); // small enough to copy whole
  }

  @Test
  void anOutputThatCannotBeEncodedGoesToTheDeadLetterTopicWithTheError() throws Exception {
    AvroRecordSerializer<Prediction> serializer =
        new AvroRecordSerializer<>("predictions", Prediction.class, Prediction::getModelKey, 1 << 20, "dlq");
    Prediction broken = prediction("e-1");
    broken.setId(null); // a required string: Avro refuses to write it

    ProducerRecord<byte[], byte[]> diverted = serializer.serialize(broken, null, 6L);

    assertThat(diverted.topic()).isEqualTo("dlq");
    DeadLetter d = Topics.DEAD_LETTER.decode(diverted.value());
    assertThat(d.getReason()).startsWith("cannot encode the Prediction for predictions: ");
    assertThat(d.getValue()).isNull();
    assertThat(bytes(d.getKey())).containsExactly("global".getBytes(StandardCharsets.UTF_8));
  }

  private static Prediction prediction(String id) {
    return Prediction.newBuilder().setId(id).setModelKey("global").setModelVersion(1).setScore(0.5)
        .setPredictedLabel(1).setLabel(null).setEventTime(1).setProcessedAt(2).build();
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }
}
