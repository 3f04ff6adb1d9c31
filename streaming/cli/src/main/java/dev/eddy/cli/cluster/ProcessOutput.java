package dev.eddy.cli.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a cluster process wrote: its output's tail for error messages, and why it could not start. */
final class ProcessOutput {
  private static final int TAIL_LINES = 30;
  private static final int LAST_WORDS_LINES = 300; // a dying JVM's stack traces

  private ProcessOutput() {}

  /** The last lines of the process's stdout/stderr file ({@code NAME.out}). */
  static String tail(FlinkProcess p) {
    try {
      return String.join("\n", tail(out(p), TAIL_LINES));
    } catch (IOException e) {
      return "(cannot read " + out(p) + ": " + e + ")";
    }
  }

  /**
   * Whether the end of the process's output or Flink log (both are appended to across starts in
   * the same work dir, so only the end counts) says a port it wanted was in use.
   */
  static boolean mentionsBindFailure(FlinkProcess p) {
    for (Path file : List.of(out(p), p.log())) {
      try {
        for (String line : tail(file, LAST_WORDS_LINES)) {
          if (line.contains("java.net.BindException") || line.contains("Address already in use")) {
            return true;
          }
        }
      } catch (IOException e) {
        // unreadable: no evidence of a bind failure in this file
      }
    }
    return false;
  }

  private static List<String> tail(Path file, int lines) throws IOException {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    List<String> all = Files.readAllLines(file);
    return all.subList(Math.max(0, all.size() - lines), all.size());
  }

  private static Path out(FlinkProcess p) {
    return p.log().resolveSibling(p.name() + ".out");
  }
}
