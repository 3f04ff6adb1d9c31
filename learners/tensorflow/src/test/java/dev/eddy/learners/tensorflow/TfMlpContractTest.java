package dev.eddy.learners.tensorflow;

import java.util.HashMap;
import java.util.Map;

/** {@code tf-mlp} (one hidden layer of 16) under the learner contract. */
class TfMlpContractTest extends TensorFlowContract {
  @Override
  protected String type() {
    return TensorFlowLearnerConfig.TF_MLP;
  }

  @Override
  protected Map<String, String> params() {
    Map<String, String> params = new HashMap<>(super.params());
    params.put("hidden", "16");
    return params;
  }
}
