package uk.cspr.bench;

import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;
import static uk.cspr.testing.Workflow.with;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.calendar.WorkingDayCalendar;
import uk.cspr.cases.NationalReviewSupport;
import uk.cspr.identity.Groups;
import uk.cspr.notification.Notification;
import uk.cspr.testing.Calendars;
import uk.cspr.testing.LaterStages;
import uk.cspr.testing.Workflow;

/**
 * The cases of the benchmark, recorded and worked as the coordinators and agencies do: the live cases
 * every query finds, and the closed cases whose history is copied into ten years. The work is done logged
 * in (the coordinator; each agency's lead for its own answers), so the history carries who started each case
 * and the operation log Cockpit reads, as the application's would. The walks shared with the process tests
 * (LaterStages, Workflow) have the coordinator sign off for the partners and confirm for the agencies: their
 * history is the same but for who.
 */
final class HistoryCases {

  /** The routes out of the Panel's decision, with the share of cases each takes nationally (roughly). */
  enum Route {
    LOCAL_REVIEW(0.4), NATIONAL_REVIEW(0.1), NO_FURTHER_REVIEW(0.5);

    final double share;

    Route(double share) {
      this.share = share;
    }
  }

  /** A closed case to copy: its route, its reference and the case's process instance. */
  record Closed(Route route, String reference, String caseInstanceId) {
  }

  /** Who agencies' tasks reach, in turn: police in two of every three, so its Tasklist filter finds some but not all. */
  private static final List<List<String>> AGENCIES = List.of(List.of("police", "health"),
      List.of("health", "education"), List.of("police", "childrens-social-care", "education"));

  private final ProcessEngine engine;
  private final Workflow workflow;
  private final LaterStages laterStages;
  private final WorkingDayCalendar calendar = Calendars.shipped();

  HistoryCases(ProcessEngine engine) {
    this.engine = engine;
    this.workflow = new Workflow(engine);
    this.laterStages = new LaterStages(engine);
  }

  /**
   * The live cases: recorded on working days spread over the last three months before {@code today} and
   * taken, case by case, as far as their age allows: notified, answered by one agency, the rapid review
   * sent, the Panel's agreement to a local review recorded. What is left undone is overdue, as in any
   * partnership; then the clock stands at {@code today} and every reminder and escalation due has run.
   */
  List<ProcessInstance> recordLiveCases(int count, LocalDate today) {
    List<ProcessInstance> cases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int age = 2 + (i * 53) % 70;
      LocalDate recorded = calendar.addWorkingDays(today, -age);
      List<String> agencies = AGENCIES.get(i % AGENCIES.size());
      int furthest = i % 5;
      clockAt(recorded + "T10:00");
      ProcessInstance live = record(recorded, agencies);
      if (furthest >= 1 && age > 4) {
        notify(live, recorded);
      }
      if (furthest >= 2 && age > 6) {
        clockAt(calendar.addWorkingDays(recorded, 6) + "T11:00");
        // one agency answers; the police's request stays open for its Tasklist
        answerRequests(live, agencies.stream().filter(a -> !a.equals("police")).limit(1).toList());
      }
      if (furthest >= 3 && age > 15) {
        sendTheRapidReview(live, recorded);
      }
      if (furthest >= 4 && age > 35) {
        LocalDate responded = calendar.addWorkingDays(recorded, 35);
        clockAt(responded + "T10:00");
        as("coordinator", () -> workflow.complete(live, "recordPanelResponse", "panelOutcome", "LOCAL_REVIEW_AGREED",
            "panelResponseOn", calendar.addWorkingDays(responded, -1).toString(), "panelResponseReference",
            "CSPRP/" + responded.getYear() + "/" + live.getBusinessKey().substring(10), "panelResponseSummary", ""));
      }
      cases.add(live);
    }
    clockAt(today + "T10:00");
    for (ProcessInstance live : cases) {
      workflow.executeDueJobs(live);
    }
    return cases;
  }

  /**
   * A case driven from its start form to its closure along a route, on the dates CaseProcessTest walks it
   * (from Monday 22 December 2025), with every agency answering before the rapid review meeting.
   * {@code variant} varies the agencies involved, and so the requests and dissemination its history holds.
   */
  Closed walkToClosure(Route route, int variant) {
    List<String> agencies = AGENCIES.get(variant % AGENCIES.size());
    LocalDate aware = LocalDate.parse("2025-12-22");
    clockAt("2025-12-22T10:00");
    ProcessInstance closing = record(aware, agencies);
    notify(closing, aware);
    clockAt("2026-01-05T11:00");
    answerRequests(closing, agencies);
    sendTheRapidReview(closing, aware);
    switch (route) {
      case LOCAL_REVIEW -> {
        clockAt("2026-02-16T10:00");
        as("coordinator", () -> workflow.complete(closing, "recordPanelResponse", "panelOutcome", "LOCAL_REVIEW_AGREED",
            "panelResponseOn", "2026-02-13", "panelResponseReference", "CSPRP/2026/0107", "panelResponseSummary", ""));
        as("coordinator", () -> laterStages.commissionTheLocalReview(closing));
        clockAt("2026-06-01T10:00");
        as("coordinator", () -> laterStages.finishTheLocalReview(closing));
        as("coordinator", () -> laterStages.learnAndClose(closing, agencies));
        as("coordinator", () -> laterStages.publishAndKeep(closing));
      }
      case NATIONAL_REVIEW -> {
        clockAt("2026-02-16T10:00");
        as("coordinator", () -> {
          workflow.complete(closing, "recordPanelResponse", "panelOutcome", "NATIONAL_REVIEW", "panelResponseOn",
              "2026-02-13", "panelResponseReference", "CSPRP/2026/0107", "panelResponseSummary", "");
          workflow.complete(closing, "confirmPartnersDecision", "partnersDecision", "SUPPORT_NATIONAL_REVIEW",
              "partnersDecisionOn", "2026-02-16", "partnersDecisionReasons", "The Panel's review covers it.",
              "partnersDecisionAgreedBy", "Helen Marsh (LA), Samuel Adeyemi (ICB), Claire Douglas (police)");
          workflow.complete(closing, NationalReviewSupport.TASK_ASK_AGENCY, "panelReviewAgencyId", agencies.get(0),
              "panelReviewRequest", "The records of 2025.", "panelReviewResponseDue", "2026-03-09");
        });
        answerRequests(closing, List.of(agencies.get(0)));
        workflow.executeDueJobs(closing);
        clockAt("2026-09-14T10:00");
        as("coordinator", () -> workflow.complete(closing, NationalReviewSupport.TASK_RECORD_REPORT,
            "nationalReviewPublishedOn", "2026-09-10",
            "nationalReviewReference", "https://www.gov.uk/government/publications/national-review-child-m",
            "nationalReviewFindings", "Information sharing between A&E and health visiting."));
        as("coordinator", () -> laterStages.learnAndClose(closing, agencies));
      }
      case NO_FURTHER_REVIEW -> {
        // the partners decided against a review at the meeting, as CaseProcessTest sets it
        engine.getRuntimeService().setVariable(workflow.stage(closing, "cspr-panel-decision").getId(), "partnersDecision",
            "NO_FURTHER_REVIEW");
        clockAt("2026-02-16T10:00");
        as("coordinator", () -> workflow.complete(closing, "recordPanelResponse", "panelOutcome", "NO_REVIEW_AGREED",
            "panelResponseOn", "2026-02-13", "panelResponseReference", "CSPRP/2026/0107", "panelResponseSummary", ""));
        as("coordinator", () -> laterStages.learnAndClose(closing, agencies));
      }
    }
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(closing.getId()).count() > 0) {
      throw new IllegalStateException(closing.getBusinessKey() + " (" + route + ") did not close; open: "
          + workflow.openTaskKeys(closing));
    }
    return new Closed(route, closing.getBusinessKey(), closing.getId());
  }

  private ProcessInstance record(LocalDate aware, List<String> agencies) {
    return as("coordinator", () -> workflow.recordThroughTheStartForm(with(panelIncident(aware.toString()),
        "agencies", String.join(", ", agencies))));
  }

  /** The Panel notified four working days after awareness, the partners told the day before. */
  private void notify(ProcessInstance live, LocalDate aware) {
    LocalDate notified = calendar.addWorkingDays(aware, 4);
    clockAt(notified + "T15:00");
    as("coordinator", () -> {
      workflow.complete(live, Notification.TASK_NOTIFY_PANEL, "panelNotificationReference",
          "CSONS-" + notified.getYear() + "-" + live.getBusinessKey().substring(10), "notifiedOn", notified.toString());
      workflow.complete(live, Notification.TASK_CONFIRM_PARTNERS_TOLD, "partnersToldOn",
          calendar.addWorkingDays(notified, -1).toString());
    });
    workflow.executeDueJobs(live);
  }

  /** The rapid review met on its twelfth working day and sent to the Panel on its fifteenth, deciding on a local review. */
  private void sendTheRapidReview(ProcessInstance live, LocalDate aware) {
    LocalDate submitted = calendar.addWorkingDays(aware, 15);
    clockAt(submitted + "T11:00");
    as("coordinator", () -> workflow.sendTheRapidReviewToThePanel(live,
        calendar.addWorkingDays(aware, 12).toString(), submitted.toString()));
  }

  /** Each named agency's open request answered by its lead, in Tasklist. */
  private void answerRequests(ProcessInstance live, List<String> agencies) {
    for (String agency : agencies) {
      String lead = agency + "-lead";
      List<Task> open = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(live.getBusinessKey())
          .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).taskCandidateGroup("agency-" + agency).list();
      for (Task request : open) {
        as(lead, List.of("agency-" + agency), () -> {
          engine.getTaskService().claim(request.getId(), lead);
          engine.getTaskService().complete(request.getId(), Workflow.agencyAnswers());
        });
      }
    }
    workflow.executeDueJobs(live);
  }

  private void as(String user, Runnable action) {
    as(user, () -> {
      action.run();
      return null;
    });
  }

  private <T> T as(String user, Supplier<T> action) {
    List<String> groups = switch (user) {
      case "coordinator" -> List.of(Groups.COORDINATORS);
      default -> throw new IllegalArgumentException(user);
    };
    return as(user, groups, action);
  }

  private void as(String user, List<String> groups, Runnable action) {
    as(user, groups, () -> {
      action.run();
      return null;
    });
  }

  private <T> T as(String user, List<String> groups, Supplier<T> action) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
