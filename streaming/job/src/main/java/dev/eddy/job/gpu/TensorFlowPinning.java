package dev.eddy.job.gpu;

import dev.eddy.core.model.ModelState;
import dev.eddy.learners.OnlineLearner;
import dev.eddy.learners.tensorflow.DeviceSelection;
import dev.eddy.learners.tensorflow.TensorFlowLearner;
import dev.eddy.learners.tensorflow.TensorFlowRuntime;
import org.tensorflow.proto.ConfigProto;

/**
 * The TensorFlow side of {@link LearnerDevice}, in a class of its own so that an operator with a
 * pure-Java learner never loads TensorFlow's classes (a TaskManager without TensorFlow in its
 * {@code lib/} can run it).
 */
final class TensorFlowPinning {
  private TensorFlowPinning() {}

  /**
   * The session configuration {@code device} gives, on one line (what the log shows): TensorFlow's
   * own {@link TensorFlowRuntime#sessionConfig}, the one every session of this subtask is built with.
   */
  static String sessionConfig(DeviceSelection device) {
    ConfigProto config = TensorFlowRuntime.sessionConfig(device);
    return config.toString().strip().replaceAll("\\s*\\n\\s*", " ");
  }

  /** Whether sessions for {@code device} run on a GPU; loads the native library on first use. */
  static boolean placeOnGpu(DeviceSelection device) {
    return TensorFlowRuntime.placeOnGpu(device);
  }

  /** Trains the waiting examples of the model's TensorFlow learners that are due; true if any. */
  static boolean flushIfDue(ModelState model) {
    return flushIfDue(model.champion()) | flushIfDue(model.policy().challenger());
  }

  private static boolean flushIfDue(OnlineLearner learner) {
    return learner instanceof TensorFlowLearner tf && tf.flushIfDue();
  }

  /** The device the model's champion was restored onto (from its snapshot); null if not TensorFlow. */
  static DeviceSelection device(ModelState model) {
    return model.champion() instanceof TensorFlowLearner tf ? tf.config().device() : null;
  }
}
