package dev.eddy.learners.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamTest {
  private static final Param<Double> C =
      Param.real("C", 1.0, "aggressiveness").above(0).log();
  private static final Param<Integer> CLOCK = Param.integer("clock", 32, "check period").atLeast(1);
  private static final Param<Double> DELTA =
      Param.real("delta", 0.002, "confidence").above(0).below(1);
  private static final Param<String> DIRECTION =
      Param.choice("direction", "up", List.of("up", "down", "both"), "watched changes");
  private static final Param<Boolean> TWO_SIDED = Param.bool("two-sided", false, "both ways");
  private static final Param<List<Integer>> HIDDEN =
      Param.integers("hidden", List.of(64, 32), "layers").in(1, 4096);
  private static final ParamSet SET = ParamSet.of("demo", C, CLOCK, DELTA, DIRECTION, TWO_SIDED,
      HIDDEN);

  @Test
  void parsesTypedValuesAndFillsDefaults() {
    ParamValues v = SET.parse(Map.of("C", " 0.5 ", "hidden", "8, 4", "two-sided", "TRUE"));
    assertThat(v.get(C)).isEqualTo(0.5);
    assertThat(v.get(CLOCK)).isEqualTo(32);
    assertThat(v.get(HIDDEN)).containsExactly(8, 4);
    assertThat(v.get(TWO_SIDED)).isTrue();
    assertThat(v.effective()).containsExactly(Map.entry("C", "0.5"), Map.entry("clock", "32"),
        Map.entry("delta", "0.002"), Map.entry("direction", "up"), Map.entry("two-sided", "true"),
        Map.entry("hidden", "8,4"));
  }

  @Test
  void errorsNameOwnerParameterAndValue() {
    assertThatThrownBy(() -> SET.parse(Map.of("C", "-1")))
        .isInstanceOf(ParamException.class)
        .hasMessage("demo: parameter C must be > 0 and finite but was -1.0")
        .extracting(e -> ((ParamException) e).detail())
        .isEqualTo("C: must be > 0 and finite but was -1.0");
    assertThatThrownBy(() -> SET.parse(Map.of("delta", "2")))
        .hasMessage("demo: parameter delta must be in (0, 1) but was 2.0");
    assertThatThrownBy(() -> SET.parse(Map.of("clock", "3.5")))
        .hasMessage("demo: parameter clock must be an integer but was '3.5'");
    assertThatThrownBy(() -> SET.parse(Map.of("clock", "9999999999")))
        .hasMessageContaining("clock must be an integer of at most 2147483647");
    assertThatThrownBy(() -> SET.parse(Map.of("direction", "UP")))
        .hasMessage("demo: parameter direction must be one of up, down, both but was 'UP'");
    assertThatThrownBy(() -> SET.parse(Map.of("two-sided", "yes")))
        .hasMessage("demo: parameter two-sided must be true or false but was 'yes'");
    assertThatThrownBy(() -> SET.parse(Map.of("hidden", "0")))
        .hasMessage("demo: parameter hidden must be comma-separated integers in [1, 4096] but was 0");
    assertThatThrownBy(() -> SET.parse(Map.of("speed", "1")))
        .hasMessage("demo: unknown parameter 'speed'; allowed: C, clock, delta, direction, "
            + "two-sided, hidden");
    assertThatThrownBy(() -> SET.subset("for task BINARY", List.of(C)).parse(Map.of("clock", "1")))
        .hasMessage("demo: unknown parameter 'clock'; allowed for task BINARY: C");
    assertThatThrownBy(() -> SET.parse(java.util.Collections.singletonMap("C", null)))
        .hasMessage("demo: parameter C has no value");
  }

  @Test
  void checksAndRendersRecordComponentsInOrder() {
    SET.check(1.0, 32, 0.5, "both", false, List.of(3));
    assertThatThrownBy(() -> SET.check(1.0, 0, 0.5, "both", false, List.of(3)))
        .hasMessage("demo: parameter clock must be >= 1 but was 0");
    assertThatThrownBy(() -> SET.check(Double.NaN, 1, 0.5, "both", false, List.of(3)))
        .hasMessage("demo: parameter C must be > 0 and finite but was NaN");
    assertThat(SET.render(2.0, 5, 0.1, "down", true, List.of(16)))
        .containsExactly(Map.entry("C", "2.0"), Map.entry("clock", "5"), Map.entry("delta", "0.1"),
            Map.entry("direction", "down"), Map.entry("two-sided", "true"),
            Map.entry("hidden", "16"));
    assertThatThrownBy(() -> SET.check(1.0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void helpIsOneLinePerParameter() {
    assertThat(C.help()).isEqualTo("C  real > 0 and finite, log scale, default 1.0 — aggressiveness");
    assertThat(DIRECTION.help())
        .isEqualTo("direction  choice one of up, down, both, default up — watched changes");
    assertThat(TWO_SIDED.help()).isEqualTo("two-sided  boolean, default false — both ways");
    assertThat(CLOCK.withoutDefault().help()).isEqualTo("clock  integer >= 1, no default — check period");
    assertThat(SET.help().lines()).hasSize(6);
    ParamDeclarations.assertWellDeclared(SET);
  }

  @Test
  void aParameterNeedsADescription() {
    assertThatThrownBy(() -> Param.real("x", 1, " ")).isInstanceOf(IllegalArgumentException.class);
  }

  /** A learner that shares a declaration may have its own default, inside the same bounds. */
  @Test
  void anotherDefaultKeepsTheBoundsAndTheSearchRange() {
    Param<Double> c = Param.real("C", 0.03, "step").above(0).log().search(1e-3, 10);
    Param<Double> other = c.withDefault(0.01);
    assertThat(ParamSet.of("pa-ii", other).parse(Map.of()).get(other)).isEqualTo(0.01);
    assertThat(ParamSet.of("pa-i", c).parse(Map.of()).get(c)).isEqualTo(0.03);
    assertThat(other.searchMin()).isEqualTo(1e-3);
    assertThat(other.searchMax()).isEqualTo(10.0);
    assertThat(other.help()).isEqualTo("C  real > 0 and finite, log scale, default 0.01 — step");
    assertThatThrownBy(() -> c.withDefault(-1.0)).isInstanceOf(ParamException.class)
        .hasMessageContaining("default of C: parameter C must be > 0 and finite but was -1.0");
  }

  /** The tuner's range is part of the declaration and must lie inside the bounds and the scale. */
  @Test
  void searchRangesLieInsideTheBoundsAndTheScale() {
    Param<Double> c = Param.real("C", 1, "step").above(0).log().search(1e-3, 10);
    assertThat(c.isSearched()).isTrue();
    assertThat(c.searchMin()).isEqualTo(1e-3);
    assertThat(c.searchMax()).isEqualTo(10.0);
    assertThat(c.withoutDefault().searchMax()).as("kept by later changes").isEqualTo(10.0);
    assertThat(Param.real("x", 1, "x").isSearched()).isFalse();
    assertThatThrownBy(() -> Param.real("C", 1, "step").above(0).search(0, 1)).hasMessageContaining("C: search range [0.0, 1.0] outside");
    assertThatThrownBy(() -> Param.real("r", 0.5, "rate").in(0, 1).search(0.5, 2)).hasMessageContaining("outside");
    assertThatThrownBy(() -> Param.real("l", 1, "l").atLeast(0).log().search(0, 1)).hasMessageContaining("outside");
    assertThatThrownBy(() -> Param.real("l", 1, "l").search(2, 1)).hasMessageContaining("outside");
    Param<String> s = Param.choice("schedule", "constant", List.of("constant", "inverse-scaling"), "s").searched();
    assertThat(s.searchMax()).isEqualTo(1.0);
    assertThatThrownBy(() -> Param.real("x", 1, "x").searched()).hasMessageContaining("only choices and booleans");
    assertThatThrownBy(() -> Param.choice("c", "a", List.of("a"), "c").search(0, 1)).hasMessageContaining("only reals and ints");
  }
}
