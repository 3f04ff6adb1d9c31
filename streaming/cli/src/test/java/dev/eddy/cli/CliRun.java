package dev.eddy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code bin/eddy} commands in-process for tests, collecting what they print. */
public final class CliRun {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** The exit code of one command line. */
  public int run(String... args) {
    var cli = EddyCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  /** Everything printed on standard output so far. */
  public String out() {
    return out.toString();
  }

  /** Everything printed on standard error so far. */
  public String err() {
    return err.toString();
  }
}
