package dev.eddy.learners.linear;

import dev.eddy.learners.Learners;
import dev.eddy.learners.OnlineLearnerContract;
import dev.eddy.learners.Task;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The learner contract over every registered pure-Java linear learner, with the parameters each
 * type's tests have always used and the non-default modes as variants.
 */
class LinearLearnersContractTest extends OnlineLearnerContract {

  @Override
  protected boolean covers(String type) {
    return Learners.provider(type) instanceof LinearLearners;
  }

  @Override
  protected Fixture fixture(String type) {
    Fixture fixture = Fixture.of(type);
    return switch (type) {
      // every Pegasos step shrinks every weight
      case "pegasos", "pegasos-avg" ->
          fixture.withParams(Map.of("lambda", "0.01")).movesAbsentFeatures();
      case "pa-i" -> fixture.withParams(Map.of("C", "0.5"));
      // the projection onto the unit ball rescales every weight
      case "alma" -> fixture.movesAbsentFeatures();
      case "ftrl" -> fixture.withParams(Map.of("l1", "0.05", "alpha", "0.2"));
      default -> fixture;
    };
  }

  @Override
  protected List<Fixture> variants() {
    return List.of(
        Fixture.of("pa-i").withTasks(EnumSet.of(Task.MULTICLASS))
            .withParams(Map.of("multiclass", "multi-vector")),
        Fixture.of("logistic")
            .withParams(Map.of("schedule", "inverse-scaling", "learning-rate", "0.5")));
  }
}
