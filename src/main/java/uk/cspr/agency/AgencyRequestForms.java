package uk.cspr.agency;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import uk.cspr.validation.FormSchema;

/**
 * The forms agencies are asked with, by id: the registered {@link AgencyRequestForm}s, and each
 * form's fields and labels as shipped. A request started without {@code requestForm}, or recorded
 * before it existed, asks with {@code provide-agency-information}.
 */
public class AgencyRequestForms {

  private final Map<String, AgencyRequestForm> forms;
  private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

  public AgencyRequestForms(List<AgencyRequestForm> forms) {
    this.forms = forms.stream().collect(Collectors.toUnmodifiableMap(AgencyRequestForm::formId, Function.identity()));
    if (!this.forms.containsKey(AgencyRequest.FORM_PROVIDE_INFORMATION)) {
      throw new IllegalStateException("The agency request's own form is not registered");
    }
  }

  /** The registered form with this id, if any. */
  public Optional<AgencyRequestForm> find(String formId) {
    return Optional.ofNullable(forms.get(formId));
  }

  /** The form a request asks with, from its variables: its {@code requestForm}, or the default for a request without one. */
  public AgencyRequestForm of(Map<String, ?> requestVariables) {
    return forms.getOrDefault(formId(requestVariables), forms.get(AgencyRequest.FORM_PROVIDE_INFORMATION));
  }

  /** The form a request asks with, from the request (or its task). */
  public AgencyRequestForm of(VariableScope request) {
    Object id = request.getVariable(AgencyRequest.REQUEST_FORM.name());
    return of(id == null ? Map.of() : Map.of(AgencyRequest.REQUEST_FORM.name(), id));
  }

  /** The form's fields and labels, as shipped in {@code forms/}. */
  public FormSchema schema(AgencyRequestForm form) {
    return schemas.computeIfAbsent(form.formId(), FormSchema::shipped);
  }

  /** The id of the form a request asks with, from its variables. */
  public static String formId(Map<String, ?> requestVariables) {
    return AgencyRequest.REQUEST_FORM.from(requestVariables).filter(id -> !id.isBlank())
        .orElse(AgencyRequest.FORM_PROVIDE_INFORMATION);
  }
}
