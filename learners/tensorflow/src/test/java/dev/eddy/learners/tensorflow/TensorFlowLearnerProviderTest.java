package dev.eddy.learners.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eddy.learners.FeatureVector;
import dev.eddy.learners.LearnerProvider;
import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.Task;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Registration with {@link ServiceLoader} and use through the {@link Learners} facade. */
class TensorFlowLearnerProviderTest {

  @Test
  void isFoundByTheServiceLoaderAndTheFacade() {
    assertThat(ServiceLoader.load(LearnerProvider.class).stream().map(p -> p.type().getName()))
        .contains(TensorFlowLearnerProvider.class.getName());
    assertThat(Learners.types()).contains("tf-logistic", "tf-mlp", "logistic");
    assertThat(Learners.provider("tf-mlp")).isInstanceOf(TensorFlowLearnerProvider.class);
  }

  @Test
  void learnersCreateBuildsAValidatedTensorFlowLearner() {
    OnlineLearner learner =
        Learners.create(
            "tf-logistic", Map.of("batch-size", "8", "hash-bits", "10"), 0, Task.BINARY);
    try (TensorFlowLearner tf = (TensorFlowLearner) learner) {
      assertThat(tf.type()).isEqualTo("tf-logistic");
      assertThat(tf.dimension()).isEqualTo(1024);
      assertThat(tf.hyperparameters()).containsEntry("batch-size", "8");
      FeatureVector x = FeatureVector.sparse(1024, new int[] {3, 700}, new double[] {1, -1}, 2);
      assertThat(tf.predict(x).probability()).isBetween(0.0, 1.0);
    }
    assertThatThrownBy(() -> Learners.create("tf-mlp", Map.of("hidden", "64,,32"), 4, Task.BINARY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hidden")
        .hasMessageContaining("64,,32");
  }
}
