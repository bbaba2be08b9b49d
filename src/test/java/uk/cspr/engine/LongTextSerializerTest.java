package uk.cspr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.cspr.testing.PlainEngine;
import uk.cspr.testing.Workflow;

/** Long answers on a plain engine: stored whole, read back as the same String variable, now and in history. */
class LongTextSerializerTest {

  static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    engine = PlainEngine.withCalendar().build();
    engine.getRepositoryService().createDeployment().addModelInstance("answer.bpmn",
        Bpmn.createExecutableProcess("answer").camundaHistoryTimeToLive(1)
            .startEvent().userTask("answerIt").endEvent().done()).deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  ProcessInstance start(Map<String, Object> variables) {
    return engine.getRuntimeService().startProcessInstanceByKey("answer", variables);
  }

  HistoricVariableInstance history(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(name).singleResult();
  }

  String serializer(ProcessInstance instance, String name) {
    return ((VariableInstanceEntity) engine.getRuntimeService().createVariableInstanceQuery()
        .processInstanceIdIn(instance.getId()).variableName(name).singleResult()).getSerializerName();
  }

  @Test
  void textLongerThanTheColumnIsKeptWholeAsAString() {
    String chronology = Workflow.longAnswer(20_000);
    ProcessInstance instance = start(Map.of("chronologySummary", chronology));

    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "chronologySummary")).isEqualTo(chronology);
    assertThat(engine.getRuntimeService().getVariableTyped(instance.getId(), "chronologySummary").getType())
        .isEqualTo(ValueType.STRING);
    assertThat(history(instance, "chronologySummary").getValue()).isEqualTo(chronology);
    assertThat(history(instance, "chronologySummary").getTypeName()).isEqualTo("string");
  }

  @Test
  void textThatFitsTheColumnStaysWithTheEnginesOwnSerializer() {
    String fits = Workflow.longAnswer(LongTextSerializer.TEXT_COLUMN);
    ProcessInstance instance = start(Map.of("fits", fits, "empty", ""));
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "fits")).isEqualTo(fits);
    assertThat(engine.getRuntimeService().getVariable(instance.getId(), "empty")).isEqualTo("");
    assertThat(serializer(instance, "fits")).isEqualTo("string");
    assertThat(serializer(start(Map.of("long", fits + "!")), "long")).isEqualTo(LongTextSerializer.NAME);
  }

  @Test
  void anAnswerMayGrowAndShrinkAndGrowAgain() {
    ProcessInstance instance = start(Map.of("analysis", "short"));
    String id = instance.getId();
    String longer = Workflow.longAnswer(12_345);
    engine.getRuntimeService().setVariable(id, "analysis", Variables.stringValue(longer));
    assertThat(engine.getRuntimeService().getVariable(id, "analysis")).isEqualTo(longer);
    engine.getRuntimeService().setVariable(id, "analysis", "short again");
    assertThat(engine.getRuntimeService().getVariable(id, "analysis")).isEqualTo("short again");
    engine.getRuntimeService().setVariable(id, "analysis", longer + "!");
    assertThat(engine.getRuntimeService().getVariable(id, "analysis")).isEqualTo(longer + "!");
    assertThat(history(instance, "analysis").getValue()).isEqualTo(longer + "!");
  }

  @Test
  void theHistorysTextCopyOfASubmittedFieldIsShortenedToFitAndSaysSo() {
    String value = Workflow.longAnswer(20_000);
    String shortened = LongTextHistoryEventProducer.shortened("keyPracticeEpisodes", value);
    assertThat(shortened).hasSize(LongTextSerializer.TEXT_COLUMN)
        .startsWith(value.substring(0, 3000))
        .endsWith("(20000 characters in all: the whole answer is the variable keyPracticeEpisodes)");
    assertThat(LongTextHistoryEventProducer.shortened("x", "short")).isEqualTo("short");
  }
}
