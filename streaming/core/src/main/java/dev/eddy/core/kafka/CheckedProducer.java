package dev.eddy.core.kafka;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A producer that does not lose records silently: every send's result is checked, and
 * {@link #flush()} (and {@link #close()}) throw if any record was not written, with the count and the
 * first error. Used by the CLI's {@code produce}, the demo and the tests.
 */
public final class CheckedProducer implements AutoCloseable {
  private final KafkaProducer<byte[], byte[]> producer;
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private long sent;

  public CheckedProducer(KafkaConnection kafka) {
    this.producer = KafkaClients.producer(kafka);
  }

  /** Sends one record asynchronously; a failure is reported by the next {@link #flush()}. */
  public void send(String topic, byte[] key, byte[] value) {
    producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
      if (e != null) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, e);
      }
    });
    sent++;
  }

  /** Records sent so far (written or not). */
  public long sent() {
    return sent;
  }

  /** Waits for every record sent; throws {@link IllegalStateException} if any was not written. */
  public void flush() {
    producer.flush();
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " of " + sent + " records were not written: " + firstFailure.get(),
          firstFailure.get());
    }
  }

  @Override
  public void close() {
    try {
      flush();
    } finally {
      producer.close();
    }
  }
}
