package dev.eddy.cli.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program from Debian's packages that a test runs (promtool, chromium): found on the PATH or installed
 * by {@code .ci/ensure-tool}; where it cannot be installed the test is skipped with the script's reason.
 */
public final class ExternalTool {
  /** The repository root (tests run in streaming/cli). */
  public static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  private ExternalTool() {}

  /** The tool's path, installing it once when missing; skips the calling test when that fails. */
  public static String require(String tool) throws IOException, InterruptedException {
    Result r = run(List.of(REPO.resolve(".ci/ensure-tool").toString(), tool), 900);
    assumeTrue(r.exit() == 0, () -> tool + " is not available and cannot be installed here: " + r.output().strip());
    String[] lines = r.output().strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  /** The exit status and the output (stdout and stderr together) of a finished command. */
  record Result(int exit, String output) {}

  /** Runs {@code command} in the repository root, waiting at most {@code seconds}. */
  static Result run(List<String> command, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).directory(REPO.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(command + " did not end within " + seconds + " s");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
