package dev.eddy.cli;

import dev.eddy.core.kafka.KafkaAccessException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code bin/eddy}: the command line of Eddy. Usage errors (a bad option or value, a bad job spec)
 * print the problem and the usage and exit 2; failures while running exit 1.
 */
@Command(
    name = "eddy",
    mixinStandardHelpOptions = true,
    version = "Eddy 0.1.0",
    description = "Streaming online learning with drift detection on Apache Flink and Kafka.",
    subcommands = {
      DemoCommand.class,
      KafkaCommand.class,
      AclsCommand.class,
      TopicsCommand.class,
      ProduceCommand.class,
      RunCommand.class,
      ConsumeCommand.class,
      EvaluateCommand.class,
      dev.eddy.cli.tune.TuneCommand.class,
      GenerateCommand.class,
      DriftCommand.class,
      BenchCommand.class,
      ClusterCommand.class,
      SubmitCommand.class,
      CancelCommand.class,
      SavepointCommand.class,
      ReportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class EddyCli implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new EddyCli());
    // the parameter lists come from the declarations, so --help cannot drift from the code
    cli.getSubcommands().get("evaluate").getCommandSpec().usageMessage()
        .footer(ParameterReference.learnersText(), ParameterReference.driftText());
    cli.getSubcommands().get("drift").getCommandSpec().usageMessage().footer(ParameterReference.driftText());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof IllegalArgumentException) {
        commandLine.getErr().println("eddy " + commandLine.getCommandName() + ": " + e.getMessage());
        return CommandLine.ExitCode.USAGE;
      }
      commandLine.getErr().println("eddy " + commandLine.getCommandName() + " failed: "
          + (e instanceof KafkaAccessException ? e.getMessage() : e));
      org.slf4j.LoggerFactory.getLogger(EddyCli.class).error("command failed", e);
      return CommandLine.ExitCode.SOFTWARE;
    });
    return cli;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
