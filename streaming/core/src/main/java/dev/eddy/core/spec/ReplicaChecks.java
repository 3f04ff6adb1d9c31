package dev.eddy.core.spec;

import dev.eddy.core.model.ModelState;
import dev.eddy.learners.PlainWeights;

/**
 * What {@code models.replicas > 1} needs from the rest of a spec, checked at load so that a job never
 * starts with a combination the replicas cannot keep sound; each refusal names the fields.
 */
final class ReplicaChecks {
  private ReplicaChecks() {}

  /** @param fresh the fresh model every replica starts from */
  static void check(JobSpec spec, ModelState fresh) {
    Replicas replicas = spec.models().replicas();
    if (!replicas.parallel()) {
      return;
    }
    String field = "models.replicas";
    if (spec.input().modelKey() != null) {
      throw new JobSpecException(field, "replicas train one global model: not with input.model-key (one model per key)");
    }
    if (!spec.learner().selection().candidates().isEmpty()) {
      throw new JobSpecException(field, "replicas merge one learner: not with learner.candidates");
    }
    if (spec.labels().eventTime()) {
      throw new JobSpecException(field, "the replicas' merge rounds run in processing time: not with labels.time: event");
    }
    if (spec.models().idleTtl() != null) {
      throw new JobSpecException(field, "the global model is never idle: not with models.idle-ttl");
    }
    if (!(fresh.champion() instanceof PlainWeights)) {
      throw new JobSpecException(field, "a replica adopts a merged model by adding its own learning since it published to the"
          + " merged weights, which needs a learner with plain weights (the passive-aggressive family, logistic SGD, the sigmoid perceptron, AdaGrad);"
          + " learner.type " + spec.learner().type() + " has none");
    }
  }
}
