package uk.cspr.paneldecision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.spin.json.SpinJsonNode;
import uk.cspr.calendar.UkDates;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.casefile.Facts;
import uk.cspr.validation.FormSchema;

/**
 * The Panel's decision in the case file: each response in turn (and what it asked for and was sent),
 * each chase, the partners' decision on a response that differs from theirs, and where the case goes
 * next. Its deadlines: each wait for the Panel (when to chase), each chase, the information asked for,
 * and the partners' decision and its telling.
 */
class PanelDecisionInCaseFile implements CaseFileContribution {

  private static final String STAGE = "The Panel's decision";
  private final FormSchema responseForm = FormSchema.shipped("record-panel-response");
  private final FormSchema decisionForm = FormSchema.shipped("confirm-partners-decision");

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    for (HistoricProcessInstance stage : history.instancesOf(PanelDecision.KEY)) {
      Map<String, Object> v = history.variables(stage.getId());
      boolean open = CaseHistory.isOpen(stage);
      file.stageName(stage.getId(), STAGE);
      Facts facts = new Facts()
          .date(PanelDecision.RAPID_REVIEW_SUBMITTED_ON.name(), "Rapid review sent to the Panel on",
              PanelDecision.RAPID_REVIEW_SUBMITTED_ON.from(v).orElse(null))
          .text(PanelDecision.DECISION_SENT.name(), "The decision sent with it", PanelDecision.DECISION_SENT.from(v)
              .map(d -> decisionForm.optionLabel(PanelDecision.PARTNERS_DECISION.name(), d)).orElse(null));
      List<SpinJsonNode> responses = PanelDecision.RESPONSES.from(v).<List<SpinJsonNode>>map(SpinJsonNode::elements).orElse(List.of());
      int number = 0;
      for (SpinJsonNode response : responses) {
        number++;
        responseFacts(facts, number, response);
      }
      List<SpinJsonNode> chases = PanelDecision.CHASES.from(v).<List<SpinJsonNode>>map(SpinJsonNode::elements).orElse(List.of());
      number = 0;
      for (SpinJsonNode chase : chases) {
        number++;
        facts.text("panelChase" + number, "Chased on " + UkDates.longDate(PanelDecisionAnswers.date(chase, "on")),
            PanelDecisionAnswers.text(chase, "note"));
      }
      boolean waiting = open && history.activities(stage.getId()).stream()
          .anyMatch(a -> a.getEndTime() == null && PanelDecision.TASK_RECORD_RESPONSE.equals(a.getActivityId()));
      if (waiting) {
        facts.date(PanelDecision.RESPONSE_EXPECTED_BY.name(), "The Panel chased if no response by the end of",
            PanelDecision.RESPONSE_EXPECTED_BY.from(v).orElse(null));
      }
      if (PanelDecision.DECISION_AGREED_BY.from(v).isPresent()) {
        facts.text(PanelDecision.PARTNERS_DECISION.name(), "The partners' decision on the Panel's response",
                PanelDecision.PARTNERS_DECISION.from(v).map(d -> decisionForm.optionLabel(PanelDecision.PARTNERS_DECISION.name(), d))
                    .orElse(null))
            .date(PanelDecision.PARTNERS_DECISION_ON.name(), "Decided on", PanelDecision.PARTNERS_DECISION_ON.from(v).orElse(null))
            .text(PanelDecision.PARTNERS_DECISION_REASONS.name(), "Reasons", PanelDecision.PARTNERS_DECISION_REASONS.from(v).orElse(null))
            .text(PanelDecision.DECISION_AGREED_BY.name(), "Agreed by", PanelDecision.DECISION_AGREED_BY.from(v).orElse(null));
      }
      facts.date(PanelDecision.DECISION_SENT_TO_PANEL_ON.name(), "The decision not to review sent to the Panel on",
              PanelDecision.DECISION_SENT_TO_PANEL_ON.from(v).orElse(null))
          .date(PanelDecision.LOCAL_REVIEW_DECISION_ON.name(), "A local review decided on (its six months run from here)",
              PanelDecision.LOCAL_REVIEW_DECISION_ON.from(v).orElse(null));
      if (!open) {
        facts.text("nextStage", "Next", nextStage(history, PanelDecision.PARTNERS_DECISION.from(v).orElse(null)));
      }
      file.section(new CaseFile.Section(stage.getId(), "panel-decision", STAGE, open ? "Waiting" : "Done", null,
          facts.list(), List.of(), List.of(), stage.getId()));
      deadlines(history, file, stage, v, responses, chases);
    }
  }

  private void responseFacts(Facts facts, int number, SpinJsonNode response) {
    LocalDate on = PanelDecisionAnswers.date(response, "on");
    String outcome = PanelDecisionAnswers.text(response, "outcome");
    String summary = PanelDecisionAnswers.text(response, "summary");
    facts.text("panelResponse" + number, "The Panel's letter of " + UkDates.longDate(on),
        responseForm.optionLabel(PanelDecision.OUTCOME.name(), outcome) + " (its reference "
            + PanelDecisionAnswers.text(response, "reference") + ")" + (summary.isEmpty() ? "" : ". " + summary));
    if (PanelDecision.MORE_INFORMATION.equals(outcome)) {
      LocalDate dueOn = PanelDecisionAnswers.date(response, "informationDueOn");
      facts.text("panelInformationRequested" + number, "It asked for", PanelDecisionAnswers.text(response, "informationRequested")
          + (dueOn == null ? "" : " (by " + UkDates.longDate(dueOn) + ")"));
      LocalDate sentOn = PanelDecisionAnswers.date(response, "informationSentOn");
      if (sentOn != null) {
        facts.text("panelInformationSent" + number, "Sent to the Panel on " + UkDates.longDate(sentOn),
            PanelDecisionAnswers.text(response, "informationSent"));
      }
    }
  }

  /** Where the case went from here, and whether it waits there for a stage still to be installed. */
  private static String nextStage(CaseHistory history, String decision) {
    String next = decision == null ? null : switch (decision) {
      case PanelDecision.LOCAL_REVIEW -> "A local child safeguarding practice review";
      case PanelDecision.SUPPORT_NATIONAL_REVIEW -> "Supporting the Panel's national review";
      default -> "Learning from the rapid review, with no further review";
    };
    // the case's own step where it waits for that stage (named in cspr-case), if the stage is not installed yet
    String placeholder = decision == null ? "" : switch (decision) {
      case PanelDecision.LOCAL_REVIEW -> "awaitLocalReviewStage";
      case PanelDecision.SUPPORT_NATIONAL_REVIEW -> "awaitNationalReviewSupportStage";
      default -> "awaitLearningStage";
    };
    boolean awaiting = history.caseInstance().map(c -> history.activities(c.getId()).stream()
        .anyMatch(a -> a.getEndTime() == null && a.getActivityId().equals(placeholder)))
        .orElse(false);
    return next == null ? null : awaiting ? next + ": the case waits for that stage, which is still to be installed" : next;
  }

  private static void deadlines(CaseHistory history, CaseFileDraft file, HistoricProcessInstance stage, Map<String, Object> v,
      List<SpinJsonNode> responses, List<SpinJsonNode> chases) {
    // each wait for the Panel: when it is chased if nothing comes, met by its response
    for (SpinJsonNode response : responses) {
      LocalDate expectedBy = PanelDecisionAnswers.date(response, "expectedBy");
      if (expectedBy != null) {
        file.deadline(PanelDecision.TASK_RECORD_RESPONSE, "The Panel's response (chased after this day)", STAGE, expectedBy,
            stage.getId()).met(PanelDecisionAnswers.date(response, "on"));
      }
    }
    Object roundExpectedBy = v.get(PanelDecisionAnswers.ROUND_EXPECTED_BY);
    boolean awaitingResponse = CaseHistory.isOpen(stage) && history.activities(stage.getId()).stream()
        .anyMatch(a -> a.getEndTime() == null && PanelDecision.TASK_RECORD_RESPONSE.equals(a.getActivityId()));
    if (awaitingResponse && roundExpectedBy instanceof String text && !text.isBlank()) {
      file.deadline(PanelDecision.TASK_RECORD_RESPONSE, "The Panel's response (chased after this day)", STAGE,
          LocalDate.parse(text), stage.getId());
    }
    // our own tasks, each by its due date: the chases, the information asked for, the decision and its telling
    List<LocalDate> chasedOn = new ArrayList<>(chases.stream().map(c -> PanelDecisionAnswers.date(c, "on")).toList());
    List<LocalDate> informationSentOn = new ArrayList<>(responses.stream().map(r -> PanelDecisionAnswers.date(r, "informationSentOn"))
        .filter(java.util.Objects::nonNull).toList());
    for (HistoricTaskInstance task : history.tasks(stage.getId())) {
      if (task.getDueDate() == null) {
        continue;
      }
      LocalDate due = task.getDueDate().toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
      boolean completed = task.getEndTime() != null && "completed".equals(task.getDeleteReason());
      LocalDate metOn = !completed ? null : switch (task.getTaskDefinitionKey()) {
        case PanelDecision.TASK_CHASE -> chasedOn.isEmpty() ? null : chasedOn.remove(0);
        case PanelDecision.TASK_PROVIDE_INFORMATION -> informationSentOn.isEmpty() ? null : informationSentOn.remove(0);
        case PanelDecision.TASK_CONFIRM_DECISION -> PanelDecision.PARTNERS_DECISION_ON.from(v).orElse(null);
        case PanelDecision.TASK_TELL_PANEL_DECISION -> PanelDecision.DECISION_SENT_TO_PANEL_ON.from(v).orElse(null);
        default -> null;
      };
      String name = switch (task.getTaskDefinitionKey()) {
        case PanelDecision.TASK_CHASE -> "Chase the Panel for its response";
        case PanelDecision.TASK_PROVIDE_INFORMATION -> "Send the Panel the information it asked for";
        case PanelDecision.TASK_CONFIRM_DECISION -> "The partners' decision on the Panel's response";
        case PanelDecision.TASK_TELL_PANEL_DECISION -> "Send the Panel the decision not to review";
        default -> null;
      };
      if (name == null) {
        continue;
      }
      CaseFileDraft.DeadlineDraft deadline = file.deadline(task.getTaskDefinitionKey(), name, STAGE, due, stage.getId());
      if (completed) {
        deadline.met(metOn != null ? metOn : task.getEndTime().toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate());
      } else if (task.getEndTime() != null) {
        deadline.notNeeded(); // a chase still open when the response came
      }
    }
  }
}
