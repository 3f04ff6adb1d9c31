package dev.eddy.cli;

import dev.eddy.learners.Task;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The {@code --task} option of the commands that read a labelled CSV (evaluate, tune). */
public final class TaskOption {
  private TaskOption() {}

  /** The task named by {@code value}, or null when the option was not given (decided by the labels). */
  public static Task parse(CommandSpec spec, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Task.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(),
          "--task must be binary, multiclass or regression but was '" + value + "'");
    }
  }
}
