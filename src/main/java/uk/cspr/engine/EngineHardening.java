package uk.cspr.engine;

import java.util.ArrayList;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Engine settings that keep a user's input from becoming more than input, set in code so that no
 * configuration file can drop them and the plain engine of the process tests runs with the same:
 *
 * <ul>
 *   <li>Object variables are deserialized only into the JDK's plain types (Camunda's default list:
 *       {@code java.lang}, the basic {@code java.util} collections). With validation off, any
 *       class named in a variable is built on read, and a JDBC data source on the classpath turns
 *       that into code run on the server. Nothing of ours is stored as an object (lists are Json),
 *       so the allow-list adds nothing; a stage that must store its own objects adds its package
 *       here, with the trailing dot ({@code uk.cspr.}), because the list matches by prefix.
 *   <li>Java serialization of variables stays off.
 *   <li>A task offered to a group gives that group {@code TASK_WORK}, not Camunda's default
 *       {@code UPDATE}: claim and complete, but never set variables, due dates or identity links.
 *   <li>A BPMN error nothing catches is an exception, not a silent end of the task.
 *   <li>Text longer than the engine's text column is kept whole ({@link LongTextSerializer}), and
 *       the history's second, text-only copy of a submitted form field is shortened to fit
 *       ({@link LongTextHistoryEventProducer}).
 *   <li>A person's refused input is logged as one warning line, not an error ({@link RefusalsAsWarnings}).
 * </ul>
 */
public class EngineHardening extends AbstractProcessEnginePlugin {

  /** Packages (trailing dot) and classes that object variables may be built as, beyond Camunda's own list. */
  static final String ALLOWED_PACKAGES = "";
  static final String ALLOWED_CLASSES = "";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationAllowedPackages(ALLOWED_PACKAGES);
    configuration.setDeserializationAllowedClasses(ALLOWED_CLASSES);
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
    if (configuration.getCustomPreVariableSerializers() == null) {
      configuration.setCustomPreVariableSerializers(new ArrayList<>());
    }
    configuration.getCustomPreVariableSerializers().add(0, new LongTextSerializer());
    configuration.setHistoryEventProducer(new LongTextHistoryEventProducer());
    RefusalsAsWarnings commandContexts = new RefusalsAsWarnings();
    commandContexts.setProcessEngineConfiguration(configuration);
    configuration.setCommandContextFactory(commandContexts);
  }
}
