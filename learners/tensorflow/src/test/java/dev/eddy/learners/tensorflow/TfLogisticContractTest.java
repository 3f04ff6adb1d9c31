package dev.eddy.learners.tensorflow;

/** {@code tf-logistic} under the learner contract. */
class TfLogisticContractTest extends TensorFlowContract {
  @Override
  protected String type() {
    return TensorFlowLearnerConfig.TF_LOGISTIC;
  }
}
