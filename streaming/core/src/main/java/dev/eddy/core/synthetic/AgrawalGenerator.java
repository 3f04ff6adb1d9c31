package dev.eddy.core.synthetic;

import java.util.SplittableRandom;

/**
 * The Agrawal loan-applicant stream (R. Agrawal, T. Imielinski and A. Swami, "Database Mining: A
 * Performance Perspective", IEEE TKDE 5(6), 1993, as MOA generates it): nine attributes (salary,
 * commission, age, education level, car, zip code, house value, years owned, loan) and a group 0/1
 * given by one of the paper's classification functions. Here the function changes abruptly at known
 * points, cycling through functions 1, 2, 3 and 4 (age; age and salary; age and education; age,
 * salary and education), and a fraction of labels is flipped as noise. The nominal attributes
 * (education, car, zip code) are written as their codes. Seeded.
 */
public final class AgrawalGenerator {
  /** The attributes, in the order {@link #next} writes them. */
  public static final String[] ATTRIBUTES =
      {"salary", "commission", "age", "elevel", "car", "zipcode", "hvalue", "hyears", "loan"};

  private final SplittableRandom random;
  private final long[] driftPoints;
  private final double noise;
  private long position;

  /**
   * @param driftPoints 0-based positions where the next function starts, ascending
   * @param noise fraction of flipped labels
   */
  public AgrawalGenerator(long seed, long[] driftPoints, double noise) {
    this.random = new SplittableRandom(seed);
    this.driftPoints = driftPoints.clone();
    this.noise = noise;
  }

  /** The paper's function number (1-4) at the current position. */
  public int function() {
    int c = 0;
    while (c < driftPoints.length && position >= driftPoints[c]) {
      c++;
    }
    return c % 4 + 1;
  }

  /** Fills {@code x} (9 attributes, see {@link #ATTRIBUTES}) and returns the label (0 or 1). */
  public double next(double[] x) {
    double salary = 20000 + 130000 * random.nextDouble();
    double commission = salary >= 75000 ? 0 : 10000 + 65000 * random.nextDouble();
    int age = 20 + random.nextInt(61);
    int elevel = random.nextInt(5);
    int car = 1 + random.nextInt(20);
    int zipcode = random.nextInt(9);
    double hvalue = (9 - zipcode) * 100000 * (0.5 + random.nextDouble());
    int hyears = 1 + random.nextInt(30);
    double loan = 500000 * random.nextDouble();
    double[] values = {salary, commission, age, elevel, car, zipcode, hvalue, hyears, loan};
    System.arraycopy(values, 0, x, 0, values.length);
    int group = group(function(), salary, age, elevel);
    position++;
    return random.nextDouble() < noise ? 1 - group : group;
  }

  /** Group 0 or 1 of the paper's function 1-4. */
  static int group(int function, double salary, int age, int elevel) {
    boolean young = age < 40;
    boolean old = age >= 60;
    return switch (function) {
      case 1 -> young || old ? 0 : 1;
      case 2 -> young ? within(salary, 50000, 100000) : old ? within(salary, 25000, 75000) : within(salary, 75000, 125000);
      case 3 -> young ? (elevel <= 1 ? 0 : 1) : old ? (elevel >= 2 ? 0 : 1) : (elevel >= 1 && elevel <= 3 ? 0 : 1);
      case 4 -> young ? (elevel <= 1 ? within(salary, 25000, 75000) : within(salary, 50000, 100000))
          : old ? (elevel >= 2 ? within(salary, 50000, 100000) : within(salary, 25000, 75000))
          : (elevel >= 1 && elevel <= 3 ? within(salary, 50000, 100000) : within(salary, 75000, 125000));
      default -> throw new IllegalArgumentException("function " + function);
    };
  }

  private static int within(double v, double lo, double hi) {
    return lo <= v && v <= hi ? 0 : 1;
  }
}
