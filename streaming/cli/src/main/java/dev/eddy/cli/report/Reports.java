package dev.eddy.cli.report;

import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import java.io.IOException;
import java.nio.file.Path;

/** Reads a job's topics and writes its report: what {@code bin/eddy report} and {@code demo --report} do. */
public final class Reports {
  /** The topics of a spec that names none: each role's own name. */
  public static final JobSpec.Topics DEFAULT_TOPICS =
      new JobSpec.Topics("events", "labels", "predictions", "drift", "models", "dead-letter");

  private Reports() {}

  /** Writes the HTML report to {@code html} and, when {@code png} is not null, its quality chart there. */
  public static HtmlReport write(KafkaConnection kafka, JobSpec.Topics topics, ReportInput.Filter filter,
      HtmlReport.Options options, Path html, Path png) throws IOException {
    ReportInput in = ReportInput.read(kafka, topics, filter);
    HtmlReport report = HtmlReport.of(in, options);
    report.write(html);
    if (png != null) {
      ReportPng.write(report, in, options.truth(), png);
    }
    return report;
  }
}
