package uk.cspr.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.context.support.WebApplicationContextUtils;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.agency.RequestIdentities;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.engine.OnBehalf;
import uk.cspr.identity.Groups;
import uk.cspr.identifying.IdentifyingDetails;

/**
 * {@code …/plugin/cspr-case-file/{engine}/tasks/{taskId}/identity}: the children's identifying
 * details of the task's case, asked for by pressing a button in the case file tab, never loaded
 * with it, so each reading is someone choosing to read (and is recorded). The coordinators see
 * every child's, with who has seen them; an agency sees its case's children only on its own open
 * request; anyone else, nothing.
 */
public class TaskIdentityEndpoints {

  static final String THROUGH_CASE_FILE = "the case file in Tasklist";

  private final ProcessEngine engine;
  private final IdentifyingDetails details;
  private final RequestIdentities requestIdentities;
  private final PluginAnswers answers;
  private final String taskId;

  TaskIdentityEndpoints(ServletContext servletContext, String taskId) {
    var context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    this.engine = context.getBean(ProcessEngine.class);
    this.details = context.getBean(IdentifyingDetails.class);
    this.requestIdentities = context.getBean(RequestIdentities.class);
    this.answers = new PluginAnswers(context.getBean(ObjectMapper.class));
    this.taskId = taskId;
  }

  @GET
  public Response read() {
    return answers.answer(() -> {
      Authentication person = engine.getIdentityService().getCurrentAuthentication();
      if (person == null) {
        throw new CaseFiles.Refused(401, "Log in to read a child's details");
      }
      Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult(); // as the person
      if (task == null) {
        throw new CaseFiles.Refused(404, "There is no such open task for you");
      }
      String caseReference = OnBehalf.of(engine.getIdentityService(), () -> engine.getRuntimeService()
          .createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
      Map<String, Object> body = new LinkedHashMap<>();
      if (person.getGroupIds() != null && person.getGroupIds().contains(Groups.COORDINATORS)) {
        body.put("children", details.childrenWithDetails(caseReference).stream()
            .map(child -> details.read(caseReference, child, person.getUserId(), THROUGH_CASE_FILE)
                .map(identity -> Map.of("childReference", child, "identity", identity)).orElse(null))
            .filter(java.util.Objects::nonNull).toList());
        body.put("views", details.views(caseReference));
        body.put("erasures", details.erasures(caseReference));
      } else if (AgencyRequest.TASK_PROVIDE_INFORMATION.equals(task.getTaskDefinitionKey())) {
        body.put("children", OnBehalf.of(engine.getIdentityService(), () -> requestIdentities.of(task,
            person.getUserId(), "in Tasklist")).stream()
            .map(child -> Map.of("childReference", child.childReference(), "identity", child.details())).toList());
      } else {
        throw new CaseFiles.Refused(403, "Only the coordinators, and an agency inside its own request, see a child's "
            + "identifying details");
      }
      return answers.json(body);
    });
  }

}
