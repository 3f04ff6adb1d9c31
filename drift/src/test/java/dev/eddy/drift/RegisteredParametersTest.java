package dev.eddy.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.drift.retrain.RetrainPolicies;
import dev.eddy.learners.params.ParamDeclarations;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered detector and retraining policy declares well-formed parameters. */
class RegisteredParametersTest {

  static List<String> detectors() {
    return Detectors.types();
  }

  static List<String> policies() {
    return RetrainPolicies.names();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("detectors")
  void everyDetectorParameterIsDescribedAndEveryDefaultValid(String type) {
    assertThat(Detectors.parameters(type).owner()).isEqualTo(type);
    ParamDeclarations.assertWellDeclared(Detectors.parameters(type));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void everyPolicyParameterIsDescribedAndEveryDefaultValid(String policy) {
    assertThat(RetrainPolicies.parameters(policy).owner()).isEqualTo(policy);
    ParamDeclarations.assertWellDeclared(RetrainPolicies.parameters(policy));
  }
}
