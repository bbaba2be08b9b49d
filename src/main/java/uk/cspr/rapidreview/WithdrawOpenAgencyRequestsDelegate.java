package uk.cspr.rapidreview;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.agency.AgencyRequest;

/**
 * The rapid review has ended: every request still waiting for an agency is withdrawn through the
 * request's own withdrawal path, the coordinators' "Track the request" task, so the agency is
 * told by e-mail that nothing more is needed, and why, and the case file shows it withdrawn. A
 * request is never cancelled under the agency's feet.
 */
class WithdrawOpenAgencyRequestsDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String reason = RapidReview.OUTCOME_CRITERIA_NOT_MET.equals(RapidReview.OUTCOME.from(execution).orElse(null))
        ? "The safeguarding partners found that the case does not meet the criteria for a rapid review, so your "
            + "agency's information is no longer needed. Thank you."
        : "The rapid review has been completed and sent to the Child Safeguarding Practice Review Panel without your "
            + "agency's information. If the case goes on to a local review, the partnership will ask again.";
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (ProcessInstance request : execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(execution.getProcessInstanceId()).processDefinitionKey(AgencyRequest.KEY).list()) {
      Task track = tasks.createTaskQuery().processInstanceId(request.getId())
          .taskDefinitionKey(AgencyRequest.TASK_MANAGE_REQUEST).singleResult();
      if (track != null) { // none once the agency has answered: its acknowledgement is on its way
        tasks.complete(track.getId(), Map.of(AgencyRequest.REQUEST_ACTION.name(), AgencyRequest.ACTION_WITHDRAW,
            AgencyRequest.CHANGE_REASON.name(), reason));
      }
    }
  }
}
