package uk.cspr.cases;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import uk.cspr.notification.Notification;
import uk.cspr.variables.ProcessVariable;

/**
 * What the case gives its notification stage and takes back, in one place for both ways it calls
 * it (the Panel route and the DfE-and-Ofsted-only route): only what the stage needs, never
 * {@code variables="all"}, which would show the child's references to whoever the stage's tasks
 * reach. A variable the other side does not hold arrives as null, as {@code camunda:in} and
 * {@code camunda:out} would leave it.
 */
public class NotificationMapping implements DelegateVariableMapping {

  static final List<ProcessVariable<?>> GIVEN = List.of(Notification.NOTIFICATION_ROUTE,
      Notification.DFE_AND_OFSTED_MUST_BE_NOTIFIED, Notification.AWARE_DATE, Notification.NOTIFICATION_DUE,
      Notification.RAPID_REVIEW_DUE);
  static final List<ProcessVariable<?>> TAKEN_BACK = List.of(Notification.NOTIFIED_ON, Notification.NOTIFICATION_ON_TIME,
      Notification.PANEL_NOTIFICATION_REFERENCE, Notification.PARTNERS_TOLD_ON, Notification.DFE_AND_OFSTED_NOTIFIED_ON,
      Notification.OFSTED_NOTIFICATION_REFERENCE, Notification.RAPID_REVIEW_DUE, Notification.NOTIFICATION_DELAY_REASON);

  @Override
  public void mapInputVariables(DelegateExecution caseExecution, VariableMap notificationVariables) {
    for (ProcessVariable<?> variable : GIVEN) {
      notificationVariables.putValueTyped(variable.name(), valueOf(caseExecution, variable));
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution caseExecution, VariableScope notification) {
    for (ProcessVariable<?> variable : TAKEN_BACK) {
      caseExecution.setVariable(variable.name(), valueOf(notification, variable));
    }
  }

  private static TypedValue valueOf(VariableScope scope, ProcessVariable<?> variable) {
    TypedValue value = scope.getVariableTyped(variable.name());
    return value == null ? Variables.untypedNullValue() : value;
  }
}
