package uk.cspr.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.EngineDoor;
import uk.cspr.testing.Http;

/**
 * Tasklist's "Set follow-up date" and the due date's edit and reset send the whole task back, as
 * read, with {@code PUT /task/{id}}: on both doors to the engine, coordinators' changes are made
 * and nobody else's.
 */
@CsprSpringTest
class TaskDatesTest {

  static final AtomicInteger requests = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  /** An agency request's open task: it has a Camunda Form, as every task here has. */
  Task anAgencyRequestTask() {
    String due = WorkingDays.todayInEngland().plusDays(14).toString();
    var request = engine.getRuntimeService().startProcessInstanceByKey(AgencyRequest.KEY,
        "NSCP-DATES-" + requests.incrementAndGet(),
        Map.of("agencyId", "police", "responseDue", due, "requestText", "Your involvement, please."));
    return engine.getTaskService().createTaskQuery().processInstanceId(request.getId())
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
  }

  Task reread(Task task) {
    return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uk.cspr.testing.EngineDoor#both")
  void aCoordinatorSetsAFollowUpDateAndClearsADueDateBySendingTheTaskBackAsRead(EngineDoor door) {
    Task task = anAgencyRequestTask();
    Http coordinator = door.as(port, "coordinator");
    String at = door.root() + "/task/" + task.getId();
    ObjectNode asRead = (ObjectNode) coordinator.get(at).json();
    assertThat(asRead.get("camundaFormRef").isObject()).as("the task as read names its form").isTrue();

    ObjectNode followUp = asRead.deepCopy().put("followUp", "2099-01-05T09:00:00.000+0000");
    Http.Response set = coordinator.putJson(at, followUp);
    assertThat(set.status()).as(set.body()).isEqualTo(204);
    assertThat(reread(task).getFollowUpDate()).isEqualTo(Date.from(Instant.parse("2099-01-05T09:00:00Z")));
    assertThat(reread(task).getTenantId()).isEqualTo(task.getTenantId());

    ObjectNode noDue = ((ObjectNode) coordinator.get(at).json()).putNull("due");
    Http.Response cleared = coordinator.putJson(at, noDue);
    assertThat(cleared.status()).as(cleared.body()).isEqualTo(204);
    assertThat(reread(task).getDueDate()).isNull();
    assertThat(reread(task).getName()).isEqualTo(task.getName());
  }

  /**
   * The agency, which sees its task, is refused; a partner, who does not see it, is told there is
   * no such task; a manager, who watches tasks, is refused (managers work in Cockpit, and
   * Tasklist does not let them in, so they are tried on the REST API only).
   */
  static Stream<Object[]> others() {
    return Stream.concat(EngineDoor.both().flatMap(door -> Stream.of(new Object[] {door, "police-lead", 403},
            new Object[] {door, "police-partner", 404})),
        Stream.<Object[]>of(new Object[] {EngineDoor.REST_API, "manager", 403}));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("others")
  void nobodyButACoordinatorChangesATasksDates(EngineDoor door, String user, int refusal) {
    Task task = anAgencyRequestTask();
    String at = door.root() + "/task/" + task.getId();
    ObjectNode asRead = (ObjectNode) door.as(port, "coordinator").get(at).json();

    Http.Response moved = door.as(port, user).putJson(at, asRead.deepCopy().put("due", "2099-01-05T23:59:59.000+0000")
        .put("followUp", "2099-01-05T09:00:00.000+0000"));

    assertThat(moved.status()).as(moved.body()).isEqualTo(refusal);
    assertThat(reread(task).getDueDate()).isEqualTo(task.getDueDate());
    assertThat(reread(task).getFollowUpDate()).isNull();
  }
}
