package dev.eddy.cli.cluster;

import dev.eddy.cli.local.PrometheusEndpoint;
import dev.eddy.cli.net.FreePorts;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * The configuration directory of a standalone cluster and the command lines of its JVMs, as Flink's
 * own scripts ({@code jobmanager.sh}, {@code taskmanager.sh}) would build them: the base config plus
 * the cluster's addresses, ports and directories plus the caller's extra options, written to
 * {@code conf/config.yaml}; memory flags computed from it by the code behind Flink's
 * {@code BashJavaUtils}; {@code env.java.opts.*} (the JDK 17 {@code --add-opens} list) on every JVM.
 * TensorFlow's jars are on every process's own classpath (never in the job jar): the TaskManagers run
 * the learners, the JobManager validates a REST-submitted spec, which builds a learner.
 */
final class ClusterConfig {
  static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
  static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
  private static final String HOST = "127.0.0.1";

  private final ClusterOptions options;
  private final FlinkDistribution dist;
  private final Path confDir;
  private final Path logDir;
  private final Configuration conf;

  private ClusterConfig(ClusterOptions options, FlinkDistribution dist, Configuration conf) {
    this.options = options;
    this.dist = dist;
    this.confDir = options.workDir().resolve("conf");
    this.logDir = options.workDir().resolve("log");
    this.conf = conf;
  }

  /** Writes {@code workDir/conf} for a cluster whose JobManager listens on the given ports. */
  static ClusterConfig write(ClusterOptions o, FlinkDistribution dist, int rpcPort, int restPort) {
    Path work = o.workDir();
    Path conf = work.resolve("conf");
    try {
      for (String dir : List.of("conf", "log", "tmp", "checkpoints", "savepoints", "web-upload", "plugins")) {
        Files.createDirectories(work.resolve(dir));
      }
      Files.copy(o.baseConfig(), conf.resolve(GlobalConfiguration.FLINK_CONF_FILENAME), StandardCopyOption.REPLACE_EXISTING);
      Configuration c = GlobalConfiguration.loadConfiguration(conf.toString());
      c.set(JobManagerOptions.ADDRESS, HOST);
      c.set(JobManagerOptions.BIND_HOST, HOST);
      c.set(JobManagerOptions.PORT, rpcPort);
      c.set(RestOptions.ADDRESS, HOST);
      c.set(RestOptions.BIND_ADDRESS, HOST);
      c.set(RestOptions.PORT, restPort);
      c.set(RestOptions.BIND_PORT, String.valueOf(restPort));
      c.set(TaskManagerOptions.HOST, HOST);
      c.set(TaskManagerOptions.BIND_HOST, HOST);
      c.set(TaskManagerOptions.NUM_TASK_SLOTS, o.slots());
      c.set(CoreOptions.TMP_DIRS, work.resolve("tmp").toString());
      c.set(WebOptions.UPLOAD_DIR, work.resolve("web-upload").toString());
      c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, work.resolve("checkpoints").toUri().toString());
      c.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, work.resolve("savepoints").toUri().toString());
      prometheusPorts(c, o);
      o.extraConfig().forEach(c::setString);
      Files.write(conf.resolve(GlobalConfiguration.FLINK_CONF_FILENAME), ConfigurationUtils.convertConfigToWritableLines(c, false));
      writeLog4j(o.baseConfig().resolveSibling("log4j.properties"), conf.resolve("log4j.properties"));
      return new ClusterConfig(o, dist, c);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the cluster configuration in " + conf, e);
    }
  }

  /**
   * Gives the Prometheus reporter of flink-conf/ (when the base configuration has one) one free port per
   * process, JobManager first, instead of the shared 9249-9260 range, so that clusters side by side do
   * not compete for it; each process takes the first port of the list still free.
   */
  private static void prometheusPorts(Configuration c, ClusterOptions o) throws IOException {
    String reporter = "metrics.reporter." + PrometheusEndpoint.REPORTER + ".";
    if (c.getString(reporter + "factory.class", null) == null) {
      return;
    }
    StringBuilder ports = new StringBuilder();
    for (int port : FreePorts.allocate(o.taskManagers() + 1)) {
      ports.append(ports.length() == 0 ? "" : ",").append(port);
    }
    c.setString(reporter + "port", ports.toString());
  }

  Configuration configuration() {
    return conf;
  }

  Path logDir() {
    return logDir;
  }

  /** The JobManager's command line. */
  List<String> jobManagerCommand() {
    JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(conf);
    // TensorFlow too: running a REST-submitted job's main() validates its spec, which builds the learner
    return command("jobmanager", JobManagerProcessUtils.generateJvmParametersStr(spec, conf),
        javaOpts(CoreOptions.FLINK_DEFAULT_JM_JVM_OPTIONS, CoreOptions.FLINK_JM_JVM_OPTIONS), dist.taskManagerLib(),
        JOB_MANAGER_MAIN, words(JobManagerProcessUtils.generateDynamicConfigsStr(spec)));
  }

  /** The command line of a TaskManager with resource id {@code name} and its own temp dir. */
  List<String> taskManagerCommand(String name) {
    TaskExecutorProcessSpec spec = TaskExecutorProcessUtils.processSpecFromConfig(conf);
    List<String> args = new ArrayList<>(words(TaskExecutorProcessUtils.generateDynamicConfigsStr(spec)));
    Path tmp = options.workDir().resolve("tmp").resolve(name);
    args.addAll(List.of("-D", TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + name,
        "-D", CoreOptions.TMP_DIRS.key() + "=" + tmp));
    List<Path> extra = new ArrayList<>(dist.taskManagerLib());
    extra.addAll(options.extraTaskManagerClasspath());
    return command(name, ProcessMemoryUtils.generateJvmParametersStr(spec),
        javaOpts(CoreOptions.FLINK_DEFAULT_TM_JVM_OPTIONS, CoreOptions.FLINK_TM_JVM_OPTIONS), extra, TASK_MANAGER_MAIN, args);
  }

  /** FLINK_CONF_DIR and FLINK_PLUGINS_DIR for every process. */
  Map<String, String> environment() {
    Path plugins = options.pluginsDir() != null ? options.pluginsDir() : options.workDir().resolve("plugins");
    return Map.of("FLINK_CONF_DIR", confDir.toString(), "FLINK_PLUGINS_DIR", plugins.toString());
  }

  private List<String> command(String name, String memoryFlags, String roleOpts, List<Path> extraClasspath,
      String mainClass, List<String> dynamicArgs) {
    Path tmp = options.workDir().resolve("tmp").resolve(name);
    try {
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + tmp, e);
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(words(memoryFlags));
    cmd.addAll(words(roleOpts));
    cmd.add("-Dlog.file=" + logDir.resolve(name + ".log"));
    cmd.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri());
    cmd.add("-Djava.io.tmpdir=" + tmp);
    // where TensorFlow unpacks its native libraries (~650 MB): this JVM's choice (bin/eddy, tests), else the work dir
    cmd.add("-Dorg.bytedeco.javacpp.cachedir="
        + System.getProperty("org.bytedeco.javacpp.cachedir", options.workDir().resolve("javacpp").toString()));
    List<String> classpath = new ArrayList<>();
    dist.flinkLib().forEach(p -> classpath.add(p.toString()));
    extraClasspath.forEach(p -> classpath.add(p.toAbsolutePath().toString()));
    cmd.add("-classpath");
    cmd.add(String.join(File.pathSeparator, classpath));
    cmd.add(mainClass);
    cmd.add("--configDir");
    cmd.add(confDir.toString());
    cmd.addAll(dynamicArgs);
    return cmd;
  }

  /** env.java.default-opts.all, env.java.opts.all and the role's two, in the order Flink's scripts use. */
  private String javaOpts(ConfigOption<String> roleDefault, ConfigOption<String> role) {
    List<String> opts = new ArrayList<>();
    for (ConfigOption<String> o : List.of(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS, CoreOptions.FLINK_JVM_OPTIONS, roleDefault, role)) {
      String v = conf.get(o);
      if (v != null && !v.isBlank()) {
        opts.add(v.trim());
      }
    }
    return String.join(" ", opts);
  }

  private static List<String> words(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
  }

  private static void writeLog4j(Path userFile, Path target) throws IOException {
    if (Files.isRegularFile(userFile)) {
      Files.copy(userFile, target, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (InputStream in = ClusterConfig.class.getResourceAsStream("log4j-cluster.properties")) {
      if (in == null) {
        throw new IllegalStateException("log4j-cluster.properties is missing from Eddy's classes");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
