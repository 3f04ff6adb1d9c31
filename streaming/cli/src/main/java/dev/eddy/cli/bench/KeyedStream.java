package dev.eddy.cli.bench;

import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.synthetic.HyperplaneGenerator;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.codec.Topics;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmarks' stream of the scale runs: the demo's labelled hyperplane stream (as
 * {@link SeededWorkload}), in Avro or JSON, with a model key per event drawn from {@code keys} keys,
 * uniformly or Zipf-distributed (exponent 1: key k has weight 1/(k+1), so a few keys are hot and most
 * are rare), or one key for all. The Kafka key is the model key.
 */
public final class KeyedStream {
  private final String format;
  private final int keys;
  private final boolean zipf;
  private final double[] cumulative; // Zipf's cumulative weights, normalized; null when uniform
  private final SplittableRandom random;
  private final HyperplaneGenerator stream;
  private final double[] x = new double[SeededWorkload.FEATURES.length];
  private final java.util.BitSet seen = new java.util.BitSet();
  private boolean kafkaKeyById; // spread over the partitions by event id (replicas bench), else by model key

  /**
   * @param format avro or json
   * @param keys distinct model keys (1 = every event the same key)
   * @param skew uniform or zipf
   */
  public KeyedStream(String format, int keys, String skew, long events, long seed) {
    if (!format.equals("avro") && !format.equals("json")) {
      throw new IllegalArgumentException("--format must be avro or json, got " + format);
    }
    if (!skew.equals("uniform") && !skew.equals("zipf")) {
      throw new IllegalArgumentException("--key-skew must be zipf or uniform, got " + skew);
    }
    if (keys < 1) {
      throw new IllegalArgumentException("--keys must be >= 1, got " + keys);
    }
    this.format = format;
    this.keys = keys;
    this.zipf = skew.equals("zipf") && keys > 1;
    this.cumulative = zipf ? zipfCumulative(keys) : null;
    this.random = new SplittableRandom(seed);
    this.stream = new HyperplaneGenerator(seed, x.length, dev.eddy.core.synthetic.SeaGenerator.quarters(events), 0.05);
  }

  private static double[] zipfCumulative(int n) {
    double[] c = new double[n];
    double sum = 0;
    for (int k = 0; k < n; k++) {
      sum += 1.0 / (k + 1);
      c[k] = sum;
    }
    for (int k = 0; k < n; k++) {
      c[k] /= sum;
    }
    return c;
  }

  /** The next event's model key, by index. */
  int nextKey() {
    int k;
    if (keys == 1) {
      k = 0;
    } else if (zipf) {
      int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
      k = Math.min(keys - 1, i >= 0 ? i : -i - 1);
    } else {
      k = random.nextInt(keys);
    }
    seen.set(k);
    return k;
  }

  /** Sends event {@code i} with {@code timestamp} (the production time for latency runs). */
  void send(CheckedProducer producer, String topic, long i, long timestamp) {
    double y = stream.next(x);
    String key = "k" + nextKey();
    byte[] value;
    if (format.equals("avro")) {
      Map<String, Double> features = new HashMap<>(8);
      for (int f = 0; f < x.length; f++) {
        features.put(SeededWorkload.FEATURES[f], x[f]);
      }
      value = Topics.EVENT.encode(Event.newBuilder().setId("e-" + i).setKey(key).setTimestamp(timestamp)
          .setFeatures(features).setLabel(y).build());
    } else {
      StringBuilder json = new StringBuilder(160).append("{\"id\":\"e-").append(i).append("\",\"key\":\"").append(key)
          .append("\",\"timestamp\":").append(timestamp).append(",\"features\":{");
      for (int f = 0; f < x.length; f++) {
        json.append(f == 0 ? "" : ",").append('"').append(SeededWorkload.FEATURES[f]).append("\":")
            .append(String.format(Locale.ROOT, "%.6f", x[f]));
      }
      value = json.append("},\"label\":").append((int) y).append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
    producer.send(topic, (kafkaKeyById ? "e-" + i : key).getBytes(StandardCharsets.UTF_8), value);
  }

  /** This stream with the event id as the Kafka key, so that one model key's events spread over the partitions. */
  KeyedStream spreadById() {
    kafkaKeyById = true;
    return this;
  }

  /** Produces {@code events} events (event times = positions, as the demo's); returns the distinct keys sent so far. */
  long produce(CheckedProducer producer, String topic, long events) {
    for (long i = 0; i < events; i++) {
      send(producer, topic, i, SeededWorkload.eventTime(i));
    }
    producer.flush();
    return seen.cardinality();
  }
}
