package uk.cspr.validation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A task's answers held to its deployed form's own rules, on the server, however they arrived:
 * required, the shortest and longest text, a pattern, the lowest and highest number, and for a
 * radio, select or checklist one of the values it offers. The form is where a rule is written;
 * Java keeps only what a form cannot say (a date against the day of awareness, a rule across
 * fields). A field shown only on a condition is not required here: its Java check decides.
 */
public final class FormRules {

  /** Marks an execution whose form rules a stage's own end listener has checked already. */
  static final String CHECKED = "cspr.formRulesChecked";

  private static final Map<String, FormSchema> FORMS = new ConcurrentHashMap<>();

  private FormRules() {}

  /** What is wrong with the answers, a problem per field, each named by its label on the form. */
  public static List<Problem> problems(FormSchema form, Function<String, Object> valueOf) {
    Problems problems = Problems.labelledBy(form);
    for (FormSchema.Field field : form.fields()) {
      String key = field.key();
      Object value = valueOf.apply(key);
      boolean empty = value == null || (value instanceof String text && text.isBlank())
          || (value instanceof SpinJsonNode json && json.isArray() && json.elements().isEmpty())
          || (value instanceof Boolean flag && field.type().equals("checkbox") && !flag);
      if (empty) {
        if (field.required() && !field.conditional()) {
          problems.add(key, "is required");
        }
        continue;
      }
      if (value instanceof String text) {
        String trimmed = text.trim();
        if (field.maxLength() != null && trimmed.length() > field.maxLength()) {
          problems.add(key, "is longer than " + field.maxLength() + " characters");
        } else if (field.minLength() != null && trimmed.length() < field.minLength()) {
          problems.add(key, "is shorter than " + field.minLength() + " characters");
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text).find()) {
          problems.add(key, "is not in the form the question asks for" + (field.description() == null ? ""
              : " (" + field.description() + ")"));
        }
      }
      if (value instanceof Number number) {
        if (field.min() != null && number.doubleValue() < field.min()) {
          problems.add(key, "is " + number + ", below the lowest it may be (" + field.min().intValue() + ")");
        } else if (field.max() != null && number.doubleValue() > field.max()) {
          problems.add(key, "is " + number + ", above the highest it may be (" + field.max().intValue() + ")");
        }
      }
      if (!field.options().isEmpty()) {
        for (String chosen : chosen(value)) {
          if (!field.options().contains(chosen)) {
            problems.add(key, "is not one of the answers offered: '" + chosen + "' (they are "
                + String.join(" or ", field.options()) + ")");
          }
        }
      }
    }
    return problems.list();
  }

  /**
   * The problems with the answers of the user task this execution is leaving, held to its form;
   * none where it is at no task or its task has no Camunda Form. Marks them checked.
   */
  public static List<Problem> problemsAt(DelegateExecution execution) {
    FormSchema form = formAt(execution);
    if (form == null) {
      return List.of();
    }
    execution.setVariableLocal(CHECKED, org.camunda.bpm.engine.variable.Variables.booleanValue(true, true));
    return problems(form, execution::getVariable);
  }

  public static boolean checkedAt(DelegateExecution execution) {
    return Boolean.TRUE.equals(execution.getVariableLocal(CHECKED));
  }

  /** The deployed Camunda Form of the user task the execution is at, as its BPMN binds it. */
  static FormSchema formAt(DelegateExecution execution) {
    ActivityImpl activity = execution instanceof ExecutionEntity e ? e.getActivity() : null;
    if (activity == null || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
      return null;
    }
    TaskDefinition task = userTask.getTaskDefinition();
    if (task.getCamundaFormDefinitionKey() == null) {
      return null;
    }
    ExecutionEntity entity = (ExecutionEntity) execution;
    // the form a task's formRef names may be an expression (the agency request's ${requestForm}): the form this execution's task has
    String formKey = String.valueOf(task.getCamundaFormDefinitionKey().getValue(execution));
    String key = entity.getProcessDefinitionId() + "#" + activity.getId() + "#" + formKey;
    return FORMS.computeIfAbsent(key, k -> {
      CommandContext commandContext = Context.getCommandContext();
      CamundaFormRefImpl ref = new CamundaFormRefImpl(formKey, task.getCamundaFormDefinitionBinding());
      org.camunda.bpm.engine.repository.CamundaFormDefinition definition = commandContext.runWithoutAuthorization(
          new GetCamundaFormDefinitionCmd(ref, entity.getProcessDefinition().getDeploymentId()));
      ResourceEntity resource = commandContext.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      return FormSchema.read(new ByteArrayInputStream(resource.getBytes()));
    });
  }

  private static List<String> chosen(Object value) {
    List<String> chosen = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(element -> chosen.add(element.isString() ? element.stringValue() : element.toString()));
    } else if (value instanceof Collection<?> list) {
      list.forEach(item -> chosen.add(String.valueOf(item)));
    } else {
      chosen.add(String.valueOf(value));
    }
    return chosen;
  }
}
