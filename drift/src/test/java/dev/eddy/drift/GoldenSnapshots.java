package dev.eddy.drift;

import dev.eddy.drift.testing.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The committed golden detector snapshots: each detector with its defaults after the first {@link
 * #PREFIX} values of a seeded stream, encoded with the standalone format version 1 ({@link
 * DetectorCodec#encode(DriftDetector)}; version 2 is written only inside the model state's format 3,
 * whose golden file holds it). Run {@link #main} only when a new standalone version ships, writing a new
 * {@code v<N>} directory and keeping the old ones (every shipped version must stay readable):
 *
 * <pre>java -cp drift/target/classes:drift/target/test-classes:$LEARNERS_JAR dev.eddy.drift.GoldenSnapshots drift/src/test/resources</pre>
 */
public final class GoldenSnapshots {
  /** Values fed before the snapshot. */
  static final int PREFIX = 2500;

  private GoldenSnapshots() {}

  /** The stream for a detector type: Bernoulli 0.2 to 0.6 for binary types, N(0) to N(2) else. */
  static double[] stream(String type) {
    Scenario s = Detectors.isBinary(type) ? Scenario.bernoulli(0.2, 0.6) : Scenario.gaussian(0, 2);
    return s.generate(11);
  }

  /** A default detector of {@code type} after the prefix. */
  static DriftDetector afterPrefix(String type) {
    return afterPrefix(type, Map.of());
  }

  /** A detector of {@code type} with {@code params} after the prefix. */
  static DriftDetector afterPrefix(String type, Map<String, String> params) {
    DriftDetector d = Detectors.create(type, params);
    for (double v : Arrays.copyOf(stream(type), PREFIX)) {
      d.update(v);
    }
    return d;
  }

  /**
   * Where the files written after the detectors took {@code direction} and {@code min-examples} (same
   * format, more parameters) live, inside each version's directory; the files written before stay
   * beside it and must restore as they were.
   */
  static final String CURRENT_PARAMETERS = "warm-up/";

  /** The resource path of a golden file. */
  static String resource(int version, String type) {
    return "/dev/eddy/drift/snapshots/v" + version + "/" + type + ".bin";
  }

  /** The resource path of a golden file written with the current parameters. */
  static String current(int version, String type) {
    return "/dev/eddy/drift/snapshots/v" + version + "/" + CURRENT_PARAMETERS + type + ".bin";
  }

  /** The golden bytes of a type at a version. */
  static byte[] read(int version, String type) {
    return read(resource(version, type));
  }

  /** The golden bytes at a resource path. */
  static byte[] read(String resource) {
    try (InputStream in = GoldenSnapshots.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing golden snapshot " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the current version's golden files under {@code args[0]} (a resources root). */
  public static void main(String[] args) throws IOException {
    for (String type : Detectors.types()) {
      Path file = Path.of(args[0] + current(1, type)); // what DetectorCodec.encode(detector) writes
      Files.createDirectories(file.getParent());
      Files.write(file, DetectorCodec.encode(afterPrefix(type)));
      System.out.println("wrote " + file);
    }
  }
}
