package dev.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eddy.drift.Detectors;
import dev.eddy.learners.Learners;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The parameter docs and help are the declarations, rendered: they name every type and parameter. */
class ParameterReferenceTest {
  private static final Path DOC = Path.of("../../docs/parameters.md");

  /** Regenerate with {@code -Deddy.writeDocs=true} after changing a declaration. */
  @Test
  void docsParametersMdIsTheRenderedDeclarations() throws Exception {
    String rendered = ParameterReference.markdown();
    if (Boolean.getBoolean("eddy.writeDocs")) {
      Files.writeString(DOC, rendered);
    }
    assertThat(Files.readString(DOC)).as("docs/parameters.md is stale: regenerate it (see this test)").isEqualTo(rendered);
  }

  @Test
  void helpListsEveryLearnerAndDetectorParameter() {
    StringWriter out = new StringWriter();
    var cli = EddyCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertThat(cli.execute("evaluate", "--help")).isZero();
    for (String type : Learners.types()) {
      assertThat(out.toString()).contains("  " + type + " (");
      Learners.parameters(type).names().forEach(name -> assertThat(out.toString()).contains("    " + name + "  "));
    }
    out.getBuffer().setLength(0);
    assertThat(cli.execute("drift", "--help")).isZero();
    for (String type : Detectors.types()) {
      Detectors.parameters(type).names().forEach(name -> assertThat(out.toString()).contains("    " + name + "  "));
    }
  }
}
