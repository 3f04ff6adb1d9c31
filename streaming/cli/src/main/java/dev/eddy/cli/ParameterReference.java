package dev.eddy.cli;

import dev.eddy.drift.Detectors;
import dev.eddy.drift.retrain.RetrainConfig;
import dev.eddy.drift.retrain.RetrainPolicies;
import dev.eddy.learners.Learners;
import dev.eddy.learners.params.Param;
import dev.eddy.learners.params.ParamSet;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every learner's, detector's and retraining policy's parameters, rendered from their declarations
 * (the one place each is declared): as the {@code --help} footers of {@code evaluate} and
 * {@code drift}, and as {@code docs/parameters.md}, which a test keeps equal to {@link #markdown()}.
 */
public final class ParameterReference {
  private ParameterReference() {}

  /** The learners' parameters as help text, one block per type. */
  public static String learnersText() {
    StringBuilder b = new StringBuilder("Learner parameters (--param NAME=VALUE; in a spec, learner.NAME):\n");
    for (String type : Learners.types()) {
      b.append("  ").append(type).append(" (").append(tasks(type)).append(")\n");
      indent(b, Learners.parameters(type), "    ");
    }
    return b.toString();
  }

  /** The detectors' and policies' parameters as help text. */
  public static String driftText() {
    StringBuilder b = new StringBuilder("Detector parameters (--param / --drift-param; in a spec, drift.detector-params):\n");
    for (String type : Detectors.types()) {
      b.append("  ").append(type).append('\n');
      indent(b, Detectors.parameters(type), "    ");
    }
    b.append("Retraining policies (--retrain POLICY --retrain-param NAME=VALUE; in a spec, drift.retrain-params):\n");
    for (String policy : RetrainConfig.POLICIES) {
      b.append("  ").append(policy).append('\n');
      indent(b, RetrainPolicies.parameters(policy), "    ");
    }
    return b.toString();
  }

  /** The whole reference as Markdown ({@code docs/parameters.md}). */
  public static String markdown() {
    StringBuilder b = new StringBuilder("""
        # Parameters

        Generated from the declarations in the code (`ParameterReference.markdown()`); a test fails when this
        file and the code disagree. A learner's parameters go under `learner:` in a job spec and after `--param`
        in `bin/eddy evaluate`; a detector's under `drift.detector-params` (`--drift-param`); a policy's under
        `drift.retrain-params` (`--retrain-param`). Scale is what a hyperparameter search samples on; `bin/eddy tune` searches the range in parentheses (declared with the parameter) and leaves the others at their defaults.

        """);
    section(b, "Learners", Learners.types(), Learners::parameters, type -> " (" + tasks(type) + ")");
    section(b, "Drift detectors", Detectors.types(), Detectors::parameters, type -> "");
    section(b, "Retraining policies", RetrainConfig.POLICIES, RetrainPolicies::parameters, type -> "");
    return b.toString();
  }

  private static void section(StringBuilder b, String title, Iterable<String> types,
      Function<String, ParamSet> params, Function<String, String> suffix) {
    b.append("## ").append(title).append("\n\n");
    for (String type : types) {
      b.append("### `").append(type).append('`').append(suffix.apply(type)).append("\n\n");
      ParamSet set = params.apply(type);
      if (set.params().isEmpty()) {
        b.append("No parameters.\n\n");
        continue;
      }
      b.append("| parameter | type and range | default | scale (tuned over) | meaning |\n|---|---|---|---|---|\n");
      for (Param<?> p : set.params()) {
        b.append("| `").append(p.name()).append("` | ").append(p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(p.rule().isEmpty() ? "" : " " + p.rule().replace("|", "\\|")).append(" | ")
            .append(p.defaultValue() == null ? "none" : "`" + format(p) + "`").append(" | ")
            .append(p.scale().name().toLowerCase(Locale.ROOT)).append(tuned(p)).append(" | ")
            .append(p.description().replace("|", "\\|")).append(" |\n");
      }
      b.append('\n');
    }
  }

  /** What {@code bin/eddy tune} searches: the declared range, or every value of a choice. */
  private static String tuned(Param<?> p) {
    if (!p.isSearched()) {
      return "";
    }
    return p.kind() == Param.Kind.REAL || p.kind() == Param.Kind.INTEGER
        ? " (" + p.searchMin() + " to " + p.searchMax() + ")"
        : " (every value)";
  }

  private static String format(Param<?> p) {
    return p.format(p.defaultValue());
  }

  private static void indent(StringBuilder b, ParamSet set, String prefix) {
    for (Param<?> p : set.params()) {
      b.append(prefix).append(p.help()).append('\n');
    }
  }

  private static String tasks(String type) {
    return Learners.tasks(type).stream().sorted().map(t -> t.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
