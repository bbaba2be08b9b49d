package uk.cspr.wiring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape five more stages will copy: packages by feature without cycles, a called stage never
 * reaching back to the case that calls it, and mail knowing nothing of any stage's words.
 */
class ArchitectureTest {

  static final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uk.cspr");

  @Test
  void noCyclesBetweenPackages() {
    slices().matching("uk.cspr.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void aStageDoesNotReachBackToTheCase() {
    noClasses().that().resideInAnyPackage("uk.cspr.notification..", "uk.cspr.agency..")
        .should().dependOnClassesThat().resideInAPackage("uk.cspr.cases..")
        .because("a called stage gets what it needs from its inputs, so it can be changed and tested alone")
        .check(classes);
  }

  @Test
  void mailRendersAndSendsOnly() {
    noClasses().that().resideInAPackage("uk.cspr.mail..")
        .should().dependOnClassesThat().resideInAnyPackage("uk.cspr.cases..", "uk.cspr.notification..", "uk.cspr.agency..")
        .because("each stage contributes its own recipients and wording (MailContribution)")
        .check(classes);
  }

  @Test
  void theStagesUseTheEnginesPublicApi() {
    noClasses().that().resideInAnyPackage("uk.cspr.cases..", "uk.cspr.notification..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("a stage is written against Camunda's public API; engine internals stay in engine/ and identity/")
        .check(classes);
  }
}
