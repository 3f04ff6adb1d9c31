package dev.eddy.drift;

import dev.eddy.learners.params.ParamSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Builds drift detectors by type name and string parameters, as written in job specs ({@code
 * drift.detector}) and on the command line ({@code bin/eddy drift --detector adwin --param
 * delta=0.01}). Errors name the unknown type, parameter or bad value and list what is allowed.
 *
 * <p>Each type declares its parameters once, in its {@code Config.PARAMS}; {@link #parameters}
 * returns them (rendered for users in {@code docs/parameters.md}).
 */
public final class Detectors {
  /** One type: its parameters and its factory (which parses the parameters once and builds detectors of them). */
  private record Entry(ParamSet params, Function<Map<String, String>, Supplier<DriftDetector>> factory) {}

  private static final Map<String, Entry> REGISTRY = registry();

  private Detectors() {}

  private static Map<String, Entry> registry() {
    Map<String, Entry> m = new LinkedHashMap<>();
    register(m);
    // every type also takes the warm-up, declared once
    m.replaceAll((type, e) -> new Entry(e.params().plus(WarmUp.PARAM), e.factory()));
    return m;
  }

  private static void register(Map<String, Entry> m) {
    m.put(Adwin.TYPE, new Entry(Adwin.Config.PARAMS, rule(Adwin.Config::fromParams, Adwin::new)));
    m.put(Ddm.TYPE, new Entry(Ddm.Config.PARAMS, rule(Ddm.Config::fromParams, Ddm::new)));
    m.put(Eddm.TYPE, new Entry(Eddm.Config.PARAMS, rule(Eddm.Config::fromParams, Eddm::new)));
    m.put(HddmA.TYPE, new Entry(HddmA.Config.PARAMS, rule(HddmA.Config::fromParams, HddmA::new)));
    m.put(HddmW.TYPE, new Entry(HddmW.Config.PARAMS, rule(HddmW.Config::fromParams, HddmW::new)));
    m.put(PageHinkley.TYPE, new Entry(PageHinkley.Config.PARAMS, rule(PageHinkley.Config::fromParams, PageHinkley::new)));
    m.put(Cusum.TYPE, new Entry(Cusum.Config.PARAMS, rule(Cusum.Config::fromParams, Cusum::new)));
    m.put(Kswin.TYPE, new Entry(Kswin.Config.PARAMS, rule(Kswin.Config::fromParams, Kswin::new)));
  }

  /** A factory that parses a type's parameters into its config once, then builds detectors of that config. */
  private static <C> Function<Map<String, String>, Supplier<DriftDetector>> rule(
      Function<Map<String, String>, C> parse, Function<C, DriftDetector> build) {
    return params -> {
      C config = parse.apply(params);
      return () -> build.apply(config);
    };
  }

  /** The type names, in a stable order. */
  public static List<String> types() {
    return List.copyOf(REGISTRY.keySet());
  }

  /**
   * A fresh detector of {@code type} with {@code params} (spec names to values; missing ones take
   * their paper defaults; null means none).
   *
   * @throws IllegalArgumentException for an unknown type (listing the known ones), an unknown
   *     parameter (listing the allowed ones) or a bad value (naming the parameter and the value)
   */
  public static DriftDetector create(String type, Map<String, String> params) {
    Entry entry = entry(type);
    Map<String, String> given = params == null ? Map.of() : params;
    int warmUp = entry.params().parse(given).get(WarmUp.PARAM);
    Map<String, String> rule = new LinkedHashMap<>(given);
    rule.remove(WarmUp.NAME);
    return new Origin(entry.factory().apply(rule), warmUp).get();
  }

  /**
   * A new, untrained detector of {@code prototype}'s type and parameters, without parsing them again
   * (a job's many model keys all start from the spec's detector).
   */
  public static DriftDetector fresh(DriftDetector prototype) {
    BaseDetector base = (BaseDetector) prototype;
    return base.origin() != null ? base.origin().get() : create(base.type(), base.parameters());
  }

  /** Whether two detectors have one type and the same parameters (built by one factory, or equal parameters). */
  static boolean sameSettings(DriftDetector a, DriftDetector b) {
    BaseDetector x = (BaseDetector) a;
    BaseDetector y = (BaseDetector) b;
    return x.origin() != null && x.origin() == y.origin()
        || x.type().equals(y.type()) && x.parameters().equals(y.parameters());
  }

  /** Builds the detectors of one parsed config and warm-up, each knowing it came from here ({@link #fresh}). */
  private record Origin(Supplier<DriftDetector> rule, int warmUp) implements Supplier<DriftDetector> {
    @Override
    public DriftDetector get() {
      BaseDetector detector = (BaseDetector) rule.get();
      detector.warmUp(warmUp);
      detector.origin(this);
      return detector;
    }
  }

  /**
   * The parameters of {@code type}, declared once: for help texts, docs and a tuner's search space.
   *
   * @throws IllegalArgumentException for an unknown type, listing the known ones
   */
  public static ParamSet parameters(String type) {
    return entry(type).params();
  }

  private static Entry entry(String type) {
    Entry entry = type == null ? null : REGISTRY.get(type);
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown drift detector '" + type + "'; known: " + String.join(", ", REGISTRY.keySet()));
    }
    return entry;
  }

  /** The parameters of {@code type} with their defaults, in declaration order. */
  public static Map<String, String> defaults(String type) {
    return parameters(type).defaults();
  }

  /**
   * The parameters with the neutral value of each parameter that only concerns a model's error
   * stream, where not given: {@code direction: both} (for types that take one) and {@code
   * min-examples: 0}. For feature drift (a feature may move either way, and has its own warm-up) and
   * for snapshots written before those parameters existed (when the detectors behaved so).
   */
  static Map<String, String> neutralUnlessGiven(String type, Map<String, String> params) {
    Map<String, String> out = new LinkedHashMap<>(params == null ? Map.of() : params);
    if (parameters(type).names().contains(Direction.NAME)) {
      out.putIfAbsent(Direction.NAME, Direction.BOTH.specName());
    }
    out.putIfAbsent(WarmUp.NAME, "0");
    return out;
  }

  /** True for the types that accept only 0/1 errors. */
  public static boolean isBinary(String type) {
    return create(type, Map.of()).inputDomain() == InputDomain.BINARY;
  }

  /** The binary (0/1) types. */
  public static Set<String> binaryTypes() {
    Set<String> out = new LinkedHashSet<>();
    for (String t : REGISTRY.keySet()) {
      if (isBinary(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
