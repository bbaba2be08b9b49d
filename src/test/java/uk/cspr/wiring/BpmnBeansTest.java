package uk.cspr.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.PlainEngine;

/**
 * Every name the BPMN in {@code processes/} reaches in an expression ({@code ${mailDelegate}},
 * {@code ${workingDays.endOfDay(…)}}) is a bean in the application and in the plain engine of the
 * process tests, and the plain engine runs with the application's own engine plugins: a bean or
 * plugin wired in one place only fails here, by name, not in production.
 */
@CsprSpringTest
class BpmnBeansTest {

  /** Names an expression may use that are no bean: the engine's own, and literals. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "true", "false", "null", "empty", "not");
  static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  static final Pattern QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");
  /** A name whose member or method is used (bean.method(...), bean.property), not itself after a dot. */
  static final Pattern MEMBER_OF = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.");
  static final Pattern WHOLE_NAME = Pattern.compile("(?:delegateExpression|variableMappingDelegateExpression)=\"\\$\\{(\\w+)}\"");

  static ProcessEngine plainEngine;
  static PlainEngine plain;

  @Autowired ApplicationContext application;

  @BeforeAll
  static void plainEngine() {
    plain = PlainEngine.withWorkflow(3139);
    plainEngine = plain.build();
  }

  @AfterAll
  static void close() {
    plainEngine.close();
  }

  /** Bean names by the BPMN files that use them. */
  static Map<String, Set<String>> namesInBpmn() throws IOException {
    Map<String, Set<String>> names = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String bpmn = Files.readString(file);
        Matcher whole = WHOLE_NAME.matcher(bpmn);
        while (whole.find()) {
          names.computeIfAbsent(whole.group(1), n -> new TreeSet<>()).add(file.getFileName().toString());
        }
        Matcher expression = EXPRESSION.matcher(bpmn);
        while (expression.find()) {
          Matcher member = MEMBER_OF.matcher(QUOTED.matcher(expression.group(1)).replaceAll("''"));
          while (member.find()) {
            if (!ENGINE_NAMES.contains(member.group(1))) {
              names.computeIfAbsent(member.group(1), n -> new TreeSet<>()).add(file.getFileName().toString());
            }
          }
        }
      }
    }
    return names;
  }

  @Test
  void theBpmnReachesTheBeansItNeeds() throws IOException {
    // the scan itself: it finds the names we know are there
    assertThat(namesInBpmn()).containsKeys("mailDelegate", "workingDays", "timescales", "agencyIds",
        "notificationMapping", "caseClosedListener", "recordSeriousIncidentListener");
  }

  @Test
  void everyNameTheBpmnUsesIsABeanOfTheApplication() throws IOException {
    Map<String, Set<String>> missing = new TreeMap<>();
    namesInBpmn().forEach((name, files) -> {
      if (!application.containsBean(name)) {
        missing.put(name, files);
      }
    });
    assertThat(missing).as("names the BPMN uses that the application has no bean for").isEmpty();
  }

  @Test
  void everyNameTheBpmnUsesIsABeanOfThePlainEngine() throws IOException {
    Map<String, Set<String>> missing = new TreeMap<>();
    namesInBpmn().forEach((name, files) -> {
      if (!plain.beans().containsKey(name)) {
        missing.put(name, files);
      }
    });
    assertThat(missing).as("names the BPMN uses that the plain engine of the process tests has no bean for "
        + "(wire them in the stage's *Configuration, which both use)").isEmpty();
  }

  /** Plugins that belong to the application around the engine, not to how the engine runs the BPMN. */
  static final Set<String> APPLICATION_ONLY = Set.of(
      "uk.cspr.engine.ProcessResourceDeployer",   // the plain engine deploys processes/ and forms/ itself
      "uk.cspr.engine.RecordRetentionPlugin",     // history clean-up, tested on its own
      "uk.cspr.engine.SchemaLock",                // nodes sharing PostgreSQL: TwoNodesIT; the plain engine owns its H2
      "uk.cspr.identity.AccessSeeder",            // authorizations: the plain engine runs without them
      "uk.cspr.identity.IdentitySeeder",          // people: seeded by the test extension
      "uk.cspr.identity.FirstAdministrator",
      "uk.cspr.identity.IdentityConfiguration");  // login throttling settings: no logins on the plain engine

  @Test
  void thePlainEngineRunsWithTheApplicationsEnginePlugins() {
    Set<String> application = new TreeSet<>();
    this.application.getBeansOfType(ProcessEnginePlugin.class).values().stream()
        .map(plugin -> plugin.getClass().getName().replaceAll("\\$.*", ""))
        .filter(name -> name.startsWith("uk.cspr.") && !APPLICATION_ONLY.contains(name))
        .forEach(application::add);
    Set<String> plainOnes = new TreeSet<>();
    plain.ourPlugins().forEach(plugin -> plainOnes.add(plugin.getClass().getName()));
    assertThat(plainOnes).as("the plain engine's plugins").containsAll(application);
  }
}
