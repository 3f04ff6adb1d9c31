package dev.eddy.cli.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars of a Flink installation as this build provides them, written by {@code mvn package} next
 * to the compiled classes ({@code streaming/cli/target/}):
 *
 * <ul>
 *   <li>{@code flink-lib.txt}: what a Flink distribution's {@code lib/} holds (runtime, clients, web
 *       UI, RocksDB, log4j): every cluster process's classpath;
 *   <li>{@code taskmanager-lib.txt}: TensorFlow's jars, which belong on each TaskManager's own
 *       classpath and never in the job jar;
 *   <li>{@code eddy-job.jar} (in {@code streaming/job/target/}): the job jar that {@code bin/eddy submit} uploads.
 * </ul>
 *
 * @param targetDir the build directory holding the files
 * @param flinkLib the Flink classpath
 * @param taskManagerLib the extra TaskManager classpath
 * @param jobJar the shaded job jar
 * @param confDir the repository's {@code flink-conf} directory (base {@code config.yaml})
 */
public record FlinkDistribution(
    Path targetDir, List<Path> flinkLib, List<Path> taskManagerLib, Path jobJar, Path confDir) {

  /** Finds the files of the build this class was loaded from. */
  public static FlinkDistribution locate() {
    Path code;
    try {
      code = Path.of(FlinkDistribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the build directory of Eddy's classes", e);
    }
    // target/classes (a checkout) or target/eddy-cli-*.jar: both sit in streaming/cli/target/
    return at(code.getParent());
  }

  /**
   * The files of the build whose command-line module writes to {@code targetDir} ({@code
   * streaming/cli/target}); the job jar is its sibling module's ({@code streaming/job/target}).
   */
  public static FlinkDistribution at(Path targetDir) {
    Path target = targetDir.toAbsolutePath().normalize();
    return new FlinkDistribution(
        target,
        classpath(target.resolve("flink-lib.txt")),
        classpath(target.resolve("taskmanager-lib.txt")),
        target.getParent().resolveSibling("job").resolve("target").resolve("eddy-job.jar"),
        target.getParent().getParent().getParent().resolve("flink-conf"));
  }

  /** The job jar, checked to exist. */
  public Path requireJobJar() {
    if (!Files.isRegularFile(jobJar)) {
      throw new IllegalStateException("no job jar at " + jobJar + "; build it with `mvn package -DskipTests`");
    }
    return jobJar;
  }

  private static List<Path> classpath(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "missing " + file + " (written by `mvn package`); build the project first");
    }
    try {
      List<Path> jars = new ArrayList<>();
      for (String entry : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
        if (!entry.isBlank()) {
          jars.add(Path.of(entry));
        }
      }
      return List.copyOf(jars);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
