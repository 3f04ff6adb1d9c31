package dev.eddy.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.cli.EddyCli;
import dev.eddy.cli.KafkaTestSupport;
import dev.eddy.cli.local.LocalRunner;
import dev.eddy.cli.workload.SeededWorkload;
import dev.eddy.core.kafka.CheckedProducer;
import dev.eddy.core.kafka.JobKafka;
import dev.eddy.core.kafka.KafkaClients;
import dev.eddy.core.kafka.KafkaConnection;
import dev.eddy.core.spec.JobSpec;
import dev.eddy.core.spec.JobSpecReader;
import dev.eddy.schemas.DriftEvent;
import dev.eddy.schemas.DriftKind;
import dev.eddy.schemas.DriftLevel;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.codec.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/eddy report} over the topics of a real job (broker, MiniCluster, the demo's drifting stream
 * with malformed records), opened in a real headless Chromium: the page loads with nothing on its console,
 * its script runs, and the quality chart draws one line per model key and one marker per true change,
 * detected drift and new model version that the topics hold (counted here, independently).
 */
@Timeout(value = 6, unit = java.util.concurrent.TimeUnit.MINUTES)
class ReportITCase {
  static final int EVENTS = 20_000;
  static final int BAD = 6;
  @RegisterExtension static final KafkaTestSupport kafka = new KafkaTestSupport();
  @TempDir static Path work;
  static Path html;
  static Path png;
  static long[] truth;
  static int drifts;
  static int versions;

  @BeforeAll
  static void runTheJobAndWriteTheReport() throws Exception {
    String yaml = SeededWorkload.spec(kafka.bootstrap());
    JobSpec spec = JobSpecReader.parse(yaml);
    JobKafka.prepare(spec);
    try (CheckedProducer p = new CheckedProducer(KafkaConnection.of(kafka.bootstrap()))) {
      truth = SeededWorkload.produce(p, "events", EVENTS, BAD, 42, n -> {});
    }
    LocalRunner.run(spec, true, work.resolve("job"));
    KafkaClients.readAll(KafkaConnection.of(kafka.bootstrap()), "drift", true, 0, Duration.ofSeconds(2), r -> {
      DriftEvent d = decode(r.value(), true);
      drifts += d.getLevel() == DriftLevel.DRIFT && d.getKind() == DriftKind.CONCEPT ? 1 : 0;
    });
    KafkaClients.readAll(KafkaConnection.of(kafka.bootstrap()), "models", true, 0, Duration.ofSeconds(2), r -> {
      ModelSnapshot m = decode(r.value(), false);
      versions += m.getVersion() > 1 && !"update".equals(m.getReason()) ? 1 : 0;
    });
    html = work.resolve("report.html");
    png = work.resolve("report.png");
    List<String> args = new ArrayList<>(List.of("report", "--bootstrap", kafka.bootstrap(), "--out", html.toString(),
        "--png", png.toString()));
    for (long t : truth) {
      args.addAll(List.of("--true-drift", String.valueOf(SeededWorkload.eventTime(t))));
    }
    assertThat(EddyCli.commandLine().execute(args.toArray(String[]::new))).isZero();
  }

  @SuppressWarnings("unchecked")
  private static <T> T decode(byte[] value, boolean drift) {
    try {
      return (T) (drift ? Topics.DRIFT.decode(value) : Topics.MODEL.decode(value));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void thePageIsSelfContained() throws Exception {
    String page = Files.readString(html);
    assertThat(page).doesNotContainPattern("(src|href)=\"(?!#)").doesNotContain("<link", "@import", "url(");
    assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://", "https://");
    assertThat(page).contains("<title>Eddy report: predictions</title>", "id=\"dead-letters\"", "id=\"versions\"");
    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void chromiumRendersEverySeriesAndMarkerWithoutConsoleMessages() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require(work);
    HeadlessChromium.Page page = chromium.load(html);
    assertThat(page.console()).as("console of the report").isEmpty();
    assertThat(page.dom()).contains("data-ready=\"true\"");
    String quality = figure(page.dom(), "quality");
    assertThat(attribute(quality, "data-series-count")).isEqualTo(1); // one global model
    int markers = truth.length + drifts + versions;
    assertThat(drifts).as("the stream's drifts are detected").isPositive();
    assertThat(attribute(quality, "data-marker-count")).isEqualTo(markers);
    assertThat(count(quality, "class=\"marker marker-truth\"")).isEqualTo(truth.length);
    assertThat(count(quality, "class=\"marker marker-drift\"")).isEqualTo(drifts);
    assertThat(count(quality, "class=\"marker marker-version\"")).isEqualTo(versions);
    assertThat(count(figure(page.dom(), "latency"), "class=\"bar\"")).isPositive();
    assertThat(count(page.dom(), "<tr><td>")).as("dead-letter reasons and version rows").isGreaterThanOrEqualTo(2);
    assertThat(page.dom()).contains("not an Avro Event");
    chromium.screenshot(html, work.resolve("screenshot.png"), 1100, 1800);
  }

  /** The console check can fail: a page that throws is caught. */
  @Test
  void aPageThatThrowsIsCaught() throws Exception {
    HeadlessChromium chromium = HeadlessChromium.require(work);
    Path bad = work.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><body><script>undefinedFunction();</script></body></html>");
    assertThat(chromium.load(bad).console()).singleElement().asString().contains("Uncaught ReferenceError");
  }

  private static String figure(String dom, String id) {
    int start = dom.indexOf("id=\"chart-" + id + "\"");
    assertThat(start).as("figure %s", id).isPositive();
    return dom.substring(dom.lastIndexOf("<figure", start), dom.indexOf("</figure>", start));
  }

  private static int attribute(String element, String name) {
    Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(element);
    assertThat(m.find()).as(name).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }
}
