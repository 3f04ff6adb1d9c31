package dev.eddy.cli.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.learners.Task;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The search on an objective with a known optimum: logistic regression at learning rate 0.05 scores
 * 1 and falls off with the distance in decades; pa-i scores at most 0.8. Cheap, so it checks the
 * search itself (design, surrogate, acquisition, early stopping), apart from any stream.
 */
class TunerTest {
  private static final SearchSpace SPACE = new SearchSpace(List.of("pa-i", "logistic"), Task.BINARY, List.of(), List.of());

  private static double f(SearchSpace.Config c) {
    if (c.learner().equals("pa-i")) {
      return 0.8 - 0.1 * Math.abs(Math.log10(Double.parseDouble(c.params().get("C"))));
    }
    double decades = Math.log10(Double.parseDouble(c.params().get("learning-rate")) / 0.05);
    return 1 - decades * decades / 4;
  }

  /** Trials whose score is f at the end and a noisier, lower value on prefixes. */
  private static Tuner.Trials trials() {
    return new Tuner.Trials() {
      @Override
      public Tuner.Stepper start(SearchSpace.Config config) {
        return new Tuner.Stepper() {
          int rows;

          @Override
          public void advanceTo(int end) {
            rows = end;
          }

          @Override
          public double score() {
            return f(config) * (0.5 + 0.5 * rows / 1000.0);
          }
        };
      }

      @Override
      public int length() {
        return 1000;
      }
    };
  }

  private static List<Tuner.Trial> run(long seed, boolean random, int budget) {
    return new Tuner(SPACE, trials(), Objective.ACCURACY, seed, random).run(budget, () -> {});
  }

  private static List<Tuner.Trial> run(long seed, int budget, int parallel) {
    return new Tuner(SPACE, trials(), Objective.ACCURACY, seed, false).run(budget, parallel, () -> {});
  }

  /**
   * Trials on four threads: the same seed and parallelism give the same trials whatever the threads'
   * timing; batches chosen with the constant liar still find the optimum; one thread is the
   * sequential search.
   */
  @Test
  void parallelTrialsAreDeterministicAndStillFindTheOptimum() {
    for (int i = 0; i < 3; i++) {
      assertThat(describe(run(7, 16, 4))).isEqualTo(describe(run(7, 16, 4)));
    }
    assertThat(describe(run(7, 12, 1))).isEqualTo(describe(run(7, false, 12)));
    assertThat(describe(run(7, 16, 4))).isNotEqualTo(describe(run(7, false, 16)));
    for (long seed = 1; seed <= 3; seed++) {
      Tuner.Trial best = Tuner.best(run(seed, 24, 4), Objective.ACCURACY);
      assertThat(best.config().learner()).as("seed %d", seed).isEqualTo("logistic");
      assertThat(best.score()).as("seed %d", seed).isGreaterThan(1 - 0.33 * 0.33 / 4);
    }
    List<Tuner.Trial> trials = run(5, 16, 4);
    assertThat(trials).extracting(Tuner.Trial::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    assertThat(trials.subList(0, 4)).as("no median before the first batch ends").noneMatch(Tuner.Trial::stopped);
  }

  @Test
  void findsTheKnownOptimumWithinTheBudget() {
    for (long seed = 1; seed <= 3; seed++) {
      Tuner.Trial best = Tuner.best(run(seed, false, 20), Objective.ACCURACY);
      assertThat(best.config().learner()).as("seed %d", seed).isEqualTo("logistic");
      assertThat(best.score()).as("seed %d: within a third of a decade of 0.05", seed).isGreaterThan(1 - 0.33 * 0.33 / 4);
    }
  }

  @Test
  void atLeastAsGoodAsRandomSearchOnAverage() {
    double bo = 0;
    double random = 0;
    for (long seed = 1; seed <= 5; seed++) {
      bo += Tuner.best(run(seed, false, 15), Objective.ACCURACY).score();
      random += Tuner.best(run(seed, true, 15), Objective.ACCURACY).score();
    }
    assertThat(bo).isGreaterThanOrEqualTo(random);
  }

  @Test
  void sameSeedSameTrialsOtherSeedOtherTrials() {
    assertThat(describe(run(7, false, 12))).isEqualTo(describe(run(7, false, 12)));
    assertThat(describe(run(7, false, 12))).isNotEqualTo(describe(run(8, false, 12)));
  }

  @Test
  void trialsBelowTheMedianOfAPrefixStopThere() {
    List<Tuner.Trial> trials = run(2, true, 20);
    assertThat(trials).anyMatch(Tuner.Trial::stopped);
    for (Tuner.Trial t : trials) {
      assertThat(t.rows()).isIn(250, 500, 1000);
      assertThat(t.stopped()).isEqualTo(t.rows() < 1000);
    }
    assertThat(trials.subList(0, 2)).noneMatch(Tuner.Trial::stopped); // no median yet
  }

  private static List<String> describe(List<Tuner.Trial> trials) {
    List<String> out = new ArrayList<>();
    trials.forEach(t -> out.add(t.config().describe() + "=" + t.score() + "@" + t.rows()));
    return out;
  }
}
