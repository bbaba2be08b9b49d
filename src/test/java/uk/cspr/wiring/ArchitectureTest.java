package uk.cspr.wiring;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The shape five more stages will copy: packages by feature without cycles, a called stage never
 * reaching back to the case that calls it, and mail knowing nothing of any stage's words.
 *
 * <p>Rules are {@code @ArchTest} methods, not fields: Surefire 3.5.3 (Spring Boot 3.5's) runs no
 * {@code @ArchTest} field at all, and reports "Tests run: 0" (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "uk.cspr", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static void noCyclesBetweenPackages(JavaClasses ours) {
    slices().matching("uk.cspr.(*)..").should().beFreeOfCycles().check(ours);
  }

  @ArchTest
  static void aStageDoesNotReachBackToTheCase(JavaClasses ours) {
    // every package but the case's own, so a stage added later is held to it without editing this
    noClasses().that().resideOutsideOfPackages("uk.cspr.cases..", "uk.cspr.identity..")
        .should().dependOnClassesThat().resideInAPackage("uk.cspr.cases..")
        .because("a called stage gets what it needs from its inputs, so it can be changed and tested alone "
            + "(identity only names the case's process key in its authorizations)")
        .check(ours);
  }

  @ArchTest
  static void mailRendersAndSendsOnly(JavaClasses ours) {
    classes().that().resideInAPackage("uk.cspr.mail..")
        .should().onlyDependOnClassesThat(resideOutsideOfPackage("uk.cspr..")
            .or(resideInAnyPackage("uk.cspr.mail..", "uk.cspr.partnership..", "uk.cspr.calendar..")))
        .because("each stage contributes its own recipients and wording (MailContribution)")
        .check(ours);
  }

  @ArchTest
  static void theStagesUseTheEnginesPublicApi(JavaClasses ours) {
    noClasses().that().resideInAnyPackage("uk.cspr.cases..", "uk.cspr.notification..", "uk.cspr.rapidreview..",
        "uk.cspr.paneldecision..", "uk.cspr.localreview..", "uk.cspr.publication..", "uk.cspr.learning..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("a stage is written against Camunda's public API; engine internals stay in engine/ and identity/")
        .check(ours);
  }
}
