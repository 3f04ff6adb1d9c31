package dev.eddy.cli.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link StandaloneCluster#start} starts: a JobManager and {@code taskManagers} TaskManagers with
 * {@code slots} slots each, configured from {@code baseConfig} plus {@code extraConfig}.
 *
 * @param taskManagers number of TaskManager processes (at least 1)
 * @param slots task slots per TaskManager (at least 1)
 * @param baseConfig a Flink {@code config.yaml} (Eddy's is {@code flink-conf/config.yaml}); a
 *     {@code log4j.properties} next to it is used when present
 * @param workDir where the cluster keeps its configuration, logs, temp files, checkpoints and state file
 * @param extraConfig Flink options applied on top of the base config, for every process
 * @param extraTaskManagerClasspath jars or directories appended to every TaskManager's classpath
 * @param pluginsDir the processes' plugins directory ({@code FLINK_PLUGINS_DIR}), or null for none
 */
public record ClusterOptions(
    int taskManagers,
    int slots,
    Path baseConfig,
    Path workDir,
    Map<String, String> extraConfig,
    List<Path> extraTaskManagerClasspath,
    Path pluginsDir) {

  /** Validates and copies the arguments. */
  public ClusterOptions {
    if (taskManagers < 1) {
      throw new IllegalArgumentException("taskManagers must be >= 1, got " + taskManagers);
    }
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be >= 1, got " + slots);
    }
    Objects.requireNonNull(baseConfig, "baseConfig");
    if (!Files.isRegularFile(baseConfig)) {
      throw new IllegalArgumentException("no Flink config file at " + baseConfig);
    }
    Objects.requireNonNull(workDir, "workDir");
    if (pluginsDir != null && !Files.isDirectory(pluginsDir)) {
      throw new IllegalArgumentException("pluginsDir is not a directory: " + pluginsDir);
    }
    baseConfig = baseConfig.toAbsolutePath();
    workDir = workDir.toAbsolutePath();
    pluginsDir = pluginsDir == null ? null : pluginsDir.toAbsolutePath();
    extraConfig = Map.copyOf(new LinkedHashMap<>(extraConfig == null ? Map.of() : extraConfig));
    extraTaskManagerClasspath =
        extraTaskManagerClasspath == null ? List.of() : List.copyOf(extraTaskManagerClasspath);
  }

  /** {@code taskManagers} × {@code slots} on Eddy's base config, nothing extra. */
  public static ClusterOptions of(int taskManagers, int slots, Path baseConfig, Path workDir) {
    return new ClusterOptions(taskManagers, slots, baseConfig, workDir, Map.of(), List.of(), null);
  }

  /** These options with {@code extra} added to {@link #extraConfig} (later keys win). */
  public ClusterOptions withConfig(Map<String, String> extra) {
    Map<String, String> merged = new LinkedHashMap<>(extraConfig);
    merged.putAll(extra);
    return new ClusterOptions(
        taskManagers, slots, baseConfig, workDir, merged, extraTaskManagerClasspath, pluginsDir);
  }
}
