package dev.eddy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.eddy.cli.bench.LatencyBenchmark;
import dev.eddy.cli.bench.MetricsCost;
import dev.eddy.cli.bench.ScaleBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The scale modes of {@code bin/eddy bench} ({@code --transactional}, {@code --keys}, {@code --latency}): run and print. */
final class ScaleBench {
  private ScaleBench() {}

  static int run(BenchCommand o) throws Exception {
    if (o.events < 1) {
      throw new IllegalArgumentException("--events must be >= 1, got " + o.events);
    }
    if (o.latencySeconds < 1) {
      throw new IllegalArgumentException("--latency-seconds must be >= 1, got " + o.latencySeconds);
    }
    if (!(o.latencyRate >= 0) || Double.isInfinite(o.latencyRate)) {
      throw new IllegalArgumentException("--latency-rate must be >= 0 (0 = half the maximum), got " + o.latencyRate);
    }
    Path dir = Files.createDirectories(Path.of(".eddy", "bench")).resolve("run-" + System.currentTimeMillis());
    Object result;
    if (o.transactional && o.parallelism != 1) {
      var r = ScaleBenchmark.scaling(o.events, o.formats, o.parallelism, dir, System.out);
      System.out.printf("%nevents %d (keyed job, PA-I, HDDM-A, exactly-once, 1 s checkpoints)%n", o.events);
      r.forEach(s -> System.out.printf("%-5s %d keys, %d partitions: parallelism 1 %,10.0f ev/s  parallelism %d %,10.0f ev/s"
          + "  scaling %.3f%n", s.format(), s.keys(), s.partitions(), s.onePerSecond(), s.parallelism(),
          s.parallelPerSecond(), s.scaling()));
      result = r;
    } else if (o.transactional) {
      if (o.rounds < 1) {
        throw new IllegalArgumentException("--rounds must be >= 1, got " + o.rounds);
      }
      var r = ScaleBenchmark.transactional(o.events, o.formats, o.rounds, dir, System.out);
      printTransactional(r, o.formats, o.events);
      result = r;
    } else if (o.keys > 0) {
      var r = ScaleBenchmark.keys(o.events, o.keys, o.keySkew, dir, System.out);
      System.out.printf("%nevents %d, keys %d (%s)%n", r.events(), r.keys(), r.skew());
      r.runs().forEach(k -> System.out.printf("%-9s keys seen %,9d  %,9.0f ev/s  live heap max %,6d MiB  checkpoints %d:"
          + " avg %,.0f ms, max %,.0f ms, avg %,.0f bytes added  state %,d bytes (%,.0f per model)%n", k.stream(),
          k.distinctKeys(), k.perSecond(), k.probe().maxHeapBytes() >> 20, k.probe().checkpoints(),
          k.probe().checkpointMillisAvg(), k.probe().checkpointMillisMax(), k.probe().checkpointedBytesAvg(),
          k.probe().stateBytes(), k.stateBytesPerModel()));
      System.out.printf("ratio many keys / one key (the faster one-key run) %.3f%n", r.ratio());
      // CPU per event does not depend on how much of the machine others take, as the rates do
      r.runs().forEach(k -> System.out.printf("%-9s CPU per event: learner thread %.2f µs, source thread %.2f µs,"
          + " whole JVM (broker included) %.2f µs%n", k.stream(), 1e6 * k.probe().learnerCpuSeconds() / r.events(),
          1e6 * k.probe().sourceCpuSeconds() / r.events(), 1e6 * k.probe().processCpuSeconds() / r.events()));
      result = r;
    } else {
      var r = LatencyBenchmark.run(o.events, java.time.Duration.ofSeconds(o.latencySeconds), o.latencyRate, dir, System.out);
      System.out.printf("%nmaximum rate (at-least-once, bounded) %,.0f ev/s; with Flink's buffer timeout %,.0f ev/s%n",
          r.maxPerSecond(), r.maxFlinkTimeoutPerSecond());
      r.runs().forEach(l -> System.out.printf("%-13s checkpoints %-3s buffer timeout %-16s at %,7.0f ev/s: %,d predictions"
          + "  p50 %,.0f ms  p99 %,.0f ms  p99.9 %,.0f ms  max %,.0f ms%n", l.guarantee(), l.interval(), l.bufferTimeout(),
          l.ratePerSecond(), l.predictions(),
          l.p50(), l.p99(), l.p999(), l.max()));
      result = r;
    }
    if (o.json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(o.json.toFile(), result);
    }
    return 0;
  }

  private static void printTransactional(List<ScaleBenchmark.Throughput> r, List<String> formats, long events) {
    System.out.printf("%nevents %d (parallelism 1, PA-I, HDDM-A, exactly-once, 1 s checkpoints)%n", events);
    for (String part : List.of("steady", "whole")) {
      System.out.println(part.equals("steady") ? "steady state (each output's rate from 20 % to 90 % of its records):"
          : "whole runs (records / each run's time, the job's start and its final commit included):");
      r.forEach(t -> {
        ScaleBenchmark.Rates x = part.equals("steady") ? t.steady() : t.whole();
        System.out.printf("round %d %-5s plain passthrough %,10.0f rec/s  transactional passthrough %,10.0f rec/s"
            + "  job %,10.0f ev/s  job/plain %.3f  job/transactional %.3f%n", t.round(), t.format(), x.plainPerSecond(),
            x.transactionalPerSecond(), x.jobPerSecond(), x.ratioToPlain(), x.ratioToTransactional());
      });
    }
    // CPU per event does not depend on how much of the machine others take, as the rates do
    r.forEach(t -> System.out.printf("round %d %-5s CPU per record, whole JVM (broker included): plain passthrough"
        + " %.2f µs, transactional passthrough %.2f µs, job %.2f µs (learner thread %.2f µs, source thread %.2f µs)%n",
        t.round(), t.format(), 1e6 * t.plainCpuSeconds() / t.events(), 1e6 * t.transactionalCpuSeconds() / t.events(),
        1e6 * t.job().processCpuSeconds() / t.events(), 1e6 * t.job().learnerCpuSeconds() / t.events(),
        1e6 * t.job().sourceCpuSeconds() / t.events()));
    r.forEach(t -> System.out.printf("round %d %-5s job CPU by threads (µs per event): %s%n", t.round(), t.format(),
        t.job().cpuByThreads().entrySet().stream().map(e -> String.format("%s %.2f", e.getKey(),
            1e6 * e.getValue() / t.events())).collect(java.util.stream.Collectors.joining("; "))));
    for (String format : formats) {
      var rounds = r.stream().filter(t -> t.format().equals(format)).toList();
      System.out.printf("%-5s median of %d rounds, steady: job/plain %.3f  job/transactional %.3f;"
          + " whole runs: job/plain %.3f  job/transactional %.3f%n", format, rounds.size(),
          median(rounds, t -> t.steady().ratioToPlain()), median(rounds, t -> t.steady().ratioToTransactional()),
          median(rounds, t -> t.whole().ratioToPlain()), median(rounds, t -> t.whole().ratioToTransactional()));
    }
  }

  private static double median(List<ScaleBenchmark.Throughput> rounds,
      java.util.function.ToDoubleFunction<ScaleBenchmark.Throughput> value) {
    return MetricsCost.median(rounds.stream().mapToDouble(value).toArray());
  }
}
