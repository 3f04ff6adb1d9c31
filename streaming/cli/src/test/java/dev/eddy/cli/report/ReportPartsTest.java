package dev.eddy.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eddy.schemas.DeadLetter;
import dev.eddy.schemas.Label;
import dev.eddy.schemas.ModelSnapshot;
import dev.eddy.schemas.Prediction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's computations, against values worked out by hand. */
class ReportPartsTest {
  private static Prediction.Builder prediction(String task, double predicted) {
    return Prediction.newBuilder().setId("e").setModelKey("k").setModelVersion(1).setScore(0)
        .setPredictedLabel(predicted).setEventTime(0).setProcessedAt(5).setTask(task);
  }

  @Test
  void predictionsAreScoredAsTheJobScoresThem() {
    assertThat(Outcomes.error(prediction("binary", 1).setLabel(1.0).build(), null)).isZero();
    assertThat(Outcomes.error(prediction("binary", 0).setLabel(-1.0).build(), null)).isZero(); // -1 and 0 are negative
    assertThat(Outcomes.error(prediction("binary", 1).setLabel(0.0).build(), null)).isEqualTo(1);
    assertThat(Outcomes.error(prediction("binary", 1).build(), null)).isNaN();
    assertThat(Outcomes.error(prediction("binary", 1).build(), Label.newBuilder().setId("e").setTimestamp(0).setLabel(0.0).build()))
        .isEqualTo(1);
    assertThat(Outcomes.error(prediction("multiclass", 2).setPredictedClass("b").setLabelClass("b").build(), null)).isZero();
    assertThat(Outcomes.error(prediction("multiclass", 2).setPredictedClass("b").build(),
        Label.newBuilder().setId("e").setTimestamp(0).setLabelName("a").build())).isEqualTo(1);
    assertThat(Outcomes.error(prediction("regression", 0).setPredictedValue(2.5).setLabel(4.0).build(), null)).isEqualTo(1.5);
  }

  /** Window 20 (the least): after 10 wrong and 30 right, the last 20 are right: accuracy 1; overall 0.75. */
  @Test
  void qualityIsTheAccuracyOfTheLastWindow() {
    List<ReportInput.Scored> scored = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      scored.add(new ReportInput.Scored("k", 1000 + i, 3, i < 10 ? 1 : 0, Double.NaN));
    }
    QualityChart.Line line = QualityChart.line("k", scored, false);
    assertThat(line.time()).hasSize(40).startsWith(1000.0).endsWith(1039.0);
    assertThat(line.value()[0]).isZero(); // one wrong of one
    assertThat(line.value()[19]).isEqualTo(0.5); // 10 wrong of 20
    assertThat(line.value()[24]).isEqualTo(0.75); // examples 5..24: 5 wrong
    assertThat(line.value()[39]).isEqualTo(1.0);
    assertThat(line.overall()).isEqualTo(0.75);
  }

  @Test
  void theWorstKeysAreDrawnWorstFirst() {
    List<ReportInput.Scored> scored = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      scored.add(new ReportInput.Scored("good", i, 1, 0, Double.NaN));
      scored.add(new ReportInput.Scored("bad", i, 1, i % 2, Double.NaN));
      scored.add(new ReportInput.Scored("worse", i, 1, i % 3 == 0 ? 0 : 1, Double.NaN));
    }
    ReportInput in = new ReportInput(scored, List.of(), List.of(), List.of(), false);
    assertThat(QualityChart.lines(in, 2)).extracting(QualityChart.Line::key).containsExactly("worse", "bad");
  }

  /** 100 values 1..100 ms: median 50, p99 99; bins of 99/20 ms; 99 and 100 in the last bin. */
  @Test
  void distributionsBinUpToTheNinetyNinthPercentile() {
    double[] ms = new double[100];
    for (int i = 0; i < ms.length; i++) {
      ms[i] = i + 1;
    }
    SvgChart chart = Distribution.draw("d", "latency", ms);
    assertThat(chart.title).isEqualTo("latency (n = 100, median 50.00 ms, p99 99.00 ms)");
    assertThat(chart.bars).hasSize(21);
    assertThat(chart.bars.get(20).title()).isEqualTo("99.00 ms and over: 2");
    assertThat(chart.bars.get(0).title()).isEqualTo("0.000-4.950 ms: 4"); // 1, 2, 3, 4
    // the unit in which the 99th percentile stays under 10 000: 3 days are 4320 min, 1000 days 24 000 h
    assertThat(Distribution.draw("d", "age", new double[] {3 * 8.64e7}).title).isEqualTo("age (n = 1, median 4320 min, p99 4320 min)");
    assertThat(Distribution.draw("d", "age", new double[] {1000 * 8.64e7}).title).isEqualTo("age (n = 1, median 1000 d, p99 1000 d)");
    assertThat(Distribution.draw("d", "none", new double[] {Double.NaN}).hasData()).isFalse();
  }

  @Test
  void chartsPlaceDataInThePlotArea() {
    SvgChart c = new SvgChart("c", "t", "x", "y").xRange(0, 10);
    c.yRange(0, 1, 2, "%.1f");
    c.line("s", new double[] {0, 10}, new double[] {0, 1});
    assertThat(c.series.get(0).points()).isEqualTo(SvgChart.LEFT + ".0," + (SvgChart.HEIGHT - SvgChart.BOTTOM) + ".0 "
        + (SvgChart.WIDTH - SvgChart.RIGHT) + ".0," + SvgChart.TOP + ".0");
    c.marker("drift", "#000", 5, "d");
    assertThat(Double.parseDouble(c.markers.get(0).x()))
        .isCloseTo((SvgChart.LEFT + SvgChart.WIDTH - SvgChart.RIGHT) / 2.0, within(0.05));
    assertThat(c.yTicks).extracting(SvgChart.Tick::label).containsExactly("0.0", "0.5", "1.0");
    assertThat(c.markerKinds()).extracting(SvgChart.MarkerKind::label).containsExactly("drift detected");
  }

  @Test
  void deadLettersCountByTheKindOfTheirReason() {
    List<DeadLetter> letters = List.of(letter("feature 'x3' is not finite: NaN"), letter("feature 'x4' is not finite: NaN"),
        letter("not an Avro Event: 12 bytes"));
    assertThat(HtmlReport.reasons(letters)).containsExactly(
        new HtmlReport.ReasonRow("feature '…' is not finite: #", 2, "66.7%"),
        new HtmlReport.ReasonRow("not an Avro Event: # bytes", 1, "33.3%"));
  }

  private static DeadLetter letter(String reason) {
    return DeadLetter.newBuilder().setTopic("t").setPartition(0).setOffset(0).setReason(reason).setTimestamp(0).build();
  }

  @Test
  void eachVersionShowsItsBirthAndItsLastMetrics() {
    List<ModelSnapshot> models = List.of(snapshot(1, "initial", 0, 0.5), snapshot(1, "update", 100, 0.8),
        snapshot(2, "drift: reset", 150, 0.6), snapshot(2, "update", 200, 0.9));
    assertThat(HtmlReport.versions(models)).extracting(HtmlReport.VersionRow::version, HtmlReport.VersionRow::reason,
        HtmlReport.VersionRow::examples, HtmlReport.VersionRow::metrics).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1L, "initial", 100L, "accuracy 0.8000"),
        org.assertj.core.groups.Tuple.tuple(2L, "drift: reset", 200L, "accuracy 0.9000"));
  }

  private static ModelSnapshot snapshot(long version, String reason, long examples, double accuracy) {
    return ModelSnapshot.newBuilder().setModelKey("k").setVersion(version).setLearnerType("pa").setHyperparameters(Map.of())
        .setParameters(ByteBuffer.allocate(0)).setMetrics(Map.of("accuracy", accuracy)).setExamples(examples)
        .setReason(reason).setTimestamp(examples).build();
  }
}
