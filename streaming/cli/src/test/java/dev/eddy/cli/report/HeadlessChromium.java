package dev.eddy.cli.report;

import dev.eddy.cli.metrics.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium (Debian's package, installed by {@code .ci/ensure-tool chromium} when missing;
 * the calling test is skipped, saying why, where it cannot be). Each page loads in a fresh profile with
 * no network services; what the page wrote to its console is collected from Chromium's log.
 */
final class HeadlessChromium {
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--enable-logging=stderr", "--v=0");

  /** The DOM after the page's scripts ran, and every console message (log, error, uncaught exception). */
  record Page(String dom, List<String> console) {}

  private final String binary;
  private final Path work;

  private HeadlessChromium(String binary, Path work) {
    this.binary = binary;
    this.work = work;
  }

  /** Chromium, installed when missing; skips the test when it cannot be. */
  static HeadlessChromium require(Path work) throws IOException, InterruptedException {
    return new HeadlessChromium(ExternalTool.require("chromium"), work);
  }

  /** Loads {@code file} and returns its DOM (after scripts) and console. */
  Page load(Path file) throws IOException, InterruptedException {
    Result r = run("--dump-dom", file.toUri().toString());
    List<String> console = new ArrayList<>();
    for (String line : r.stderr().split("\n")) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Page(r.stdout(), console);
  }

  /** A screenshot of {@code file}, {@code width} x {@code height} pixels, to {@code png}. */
  void screenshot(Path file, Path png, int width, int height) throws IOException, InterruptedException {
    run("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars",
        file.toUri().toString());
    if (!Files.isRegularFile(png)) {
      throw new IllegalStateException("chromium wrote no screenshot to " + png);
    }
  }

  private record Result(String stdout, String stderr) {}

  private Result run(String... args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(work, "chromium-profile");
    List<String> command = new ArrayList<>(List.of(binary, "--user-data-dir=" + profile));
    command.addAll(FLAGS);
    command.addAll(List.of(args));
    Path out = work.resolve("chromium.out");
    Path err = work.resolve("chromium.err");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("chromium did not finish within 120 s: " + command);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("chromium exited " + p.exitValue() + ": " + Files.readString(err));
    }
    return new Result(Files.readString(out), Files.readString(err));
  }
}
