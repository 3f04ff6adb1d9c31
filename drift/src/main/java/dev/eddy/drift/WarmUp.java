package dev.eddy.drift;

import dev.eddy.learners.params.Param;

/**
 * The warm-up every detector takes ({@code min-examples}): during the first values after every
 * reset the detector learns from each value as usual but signals nothing (STABLE). On a model's
 * error stream these are the errors of a model still learning (every new model version resets the
 * concept detector, so this holds after every (re)start): its error moves fastest then, which is the
 * learning curve, not a change of concept. The statistics still take those values: leaving them out
 * made DDM set its reference on a few lucky examples after the warm-up and signal false drifts (a
 * first version did, see DriftITCase). A change during the warm-up is signalled when it ends, if the
 * detector still sees it. Declared once here and added to every type's parameters by {@link
 * Detectors}. Feature drift and the detectors' own tests of their papers use 0.
 */
public final class WarmUp {
  /** The parameter's name in specs. */
  public static final String NAME = "min-examples";

  /** The default: about where a linear model's first, fastest-falling errors are behind it. */
  public static final int DEFAULT = 100;

  /** The {@code min-examples} parameter. */
  public static final Param<Integer> PARAM = Param.integer(NAME, DEFAULT,
      "values after every reset (a new model version resets the detector) during which no signal is "
          + "given: a model still learning").atLeast(0);

  private WarmUp() {}
}
