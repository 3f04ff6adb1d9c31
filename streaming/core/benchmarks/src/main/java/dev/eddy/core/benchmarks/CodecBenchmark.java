package dev.eddy.core.benchmarks;

import dev.eddy.core.input.AvroEventParser;
import dev.eddy.core.input.FeatureLayout;
import dev.eddy.core.input.InputEvent;
import dev.eddy.core.input.InvalidEventException;
import dev.eddy.schemas.Event;
import dev.eddy.schemas.Prediction;
import dev.eddy.schemas.codec.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The job's per-event codecs, each next to the path it replaced: reading the demo's Avro event (5
 * features) into the model's input ({@link AvroEventParser}, whose fast path reads the map straight
 * into the vector) against the strict Avro reader followed by the per-entry layout checks (the parser's
 * fallback, and its whole path before); writing a binary {@link Prediction} with the generated class's
 * own encoder ({@code Topics.PREDICTION.encode}) against Avro's generic writer ({@link
 * BinaryMessageEncoder} over {@code SpecificData.get()}, as {@code AvroCodec} wrote before).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
  private static final List<String> FEATURES = List.of("x1", "x2", "x3", "x4", "x5");
  private final FeatureLayout layout = new FeatureLayout(FEATURES, false);
  private final AvroEventParser parser = new AvroEventParser(layout);
  private final byte[] event = Topics.EVENT.encode(Event.newBuilder().setId("e-123456").setKey(null)
      .setTimestamp(1_764_547_200_000L)
      .setFeatures(Map.of("x1", 0.1234, "x2", 0.5678, "x3", 0.9012, "x4", 0.3456, "x5", 0.789))
      .setLabel(1.0).build());
  private final Prediction prediction = Prediction.newBuilder().setId("e-123456").setModelKey("global")
      .setModelVersion(1).setScore(0.42).setPredictedLabel(1).setProbability(null).setLabel(1.0)
      .setEventTime(1_764_547_200_000L).setProcessedAt(1_764_547_200_005L).setTask("binary").build();
  private final BinaryMessageEncoder<Prediction> generic =
      new BinaryMessageEncoder<>(SpecificData.get(), Prediction.getClassSchema());

  @Benchmark
  public InputEvent readEvent() throws InvalidEventException {
    return parser.parse(event, 0);
  }

  @Benchmark
  public InputEvent readEventStrict() throws IOException, InvalidEventException {
    Event e = Topics.EVENT.decode(event);
    double[] x = layout.newVector();
    for (Map.Entry<String, Double> f : e.getFeatures().entrySet()) {
      layout.set(x, f.getKey(), f.getValue());
    }
    return layout.event(e.getId(), e.getKey(), e.getTimestamp(), x, e.getLabel(), e.getLabelName());
  }

  @Benchmark
  public byte[] writePrediction() {
    return Topics.PREDICTION.encode(prediction);
  }

  @Benchmark
  public byte[] writePredictionGeneric() throws IOException {
    ByteBuffer buffer = generic.encode(prediction);
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }
}
