package dev.eddy.learners.linear;

import dev.eddy.learners.codec.Framing;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All learned numbers of a linear learner, in one uniform shape so that copying, encoding, growing
 * and merging are written once: per class, {@code tables} vectors of {@code dimension + 1} entries
 * (the last one belongs to the bias) and {@code scalars} numbers, plus the step counter t. Binary and
 * regression models have one class; one-vs-rest and multi-vector multiclass models have K.
 *
 * <p>What the tables mean is the learner's business (weights; AdaGrad's squared-gradient sums;
 * FTRL's z and n; Pegasos's scaled weights and averaging terms).
 */
final class LinearState {
  /** Entries per vector: the dimension plus the bias. */
  final int width;

  private final double[] scalarInit;
  int classes;
  /** [table][class][feature or bias]. */
  double[][][] tables;
  /** [scalar][class]. */
  double[][] scalars;
  /** Examples learned (t of the step-size schedules). */
  long steps;

  LinearState(int dimension, int classes, int tableCount, double... scalarInit) {
    this.width = dimension + 1;
    this.scalarInit = scalarInit.clone();
    this.classes = 0;
    this.tables = new double[tableCount][0][];
    this.scalars = new double[scalarInit.length][0];
    ensureClasses(classes);
  }

  /** Grows the model to at least {@code count} classes; the new classes start from zero. */
  void ensureClasses(int count) {
    if (count <= classes) {
      return;
    }
    for (int t = 0; t < tables.length; t++) {
      tables[t] = Arrays.copyOf(tables[t], count);
      for (int k = classes; k < count; k++) {
        tables[t][k] = new double[width];
      }
    }
    for (int s = 0; s < scalars.length; s++) {
      scalars[s] = Arrays.copyOf(scalars[s], count);
      Arrays.fill(scalars[s], classes, count, scalarInit[s]);
    }
    classes = count;
  }

  LinearState copy() {
    LinearState copy = new LinearState(width - 1, 0, tables.length, scalarInit);
    copy.classes = classes;
    copy.tables = new double[tables.length][classes][];
    for (int t = 0; t < tables.length; t++) {
      for (int k = 0; k < classes; k++) {
        copy.tables[t][k] = tables[t][k].clone();
      }
    }
    copy.scalars = new double[scalars.length][];
    for (int s = 0; s < scalars.length; s++) {
      copy.scalars[s] = scalars[s].clone();
    }
    copy.steps = steps;
    return copy;
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(classes);
    out.writeLong(steps);
    for (double[][] table : tables) {
      for (double[] row : table) {
        Framing.writeCompactDoubles(out, row, width);
      }
    }
    for (double[] scalar : scalars) {
      Framing.writeCompactDoubles(out, scalar, classes);
    }
  }

  /**
   * Replaces this state by one written by {@link #write} for the same layout. The rows are read
   * before the model grows, so a corrupt class count fails at the end of the input instead of
   * allocating its rows up front.
   */
  void readFrom(DataInput in) throws IOException {
    int count = Framing.checkLength(in.readInt(), LinearLearner.MAX_CLASSES, "class count");
    if (count < classes) {
      throw new IllegalArgumentException(
          "snapshot has " + count + " classes but the learner starts with " + classes);
    }
    long readSteps = in.readLong();
    double[][][] readTables = new double[tables.length][][];
    for (int t = 0; t < tables.length; t++) {
      List<double[]> rows = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        rows.add(Framing.readCompactDoubles(in, width, "weight vector"));
      }
      readTables[t] = rows.toArray(new double[0][]);
    }
    double[][] readScalars = new double[scalars.length][];
    for (int s = 0; s < scalars.length; s++) {
      readScalars[s] = Framing.readCompactDoubles(in, count, "per-class scalars");
    }
    classes = count;
    steps = readSteps;
    tables = readTables;
    scalars = readScalars;
  }

  /**
   * The weighted average of states of one layout: every entry, scalar and the step counter
   * (rounded) is {@code sum_r c[r] * value_r} with weights {@code c} summing to 1.
   */
  static LinearState average(List<LinearState> states, double[] c) {
    LinearState first = states.get(0);
    LinearState sum = new LinearState(first.width - 1, first.classes, first.tables.length,
        first.scalarInit);
    for (double[] scalar : sum.scalars) {
      Arrays.fill(scalar, 0.0);
    }
    double steps = 0;
    for (int r = 0; r < states.size(); r++) {
      LinearState state = states.get(r);
      for (int t = 0; t < sum.tables.length; t++) {
        for (int k = 0; k < sum.classes; k++) {
          double[] acc = sum.tables[t][k];
          double[] row = state.tables[t][k];
          for (int i = 0; i < acc.length; i++) {
            acc[i] += c[r] * row[i];
          }
        }
      }
      for (int s = 0; s < sum.scalars.length; s++) {
        for (int k = 0; k < sum.classes; k++) {
          sum.scalars[s][k] += c[r] * state.scalars[s][k];
        }
      }
      steps += c[r] * state.steps;
    }
    sum.steps = Math.round(steps);
    return sum;
  }
}
