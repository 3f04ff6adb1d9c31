package dev.eddy.cli.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Bayesian optimization with successive halving, as {@code bin/eddy tune} runs it.
 *
 * <ul>
 *   <li>The first points are a space-filling design: a Sobol sequence (Commons Math), shifted by a
 *       seeded random vector modulo 1 (a Cranley-Patterson rotation), so that seeds differ.
 *   <li>Then each point maximizes the expected improvement (D. R. Jones, M. Schonlau and W. J.
 *       Welch, "Efficient Global Optimization of Expensive Black-Box Functions", J. Global
 *       Optimization 13, 1998) of a {@link GaussianProcess} (Matérn 5/2, hyperparameters by marginal
 *       likelihood) fitted to every trial so far, over seeded random candidates and perturbations of
 *       the best trials. Choices (learner, detector, policy, choice parameters) enter the process
 *       one-hot and are decoded by rounding, as E. C. Garrido-Merchán and D. Hernández-Lobato
 *       ("Dealing with categorical and integer-valued variables in Bayesian optimization with
 *       Gaussian processes", Neurocomputing 380, 2020) recommend; a candidate that decodes to a
 *       configuration already tried is skipped. A Gaussian process rather than TPE: budgets here are
 *       tens of evaluations, where a GP's calibrated uncertainty uses each one best, and its cubic
 *       cost is negligible at that size.
 *   <li>Successive halving on prefixes (K. Jamieson and A. Talwalkar, "Non-stochastic Best Arm
 *       Identification and Hyperparameter Optimization", AISTATS 2016, η = 2): each trial runs a
 *       quarter of the stream, then half; at each of these rungs it stops when its score is below the
 *       median of the earlier trials' scores at that rung (once there are two). A stopped trial still
 *       informs the process, with its prefix score (prequential scores grow along a stream, so it
 *       looks no better than it is).
 * </ul>
 *
 * Same seed, same stream, same budget: same trials.
 */
final class Tuner {
  /** Where a trial may stop: these fractions of the stream. */
  static final double[] RUNGS = {0.25, 0.5};

  /** One configuration's evaluation, a prefix at a time. */
  interface Stepper {
    /** Runs up to row {@code end} (exclusive); the last row also ends the run. */
    void advanceTo(int end);

    /** The objective's value on the rows run so far. */
    double score();
  }

  /** Starts evaluations. */
  interface Trials {
    Stepper start(SearchSpace.Config config);

    /** Rows in the stream. */
    int length();
  }

  /** A finished or stopped trial. */
  record Trial(int number, SearchSpace.Config config, double score, int rows, boolean stopped, double[] point) {}

  private final SearchSpace space;
  private final Trials trials;
  private final Objective objective;
  private final long seed;
  private final boolean random;
  private final List<Trial> done = new ArrayList<>();
  private final List<List<Double>> rungUtilities = new ArrayList<>();

  /** @param random search by uniform random points only (the baseline), not by the surrogate */
  Tuner(SearchSpace space, Trials trials, Objective objective, long seed, boolean random) {
    this.space = space;
    this.trials = trials;
    this.objective = objective;
    this.seed = seed;
    this.random = random;
    for (int r = 0; r < RUNGS.length; r++) {
      rungUtilities.add(new ArrayList<>());
    }
  }

  /** Runs {@code budget} trials one after the other; {@code progress} is told after each. */
  List<Trial> run(int budget, Runnable progress) {
    return run(budget, 1, progress);
  }

  /**
   * Runs {@code budget} trials, {@code parallel} at a time on as many threads. The points of a batch
   * are chosen one after the other before it runs: the Sobol or random points in turn, or for the
   * surrogate the "constant liar" of D. Ginsbourger, R. Le Riche and L. Carraro ("Kriging is
   * well-suited to parallelize optimization", 2010): each chosen point enters the process as if it had
   * scored the worst utility seen so far, pushing the next choice away from it. A trial of a batch
   * stops early against the rung scores of the earlier batches only. So the trials depend on the seed
   * and {@code parallel}, never on the threads' timing; {@code parallel} 1 is the sequential search.
   */
  List<Trial> run(int budget, int parallel, Runnable progress) {
    SplittableRandom rng = new SplittableRandom(seed);
    int d = space.dimension();
    double[] shift = new double[d];
    for (int i = 0; i < d; i++) {
      shift[i] = rng.nextDouble();
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
    int initial = random ? budget : Math.min(budget, Math.max(4, budget / 4));
    Set<SearchSpace.Config> tried = new HashSet<>();
    ExecutorService pool = parallel > 1 ? Executors.newFixedThreadPool(parallel) : null;
    try {
      for (int t = 0; t < budget; ) {
        int batch = Math.min(parallel, budget - t);
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < batch; k++) {
          double[] u;
          if (random) {
            u = uniform(rng, d);
          } else if (t + k < initial) {
            u = sobol.nextVector();
            for (int i = 0; i < d; i++) {
              u[i] = (u[i] + shift[i]) % 1.0;
            }
          } else {
            u = propose(rng, tried, points);
          }
          tried.add(space.decode(u));
          points.add(u);
        }
        List<List<Double>> rungs = rungUtilities.stream().map(r -> (List<Double>) new ArrayList<>(r)).toList();
        List<Evaluated> results = evaluateAll(pool, t, points, rungs);
        for (Evaluated e : results) {
          for (int r = 0; r < e.rungUtilities().length; r++) {
            rungUtilities.get(r).add(e.rungUtilities()[r]);
          }
          done.add(e.trial());
          progress.run();
        }
        t += batch;
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
    return List.copyOf(done);
  }

  /** A trial and the utilities it reached at the rungs it passed (for the later trials' medians). */
  private record Evaluated(Trial trial, double[] rungUtilities) {}

  private List<Evaluated> evaluateAll(ExecutorService pool, int t, List<double[]> points, List<List<Double>> rungs) {
    List<Callable<Evaluated>> tasks = new ArrayList<>();
    for (int k = 0; k < points.size(); k++) {
      int number = t + k + 1;
      double[] u = points.get(k);
      tasks.add(() -> evaluate(number, u, rungs));
    }
    List<Evaluated> out = new ArrayList<>();
    try {
      if (pool == null) {
        for (Callable<Evaluated> task : tasks) {
          out.add(task.call());
        }
        return out;
      }
      for (Future<Evaluated> f : pool.invokeAll(tasks)) {
        out.add(f.get());
      }
      return out;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while trials ran", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double[] uniform(SplittableRandom rng, int d) {
    double[] u = new double[d];
    for (int i = 0; i < d; i++) {
      u[i] = rng.nextDouble();
    }
    return u;
  }

  private Evaluated evaluate(int number, double[] u, List<List<Double>> rungs) {
    SearchSpace.Config config = space.decode(u);
    Stepper stepper = trials.start(config);
    int n = trials.length();
    double[] reached = new double[0];
    for (int r = 0; r < RUNGS.length; r++) {
      int end = (int) (n * RUNGS[r]);
      stepper.advanceTo(end);
      double utility = objective.utility(stepper.score());
      List<Double> seen = rungs.get(r);
      boolean below = seen.size() >= 2 && !(utility >= median(seen));
      reached = Arrays.copyOf(reached, r + 1);
      reached[r] = Double.isNaN(utility) ? Double.NEGATIVE_INFINITY : utility;
      if (below) {
        return new Evaluated(new Trial(number, config, stepper.score(), end, true, u), reached);
      }
    }
    stepper.advanceTo(n);
    return new Evaluated(new Trial(number, config, stepper.score(), n, false, u), reached);
  }

  private static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** The candidate of largest expected improvement under a process fitted to the trials so far. */
  private double[] propose(SplittableRandom rng, Set<SearchSpace.Config> tried, List<double[]> pending) {
    List<Trial> finite = done.stream().filter(t -> Double.isFinite(t.score())).toList();
    int d = space.dimension();
    if (finite.size() < 2) {
      return uniform(rng, d);
    }
    double[][] x = new double[finite.size() + pending.size()][];
    double[] y = new double[x.length];
    double best = Double.NEGATIVE_INFINITY;
    double worst = Double.POSITIVE_INFINITY;
    for (int i = 0; i < finite.size(); i++) {
      x[i] = space.features(finite.get(i).point());
      y[i] = objective.utility(finite.get(i).score());
      best = Math.max(best, y[i]);
      worst = Math.min(worst, y[i]);
    }
    for (int k = 0; k < pending.size(); k++) { // the constant liar: chosen, not yet run
      x[finite.size() + k] = space.features(pending.get(k));
      y[finite.size() + k] = worst;
    }
    GaussianProcess gp = GaussianProcess.fit(x, y);
    List<double[]> candidates = new ArrayList<>();
    for (int i = 0; i < 1024; i++) {
      candidates.add(uniform(rng, d));
    }
    List<Trial> top = finite.stream()
        .sorted(Comparator.comparingDouble((Trial t) -> objective.utility(t.score())).reversed()).limit(3).toList();
    for (Trial t : top) {
      for (int i = 0; i < 128; i++) {
        double[] u = t.point().clone();
        for (int j = 0; j < d; j++) {
          u[j] = Math.min(1 - 1e-9, Math.max(0, u[j] + 0.1 * rng.nextDouble(-1, 1)));
        }
        candidates.add(u);
      }
    }
    double[] chosen = null;
    double bestEi = Double.NEGATIVE_INFINITY;
    for (double[] u : candidates) {
      if (tried.contains(space.decode(u))) {
        continue;
      }
      double[] p = gp.predict(space.features(u));
      double ei = expectedImprovement(p[0], p[1], best);
      if (ei > bestEi) {
        bestEi = ei;
        chosen = u;
      }
    }
    return chosen == null ? uniform(rng, d) : chosen;
  }

  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  /** E[max(0, f − best)] for f ~ N(mean, sd²). */
  static double expectedImprovement(double mean, double sd, double best) {
    if (sd <= 0) {
      return Math.max(0, mean - best);
    }
    double z = (mean - best) / sd;
    return (mean - best) * NORMAL.cumulativeProbability(z) + sd * NORMAL.density(z);
  }

  /** The best utility of a finished trial after each trial, NaN before the first finished one. */
  static double[] bestSoFar(List<Trial> trials, Objective objective) {
    double[] out = new double[trials.size()];
    double best = Double.NaN;
    for (int i = 0; i < out.length; i++) {
      Trial t = trials.get(i);
      if (!t.stopped() && Double.isFinite(t.score())
          && (Double.isNaN(best) || objective.utility(t.score()) > objective.utility(best))) {
        best = t.score();
      }
      out[i] = best;
    }
    return out;
  }

  /** The best finished trial, or null when none finished with a finite score. */
  static Trial best(List<Trial> trials, Objective objective) {
    Trial best = null;
    for (Trial t : trials) {
      if (!t.stopped() && Double.isFinite(t.score())
          && (best == null || objective.utility(t.score()) > objective.utility(best.score()))) {
        best = t;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "tuner over " + space.dimension() + " coordinates, seed " + seed + ", " + Arrays.toString(RUNGS);
  }
}
