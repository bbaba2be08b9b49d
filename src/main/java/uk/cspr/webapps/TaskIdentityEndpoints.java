package uk.cspr.webapps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.support.WebApplicationContextUtils;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.agency.RequestIdentities;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.engine.OnBehalf;
import uk.cspr.identifying.ChildIdentity;
import uk.cspr.identifying.IdentifyingDetails;
import uk.cspr.identifying.IncidentPlace;

/**
 * {@code …/plugin/cspr-case-file/{engine}/tasks/{taskId}/identity}: the identifying details of the
 * task's case, asked for by pressing a button in the case file tab, never loaded with it, so each
 * reading is someone choosing to read (and is recorded). The coordinators see every child's, with
 * who has seen them, and record or correct them there ({@code PUT children/{childReference}},
 * {@code PUT incident-place}); an agency sees its case's only on its own open request; anyone
 * else, nothing.
 */
public class TaskIdentityEndpoints {

  private static final Logger log = LoggerFactory.getLogger(TaskIdentityEndpoints.class);
  static final String THROUGH_CASE_FILE = "the case file in Tasklist";

  private final ProcessEngine engine;
  private final IdentityRecords records;
  private final RequestIdentities requestIdentities;
  private final ObjectMapper json;
  private final PluginAnswers answers;
  private final String taskId;

  TaskIdentityEndpoints(ServletContext servletContext, String taskId) {
    var context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    this.engine = context.getBean(ProcessEngine.class);
    this.records = new IdentityRecords(context.getBean(CaseFiles.class), context.getBean(IdentifyingDetails.class),
        engine.getIdentityService());
    this.requestIdentities = context.getBean(RequestIdentities.class);
    this.json = context.getBean(ObjectMapper.class);
    this.answers = new PluginAnswers(json);
    this.taskId = taskId;
  }

  @GET
  public Response read() {
    return answers.answer(() -> {
      Authentication person = records.signedIn();
      Task task = task();
      if (IdentityRecords.isCoordinator(person)) {
        return answers.json(records.read(caseReference(task), THROUGH_CASE_FILE));
      }
      if (AgencyRequest.TASK_PROVIDE_INFORMATION.equals(task.getTaskDefinitionKey())) {
        if (!OnBehalf.of(engine.getIdentityService(), () -> requestIdentities.asksAboutTheChild(task))) {
          throw new CaseFiles.Refused(404, "This request does not ask about the child, so it shows nothing of who the "
              + "child is");
        }
        return answers.json(OnBehalf.of(engine.getIdentityService(), () -> requestIdentities.of(task,
            person.getUserId(), "in Tasklist")));
      }
      throw new CaseFiles.Refused(403, "Only the coordinators, and an agency inside its own request, see a child's "
          + "identifying details");
    });
  }

  @PUT
  @Path("children/{childReference}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recordChild(@PathParam("childReference") String childReference, String body) {
    return answers.answer(() -> {
      records.coordinator("record");
      String reference = caseReference(task());
      records.recordChild(reference, childReference, parse(body, ChildIdentity.class));
      log.info("Case {}: identifying details of {} recorded in Tasklist", reference, childReference);
      return answers.json(Map.of("childReference", childReference, "recorded", true));
    });
  }

  @PUT
  @Path("incident-place")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response recordPlace(String body) {
    return answers.answer(() -> {
      records.coordinator("record");
      String reference = caseReference(task());
      records.recordPlace(reference, parse(body, IncidentPlace.class));
      log.info("Case {}: where the incident happened recorded in Tasklist", reference);
      return answers.json(Map.of("recorded", true));
    });
  }

  private Task task() {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult(); // as the person
    if (task == null) {
      throw new CaseFiles.Refused(404, "There is no such open task for you");
    }
    return task;
  }

  private String caseReference(Task task) {
    return OnBehalf.of(engine.getIdentityService(), () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
  }

  private <T> T parse(String body, Class<T> type) {
    try {
      return json.readValue(body == null ? "" : body, type);
    } catch (JsonProcessingException unreadable) {
      // never echoed: it may be a child's details
      throw new IdentityRecords.Refused(400, "The details could not be read: send the form again", List.of());
    }
  }
}
