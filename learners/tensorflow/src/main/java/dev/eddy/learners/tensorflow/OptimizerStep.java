package dev.eddy.learners.tensorflow;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Identity;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The graph ops of one optimizer step on a set of float variables: plain gradient descent, or Adam
 * (Kingma and Ba, 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1 with the
 * bias-corrected step folded into the learning rate, as TensorFlow's {@code ApplyAdam} does).
 *
 * <p>Built on TensorFlow's raw training ops rather than tensorflow-framework's optimizers: the
 * framework's (1.0.0) Adam updates its {@code beta^t} accumulators without a control dependency on
 * the variable updates, so a step may read them before or after they change and two runs of the
 * same seeded stream diverge. Here every update waits for every gradient, and the accumulators are
 * updated only after every {@code ApplyAdam} has run, which makes training reproducible.
 */
record OptimizerStep(Op train, List<Variable<TFloat32>> slots) {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-7f;

  /**
   * The op that applies one step of {@code config.optimizer()} to minimize {@code loss}, and the
   * optimizer's own variables (Adam: each variable's first and second moments, then {@code beta1^t}
   * and {@code beta2^t}; SGD: none), which snapshots carry so that a restored learner learns on
   * exactly as the original.
   */
  static OptimizerStep minimize(
      Ops tf,
      Operand<TFloat32> loss,
      List<Variable<TFloat32>> variables,
      TensorFlowLearnerConfig config) {
    List<Identity<TFloat32>> gradients = barrier(tf, tf.gradients(loss, variables));
    Ops afterGradients = tf.withControlDependencies(new ArrayList<Op>(gradients));
    Operand<TFloat32> rate = tf.constant((float) config.learningRate());
    List<Op> updates = new ArrayList<>();
    List<Variable<TFloat32>> slots = new ArrayList<>();
    if (config.optimizer() == TensorFlowLearnerConfig.Optimizer.SGD) {
      for (int i = 0; i < variables.size(); i++) {
        updates.add(
            afterGradients.train.applyGradientDescent(variables.get(i), rate, gradients.get(i)));
      }
      return new OptimizerStep(tf.withControlDependencies(updates).noOp(), List.of());
    }
    Variable<TFloat32> beta1Power = tf.variable(tf.constant(BETA1));
    Variable<TFloat32> beta2Power = tf.variable(tf.constant(BETA2));
    Operand<TFloat32> beta1 = tf.constant(BETA1);
    Operand<TFloat32> beta2 = tf.constant(BETA2);
    Operand<TFloat32> epsilon = tf.constant(EPSILON);
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> variable = variables.get(i);
      Operand<TFloat32> zeros = tf.zeros(tf.constant(variable.shape().asArray()), TFloat32.class);
      Variable<TFloat32> firstMoment = tf.variable(zeros);
      Variable<TFloat32> secondMoment = tf.variable(zeros);
      slots.add(firstMoment);
      slots.add(secondMoment);
      updates.add(
          afterGradients.train.applyAdam(
              variable,
              firstMoment,
              secondMoment,
              beta1Power,
              beta2Power,
              rate,
              beta1,
              beta2,
              epsilon,
              gradients.get(i)));
    }
    Ops afterUpdates = tf.withControlDependencies(updates);
    Op nextBeta1 = afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, beta1));
    Op nextBeta2 = afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, beta2));
    slots.add(beta1Power);
    slots.add(beta2Power);
    return new OptimizerStep(
        tf.withControlDependencies(List.of(nextBeta1, nextBeta2)).noOp(), List.copyOf(slots));
  }

  /**
   * The gradients, each behind an {@code Identity}, so that the updates can depend on all of them.
   * Why: the variables are TensorFlow reference variables, read in place; without this barrier the
   * update of a deeper layer's kernel may run while the gradient of a shallower layer is still
   * being back-propagated through that kernel, and the step would depend on thread timing.
   */
  private static List<Identity<TFloat32>> barrier(Ops tf, Gradients gradients) {
    List<Identity<TFloat32>> identities = new ArrayList<>();
    for (int i = 0; i < gradients.dy().size(); i++) {
      identities.add(tf.identity(gradients.<TFloat32>dy(i)));
    }
    return identities;
  }
}
