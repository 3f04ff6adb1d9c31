package dev.eddy.cli;

import java.time.Duration;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.ITypeConverter;

/** Parses durations as Flink does: {@code 500ms}, {@code 10s}, {@code 2min}. */
public final class DurationConverter implements ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    try {
      return TimeUtils.parseDuration(value);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.TypeConversionException("expected a duration such as 500ms, 10s or 2min, got '" + value + "'");
    }
  }
}
