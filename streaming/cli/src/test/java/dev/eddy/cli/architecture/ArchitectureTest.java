package dev.eddy.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled classes of every module: the pure
 * modules and core know no engine, the job knows no command line. (The enforcer checks the same on
 * the Maven dependencies; this catches code that reaches a class through a transitive dependency.)
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.eddy");
  }

  @Test
  void learnersDriftAndCoreAreFreeOfFlink() {
    noClasses().that().resideInAnyPackage("dev.eddy.learners..", "dev.eddy.drift..", "dev.eddy.core..")
        .should().dependOnClassesThat().resideInAnyPackage("org.apache.flink..")
        .because("learners/, drift/ and streaming/core are engine-free: the model step runs the same in evaluate and in the job")
        .check(classes);
  }

  @Test
  void coreKnowsNeitherTheJobNorTheCommandLine() {
    noClasses().that().resideInAPackage("dev.eddy.core..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.eddy.job..", "dev.eddy.cli..", "picocli..")
        .check(classes);
  }

  @Test
  void theJobKnowsNoCommandLine() {
    noClasses().that().resideInAnyPackage("dev.eddy.job..", "dev.eddy.sinks..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.eddy.cli..", "picocli..", "me.tongfei..", "org.knowm..", "kafka..", "org.apache.kafka.server..")
        .because("the shaded eddy-job.jar holds only what the job needs")
        .check(classes);
  }
}
