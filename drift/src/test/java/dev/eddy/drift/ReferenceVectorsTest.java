package dev.eddy.drift;

import static dev.eddy.drift.testing.DelayAssertions.drifts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The public references' own vectors: the same seeded streams (stored one digit per value under
 * {@code river/} and {@code moa/}, with how each was made in their README) give the drift indices
 * that River's detector test ({@code river/drift/test_drift_detectors.py}) and MOA's {@code
 * ADWINChangeDetector} give.
 */
class ReferenceVectorsTest {

  static double[] stream(String resource) {
    try (InputStream in = ReferenceVectorsTest.class.getResourceAsStream(resource + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("missing stream " + resource);
      }
      String digits = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
      double[] out = new double[digits.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = digits.charAt(i) - '0';
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DriftDetector create(String type, String... params) {
    Map<String, String> p = new java.util.LinkedHashMap<>();
    p.put(WarmUp.NAME, "0"); // River's and MOA's detectors test from the first value
    for (int i = 0; i < params.length; i += 2) {
      p.put(params[i], params[i + 1]);
    }
    return Detectors.create(type, p);
  }

  /** River's test_page_hinkley: PageHinkley() (one-sided, rises) on data_stream_1 → [1020, 1991]. */
  @Test
  void pageHinkleyUpMatchesRiver() {
    double[] s1 = stream("river/data_stream_1");
    assertThat(s1).hasSize(2000);
    assertThat(drifts(create("page-hinkley"), s1)).containsExactly(1020, 1991);
    assertThat(drifts(create("page-hinkley", "direction", "up"), s1)).containsExactly(1020, 1991);
    // both also reacts to the falls of the second half's noisier mean: not River's one-sided test
    assertThat(drifts(create("page-hinkley", "direction", "both"), s1)).containsExactly(1020, 1397, 1553, 1797);
  }

  /** River's test_ddm, test_hddm_a and test_hddm_w on data_stream_2 (0.2 → 0.8 errors) and _3. */
  @Test
  void errorRateDetectorsMatchRiver() {
    double[] s2 = stream("river/data_stream_2");
    assertThat(drifts(create("ddm"), s2)).containsExactly(1049);
    assertThat(drifts(create("hddm-a"), s2)).containsExactly(1047);
    assertThat(drifts(create("hddm-w"), s2)).containsExactly(1018);
    double[] s3 = stream("river/data_stream_3");
    assertThat(drifts(create("hddm-a", "two-sided", "true"), s3)).containsExactly(531, 1015, 1545);
  }

  /**
   * MOA's ADWINChangeDetector (ADWIN with delta 0.002, a change reported only when a cut raised the
   * estimate) with a fresh ADWIN after each reported change, as Eddy's contract resets: [1023] on
   * River's data_stream_1, [1055] on data_stream_2, and on an error stream rising 0.1 → 0.5 at
   * 3,000 and falling back at 6,000, [3039] only (MOA's ADWIN cuts at 6047 and 6079 too, silently).
   */
  @Test
  void adwinUpMatchesMoasChangeDetector() {
    assertThat(drifts(create("adwin"), stream("river/data_stream_1"))).containsExactly(1023);
    assertThat(drifts(create("adwin"), stream("river/data_stream_2"))).containsExactly(1055);
    double[] upDown = stream("moa/error_up_down");
    assertThat(upDown).hasSize(9000);
    assertThat(drifts(create("adwin"), upDown)).containsExactly(3039);
    Adwin up = (Adwin) create("adwin");
    for (int t = 0; t < 6100; t++) {
      up.update(upDown[t]);
    }
    // 3,060 values since the reset after 3039; the cuts of the fall dropped the 0.5 part silently
    assertThat(up.width()).as("the fall shrank the window without a signal").isLessThan(1000);
    assertThat(drifts(create("adwin", "direction", "both"), upDown)).containsExactly(3039, 6047);
  }
}
