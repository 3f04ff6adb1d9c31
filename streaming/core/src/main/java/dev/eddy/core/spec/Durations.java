package dev.eddy.core.spec;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations written in specs and on the command line, the way Flink's options read them:
 * a number and a unit ({@code 500ms}, {@code 10s}, {@code 1min}, {@code 2h}, {@code 7d}; a bare
 * number is milliseconds). Engine-free, so core does not need Flink to read a spec.
 */
public final class Durations {
  private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

  private Durations() {}

  /** {@code d} as written in specs: the largest unit that divides it ({@code 90s}, {@code 15min}, {@code 250ms}). */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "min";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  /** The duration of {@code text}; IllegalArgumentException naming the text and the units otherwise. */
  public static Duration parse(String text) {
    Matcher m = text == null ? null : FORMAT.matcher(text.trim());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("expected a duration such as 500ms, 10s, 1min, 2h or 7d, got " + text);
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("duration out of range: " + text, e);
    }
    return switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> Duration.ofMillis(n);
      case "s", "sec", "secs", "second", "seconds" -> Duration.ofSeconds(n);
      case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
      case "h", "hour", "hours" -> Duration.ofHours(n);
      case "d", "day", "days" -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException(
          "unknown duration unit '" + m.group(2) + "' in " + text + "; use ms, s, min, h or d");
    };
  }
}
