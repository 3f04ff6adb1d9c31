package dev.eddy.learners.params;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a {@link ParamSet} is fit for help texts and a tuner (shared through the test-jar). */
public final class ParamDeclarations {
  private ParamDeclarations() {}

  /**
   * Every parameter has a description and a one-line help; every default passes its own validation
   * and survives rendering and parsing; log-scaled parameters are positive; the set parses no
   * parameters into its defaults.
   */
  public static void assertWellDeclared(ParamSet set) {
    assertThat(set.params()).as("%s declares parameters", set.owner()).isNotNull();
    for (Param<?> p : set.params()) {
      assertThat(p.description()).as("%s.%s description", set.owner(), p.name()).isNotBlank();
      assertThat(p.help()).as("%s.%s help", set.owner(), p.name())
          .startsWith(p.name() + "  ").contains(p.description()).doesNotContain("\n");
      if (p.scale() == Scale.LOG) {
        assertThat(p.min()).as("%s.%s is log-scaled", set.owner(), p.name()).isGreaterThanOrEqualTo(0);
      }
      Object dflt = p.defaultValue();
      if (dflt != null) {
        p.check(set.owner(), dflt);
        assertThat((Object) p.parse(set.owner(), p.format(dflt)))
            .as("%s.%s default round-trips", set.owner(), p.name()).isEqualTo(dflt);
      }
    }
    assertThat(set.parse(null).effective()).isEqualTo(set.defaults());
  }
}
