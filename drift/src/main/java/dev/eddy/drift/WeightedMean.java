package dev.eddy.drift;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An exponentially weighted moving average with its independent-bound coefficient, the sum of
 * the squared weights (HDDM-W, Frías-Blanco et al. 2015): the first value sets the mean with
 * coefficient 1; each later value x gives mean' = lambda x + (1 - lambda) mean and c' = lambda^2 +
 * (1 - lambda)^2 c, so that McDiarmid's radius is sqrt(c ln(1/a) / 2) for values in [0, 1].
 */
final class WeightedMean {
  double mean;
  double coefficient;
  boolean started;

  void add(double x, double lambda) {
    if (started) {
      mean = lambda * x + (1 - lambda) * mean;
      coefficient = lambda * lambda + (1 - lambda) * (1 - lambda) * coefficient;
    } else {
      mean = x;
      coefficient = 1;
      started = true;
    }
  }

  void set(WeightedMean other) {
    mean = other.mean;
    coefficient = other.coefficient;
    started = other.started;
  }

  void clear() {
    mean = 0;
    coefficient = 0;
    started = false;
  }

  void write(DataOutput out) throws IOException {
    out.writeDouble(mean);
    out.writeDouble(coefficient);
    out.writeBoolean(started);
  }

  void read(DataInput in) throws IOException {
    mean = in.readDouble();
    coefficient = in.readDouble();
    started = in.readBoolean();
  }
}
