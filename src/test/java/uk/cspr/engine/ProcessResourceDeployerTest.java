package uk.cspr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.cspr.testing.PlainEngine;

/** Every file in processes/ and forms/ deploys, under the same name however the application is launched. */
class ProcessResourceDeployerTest {

  static final int RETENTION_DAYS = 9132;

  static ProcessEngine engine;
  static Deployment deployment;

  @BeforeAll
  static void deployEverything() {
    engine = PlainEngine.withCalendar().plugin(new RecordRetentionPlugin(RETENTION_DAYS)).build();
    deployment = new ProcessResourceDeployer().deploy(engine.getRepositoryService());
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  static List<Path> filesIn(String directory) throws IOException {
    try (Stream<Path> files = Files.walk(Path.of(directory))) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  @Test
  void everyFileInProcessesAndFormsIsDeployedUnderItsPath() throws IOException {
    List<Path> files = Stream.concat(filesIn("processes").stream(), filesIn("forms").stream()).toList();
    assertThat(files).as("files in processes/ and forms/").isNotEmpty();
    List<String> deployed = engine.getRepositoryService().getDeploymentResourceNames(deployment.getId());
    assertThat(deployed).containsExactlyInAnyOrderElementsOf(
        files.stream().map(f -> f.toString().replace('\\', '/')).toList());
  }

  @Test
  void everyBpmnFileDefinesTheProcessItIsNamedForAndKeepsItsHistoryForTheRetentionPeriod() throws IOException {
    RepositoryService repository = engine.getRepositoryService();
    for (Path bpmn : filesIn("processes")) {
      String key = bpmn.getFileName().toString().replaceFirst("\\.bpmn$", "");
      ProcessDefinition definition = repository.createProcessDefinitionQuery()
          .deploymentId(deployment.getId()).processDefinitionKey(key).singleResult();
      assertThat(definition).as("process %s from %s", key, bpmn).isNotNull();
      assertThat(definition.getHistoryTimeToLive()).isGreaterThanOrEqualTo(RETENTION_DAYS);
    }
  }

  @Test
  void everyFormIsDeployedAsACamundaFormWithTheIdItIsNamedFor() throws IOException {
    for (Path form : filesIn("forms")) {
      String id = new ObjectMapper().readTree(form.toFile()).path("id").asText();
      assertThat(id).as("id of %s", form).isEqualTo(form.getFileName().toString().replaceFirst("\\.form$", ""));
      // there is no public query for form definitions; the engine's own lookup is what formRef uses
      var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      var definition = configuration.getCommandExecutorTxRequired().execute(context ->
          context.getCamundaFormDefinitionManager().findDefinitionByDeploymentAndKey(deployment.getId(), id));
      assertThat(definition).as("form %s deployed", id).isNotNull();
    }
  }

  @Test
  void deployingTheSameResourcesAgainCreatesNoNewVersion() {
    Deployment again = new ProcessResourceDeployer().deploy(engine.getRepositoryService());
    assertThat(again.getId()).isEqualTo(deployment.getId());
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("cspr").count()).isEqualTo(1);
  }

  @Test
  void theNameIsTheSameFromTargetClassesAndFromTheJar() {
    assertThat(ProcessResourceDeployer.stableName(
        "file:/home/me/processes/cspr/target/classes/processes/cspr-case.bpmn", "processes"))
        .isEqualTo("processes/cspr-case.bpmn");
    assertThat(ProcessResourceDeployer.stableName(
        "jar:file:/opt/processes/cspr.jar!/BOOT-INF/classes!/processes/cspr-case.bpmn", "processes"))
        .isEqualTo("processes/cspr-case.bpmn");
    assertThat(ProcessResourceDeployer.stableName(
        "jar:nested:/opt/cspr.jar/!BOOT-INF/classes/!/forms/record-serious-incident.form", "forms"))
        .isEqualTo("forms/record-serious-incident.form");
    assertThatThrownBy(() -> ProcessResourceDeployer.stableName("file:/elsewhere/x.bpmn", "processes"))
        .hasMessageContaining("not under processes/");
  }
}
