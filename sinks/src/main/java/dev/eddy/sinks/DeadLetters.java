package dev.eddy.sinks;

import dev.eddy.schemas.DeadLetter;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Builds dead letters that always fit the dead-letter topic: a record's key and value are copied
 * whole up to {@link #MAX_VALUE_COPY} and {@link #MAX_KEY_COPY} bytes; a larger one keeps its first
 * bytes and its full size ({@code valueSize}, {@code keySize}), and the reason is cut at
 * {@link #MAX_REASON_CHARS}. A dead letter is therefore at most ~530 KiB, under the producer's 1 MiB
 * request limit, so dead-lettering a hostile record can never fail the job.
 */
public final class DeadLetters {
  /** Largest value copied whole: 512 KiB. */
  public static final int MAX_VALUE_COPY = 512 << 10;
  /** Largest key copied whole: 16 KiB. */
  public static final int MAX_KEY_COPY = 16 << 10;
  /** Longest reason kept, in characters. */
  public static final int MAX_REASON_CHARS = 2000;

  /** The topic named in the dead letter of an output record (it has no input position). */
  public static final int NO_PARTITION = -1;

  private DeadLetters() {}

  /**
   * The dead letter of a record at {@code topic}/{@code partition}/{@code offset} with {@code key} and
   * {@code value} (either may be null), for {@code reason}.
   */
  public static DeadLetter of(String topic, int partition, long offset, byte[] key, byte[] value, String reason) {
    return DeadLetter.newBuilder()
        .setTopic(topic)
        .setPartition(partition)
        .setOffset(offset)
        .setKey(prefix(key, MAX_KEY_COPY))
        .setKeySize(key != null && key.length > MAX_KEY_COPY ? (long) key.length : null)
        .setValue(prefix(value, MAX_VALUE_COPY))
        .setValueSize(value != null && value.length > MAX_VALUE_COPY ? (long) value.length : null)
        .setReason(reason.length() <= MAX_REASON_CHARS ? reason
            : reason.substring(0, MAX_REASON_CHARS) + "... (" + reason.length() + " characters)")
        .setTimestamp(System.currentTimeMillis())
        .build();
  }

  private static ByteBuffer prefix(byte[] bytes, int max) {
    if (bytes == null) {
      return null;
    }
    return ByteBuffer.wrap(bytes.length <= max ? bytes : Arrays.copyOf(bytes, max));
  }
}
