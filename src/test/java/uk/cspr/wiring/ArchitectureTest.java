package uk.cspr.wiring;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

  static final JavaClasses ours = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uk.cspr");

  @Test
  void noCyclesBetweenPackages() {
    slices().matching("uk.cspr.(*)..").should().beFreeOfCycles().check(ours);
  }

  @Test
  void aStageDoesNotReachBackToTheCase() {
    // every package but the case's own, so a stage added later is held to it without editing this
    noClasses().that().resideOutsideOfPackages("uk.cspr.cases..", "uk.cspr.identity..")
        .should().dependOnClassesThat().resideInAPackage("uk.cspr.cases..")
        .because("a called stage gets what it needs from its inputs, so it can be changed and tested alone "
            + "(identity only names the case's process key in its authorizations)")
        .check(ours);
  }

  @Test
  void mailRendersAndSendsOnly() {
    classes().that().resideInAPackage("uk.cspr.mail..")
        .should().onlyDependOnClassesThat(resideOutsideOfPackage("uk.cspr..")
            .or(resideInAnyPackage("uk.cspr.mail..", "uk.cspr.partnership..", "uk.cspr.calendar..")))
        .because("each stage contributes its own recipients and wording (MailContribution)")
        .check(ours);
  }

  @Test
  void theStagesUseTheEnginesPublicApi() {
    noClasses().that().resideInAnyPackage("uk.cspr.cases..", "uk.cspr.notification..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("a stage is written against Camunda's public API; engine internals stay in engine/ and identity/")
        .check(ours);
  }
}
