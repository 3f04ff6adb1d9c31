package dev.eddy.cli;

import dev.eddy.core.spec.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Parses durations as specs do ({@link Durations}): {@code 500ms}, {@code 10s}, {@code 2min}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return Durations.parse(value);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.TypeConversionException("expected a duration such as 500ms, 10s or 2min, got '" + value + "'");
    }
  }
}
