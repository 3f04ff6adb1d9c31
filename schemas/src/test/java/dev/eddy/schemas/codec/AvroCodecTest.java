package dev.eddy.schemas.codec;

import static dev.eddy.schemas.codec.MalformedRecords.followedBy;
import static dev.eddy.schemas.codec.MalformedRecords.repeating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.schemas.Event;
import dev.eddy.schemas.Prediction;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroCodecTest {
  private final Event event =
      Event.newBuilder()
          .setId("e-1")
          .setKey("tenant-a")
          .setTimestamp(1_700_000_000_000L)
          .setFeatures(Map.of("x1", 1.5, "x2", -2.0))
          .setLabel(1.0)
          .build();

  @Test
  void roundTripsAnEvent() throws IOException {
    byte[] bytes = Topics.EVENT.encode(event);
    assertThat(Topics.EVENT.decode(bytes)).isEqualTo(event);
  }

  @Test
  void rejectsBytesOfAnotherSchemaAndGarbage() {
    byte[] bytes = Topics.EVENT.encode(event);
    assertThatThrownBy(() -> Topics.PREDICTION.decode(bytes)).isInstanceOf(Exception.class);
    assertThatThrownBy(() -> Topics.EVENT.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(Exception.class);
    assertThatThrownBy(() -> Topics.EVENT.decode(null)).isInstanceOf(IOException.class);
  }

  @Test
  void rejectsBytesAfterTheRecord() {
    byte[] bytes = Topics.EVENT.encode(event);
    assertThatThrownBy(() -> Topics.EVENT.decode(followedBy(bytes, new byte[3])))
        .isInstanceOfSatisfying(TrailingBytesException.class, e -> assertThat(e.count()).isEqualTo(3))
        .hasMessage("3 trailing byte(s) after the Event record");
    assertThatThrownBy(() -> Topics.EVENT.decode(followedBy(bytes, bytes)))
        .hasMessage(bytes.length + " trailing byte(s) after the Event record");
  }

  @Test
  void rejectsAMapKeyGivenTwiceInsteadOfKeepingTheLastValue() {
    Map<String, Double> repeated = repeating(Map.entry("x1", 1.0), Map.entry("x2", 2.0), Map.entry("x1", 3.0));
    byte[] bytes = Topics.EVENT.encode(Event.newBuilder(event).setFeatures(repeated).build());
    assertThatThrownBy(() -> Topics.EVENT.decode(bytes))
        .isInstanceOfSatisfying(RepeatedMapKeyException.class, e -> assertThat(e.key()).isEqualTo("x1"))
        .hasMessage("map key 'x1' given twice");
  }

  @Test
  void decodeAnyFindsTheRightSchema() {
    Prediction p =
        Prediction.newBuilder()
            .setId("e-1")
            .setModelKey("global")
            .setModelVersion(3)
            .setScore(0.5)
            .setPredictedLabel(1)
            .setLabel(null)
            .setEventTime(1)
            .setProcessedAt(2)
            .build();
    assertThat(Topics.decodeAny(Topics.PREDICTION.encode(p))).isEqualTo(p);
    assertThat(Topics.decodeAny(Topics.EVENT.encode(event))).isEqualTo(event);
    assertThat(Topics.decodeAny(new byte[] {9, 9})).isNull();
  }

  @Test
  void jsonViewUnwrapsUnionsAndKeepsSchemaFieldNames() {
    String json = JsonView.toJson(event);
    assertThat(json)
        .startsWith("{\"id\":\"e-1\",\"key\":\"tenant-a\",\"timestamp\":1700000000000,\"features\":{")
        .contains("\"x1\":1.5")
        .endsWith("\"label\":1.0,\"labelName\":null}");
  }

  /**
   * A hostile record claims a billion map entries (or a billion-byte id) in a few bytes: decoding fails
   * on the missing bytes without allocating anything near the claimed size (measured: the bytes this
   * thread allocates while decoding).
   */
  @Test
  void aRecordThatClaimsAHugeCollectionOrStringFailsWithoutAllocatingIt() {
    byte[] bytes = Topics.EVENT.encode(Event.newBuilder(event).setFeatures(Map.of("x1", 1.5)).build());
    int map = indexOf(bytes, new byte[] {2, 4, 'x', '1'}); // block of 1 entry, key "x1"
    byte[] claimsMap = splice(bytes, map, 1, zigzagVarint(1_000_000_000L));
    int id = indexOf(bytes, new byte[] {6, 'e', '-', '1'}); // id "e-1", 3 bytes
    byte[] claimsId = java.util.Arrays.copyOf(splice(bytes, id, 1, zigzagVarint(1_000_000_000L)), id + 9);

    for (byte[] hostile : new byte[][] {claimsMap, claimsId}) {
      long before = allocated();
      assertThatThrownBy(() -> Topics.EVENT.decode(hostile)).isInstanceOf(IOException.class);
      assertThat(allocated() - before).as("bytes allocated while decoding").isLessThan(16L << 20);
    }
  }

  private static long allocated() {
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    for (int i = 0; i + part.length <= bytes.length; i++) {
      if (java.util.Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  /** {@code bytes} with {@code length} bytes at {@code at} replaced by {@code with}. */
  private static byte[] splice(byte[] bytes, int at, int length, byte[] with) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.writeBytes(with);
    out.write(bytes, at + length, bytes.length - at - length);
    return out.toByteArray();
  }

  /** Avro's encoding of a long: zig-zag, then 7 bits a byte. */
  private static byte[] zigzagVarint(long n) {
    long z = (n << 1) ^ (n >> 63);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    while ((z & ~0x7FL) != 0) {
      out.write((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
    return out.toByteArray();
  }
}
