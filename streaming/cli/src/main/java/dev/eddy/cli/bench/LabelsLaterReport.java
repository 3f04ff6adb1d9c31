package dev.eddy.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** Prints {@code bench --labels-later}'s result as the tables of BENCHMARKS.md, and writes it as JSON. */
public final class LabelsLaterReport {
  private LabelsLaterReport() {}

  /** Prints {@code r}; with {@code json} set, also writes it there. */
  public static void print(LabelsLaterBenchmark.Result r, PrintStream out, Path json) throws IOException {
    out.printf("%n(a) %,d events | waiting | checkpoint full size | last checkpoint (incremental) | its duration"
        + " | largest checkpoint | slowest | savepoint (canonical) | its duration | RocksDB live data | SST files"
        + " | memtables%n", r.events());
    row(out, "labels on the events", r.none());
    row(out, "labels never sent", r.all());
    out.printf("per waiting event: %.1f bytes of checkpoint, %.1f bytes in RocksDB (live data + memtables)%n",
        r.waitingBytesPerEvent(), r.rocksBytesPerEvent());
    out.printf("%n(b) evaluate --delay on the demo's stream (%,d rows) | accuracy | kappa%n", r.accuracyEvents());
    for (LabelsLaterBenchmark.Accuracy a : r.accuracy()) {
      out.printf("--delay %d | %.4f | %.4f%n", a.delay(), a.accuracy(), a.kappa());
    }
    if (json != null) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), r);
    }
  }

  private static void row(PrintStream out, String what, LabelsLaterBenchmark.State s) {
    out.printf("%s | %,d | %s | %s | %.0f ms | %s | %.0f ms | %s | %.0f ms | %s | %s | %s%n", what, s.waiting(),
        mib(s.checkpointFullBytes()), mib(s.checkpointBytes()), s.checkpointMillis(), mib(s.largestCheckpointBytes()),
        s.slowestCheckpointMillis(), mib(s.savepointBytes()), s.savepointMillis(), mib(s.rocksLiveBytes()),
        mib(s.rocksSstBytes()), mib(s.rocksMemtableBytes()));
  }

  private static String mib(double bytes) {
    return String.format("%.1f MiB", bytes / (1024 * 1024));
  }
}
