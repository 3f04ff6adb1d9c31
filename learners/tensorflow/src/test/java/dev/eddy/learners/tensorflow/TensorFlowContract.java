package dev.eddy.learners.tensorflow;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.OnlineLearnerContract;
import dev.eddy.learners.Task;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The learner contract for the TensorFlow learners, with what differs from a per-example learner:
 * small batches and a higher rate so that 3,000 examples are enough to learn; {@code max-wait} off
 * so that replays are deterministic; {@code classes=3} for the contract's multiclass streams (the
 * class count is fixed by the graph); Adam's momentum keeps moving the weights of features absent
 * from later examples; and merged scores are averages only up to float32 rounding ({@link
 * MergeTest} checks them within 1e-5).
 */
abstract class TensorFlowContract extends OnlineLearnerContract {

  @Override
  protected Set<Task> tasks() {
    return EnumSet.of(Task.BINARY, Task.MULTICLASS);
  }

  @Override
  protected Map<String, String> params() {
    return Map.of("max-wait", "0", "batch-size", "16", "learning-rate", "0.05");
  }

  @Override
  protected OnlineLearner create(int dimension, Task task) {
    Map<String, String> params = new HashMap<>(params());
    if (task == Task.MULTICLASS) {
      params.put("classes", "3");
    }
    return Learners.create(type(), params, dimension, task);
  }

  @Override
  protected boolean absentFeaturesUnchanged() {
    return false;
  }

  @Override
  protected boolean scoreLinearInParameters() {
    return false;
  }
}
