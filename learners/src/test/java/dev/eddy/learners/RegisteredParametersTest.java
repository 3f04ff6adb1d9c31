package dev.eddy.learners;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.learners.params.ParamDeclarations;
import dev.eddy.learners.params.ParamSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered learner type declares well-formed parameters, hash-bits included. Modules that
 * register more types (learners/tensorflow) run it by extending it, with their types on the classpath.
 */
public class RegisteredParametersTest {

  public static java.util.Set<String> types() {
    return Learners.types();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("types")
  public void everyParameterIsDescribedAndEveryDefaultValid(String type) {
    ParamSet params = Learners.parameters(type);
    assertThat(params.owner()).isEqualTo(type);
    assertThat(params.names()).contains(Learners.HASH_BITS);
    ParamDeclarations.assertWellDeclared(params);
    assertThat(Learners.tasks(type)).isNotEmpty();
  }
}
