package uk.cspr.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.cspr.testing.Workflow.clockAt;
import static uk.cspr.testing.Workflow.panelIncident;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.testing.Calendars;
import uk.cspr.testing.LaterStages;
import uk.cspr.testing.Workflow;
import uk.cspr.testing.WorkflowEngine;

/**
 * The timeliness report's figures against figures worked out by hand (working days counted on the
 * calendar, Christmas and Easter skipped), for cases driven through the real processes with the
 * engine's clock moved: one on time through its local review to publication and learning, one late
 * in both its notification and its rapid review and waiting for the Panel.
 */
class TimelinessReportTest {

  @RegisterExtension
  static WorkflowEngine workflowEngine = new WorkflowEngine(3197);

  ProcessEngine engine;
  Workflow workflow;
  TimelinessReports reports;
  /** The cases are driven through once, for every test: the report only reads them. */
  static String lateCase;
  static TimelinessReport whilePublished;

  @BeforeEach
  void engine() {
    engine = workflowEngine.engine();
    workflow = workflowEngine.workflow();
    reports = new TimelinessReports(engine.getHistoryService(), engine.getIdentityService(), Calendars.shipped());
  }

  /** Drives the two cases through once (inside a test: the coverage extension needs one running). */
  void twoCases() {
    if (lateCase != null) {
      return;
    }
    LaterStages laterStages = new LaterStages(engine);

    // on time: aware Monday 22 December 2025, the Panel notified on the 30th (4 working days: Christmas and Boxing
    // Day skipped), the rapid review sent on Thursday 15 January 2026 (15 working days, New Year's Day skipped), its
    // local review decided on 12 January, signed off on Monday 1 June (96 working days, Easter and the May bank
    // holidays skipped), sent to the Panel the same day and published on Wednesday 10 June (7 working days)
    clockAt("2025-12-22T10:00");
    ProcessInstance onTime = workflow.recordThroughTheStartForm(panelIncident("2025-12-22"));
    laterStages.notifiedAndReviewed(onTime);
    clockAt("2026-02-16T10:00");
    workflow.complete(onTime, "recordPanelResponse", "panelOutcome", "LOCAL_REVIEW_AGREED",
        "panelResponseOn", "2026-02-13", "panelResponseReference", "CSPRP/2026/0107", "panelResponseSummary", "");
    laterStages.commissionTheLocalReview(onTime);
    clockAt("2026-06-01T10:00");
    laterStages.finishTheLocalReview(onTime);
    // published 10 June 2026, counted at once, though its stage waits a year for the review on 17 June 2027
    laterStages.publishAndKeep(onTime, () -> whilePublished = reportAsManager("2026-06-01", "2026-06-30"));
    laterStages.learnAndClose(onTime, List.of("police", "health")); // the partners' action done on 17 June 2027

    // late: aware Monday 2 February 2026, due by the 9th, notified on the 11th (7 working days) and the rapid
    // review, due by Monday 23 February, sent on Thursday the 26th (18 working days)
    clockAt("2026-02-02T10:00");
    ProcessInstance late = workflow.recordThroughTheStartForm(panelIncident("2026-02-02"));
    lateCase = late.getBusinessKey();
    clockAt("2026-02-11T10:00");
    workflow.complete(late, "notifyPanel", "panelNotificationReference", "CSONS-2026-2", "notifiedOn", "2026-02-11",
        "notificationDelayReason", "The hospital told the partnership a week after the child was admitted.");
    workflow.complete(late, "confirmPartnersTold", "partnersToldOn", "2026-02-11");
    workflow.executeDueJobs(late);
    clockAt("2026-02-26T10:00");
    engine.getTaskService().complete(workflow.task(late, "recordRapidReviewMeeting").getId(),
        Workflow.rapidReviewMeeting("2026-02-24"));
    for (String partner : List.of("partner-local-authority", "partner-icb", "partner-police")) {
      Task signOff = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(late.getBusinessKey())
          .taskDefinitionKey("signOffRapidReview").taskCandidateGroup(partner).singleResult();
      engine.getTaskService().complete(signOff.getId(), Map.of("signOffDecision", "SIGN_OFF", "signatoryName", "A partner",
          "signatoryRole", "LEAD_PARTNER"));
    }
    workflow.executeDueJobs(late);
    workflow.complete(late, "submitRapidReview", "rapidReviewSubmittedOn", "2026-02-26",
        "rapidReviewDelayReason", "The police could not share their information until the 24th.",
        "familyToldOfDecisionOn", "2026-02-26", "familyToldOfDecisionBy", "Priya Shah, coordinator");
    workflow.executeDueJobs(late);
  }

  TimelinessReport asManager(String from, String to) {
    twoCases();
    return reportAsManager(from, to);
  }

  TimelinessReport reportAsManager(String from, String to) {
    engine.getIdentityService().setAuthentication("manager", List.of("cspr-managers"));
    try {
      return reports.report(from, to);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void theYear2026CountsWhatWasDoneInItAndHowManyOnTime() {
    TimelinessReport year = asManager("2026-01-01", "2026-12-31");
    assertThat(year.measures()).extracting(TimelinessReport.Measure::key, TimelinessReport.Measure::count,
            TimelinessReport.Measure::onTime, TimelinessReport.Measure::shareOnTime,
            TimelinessReport.Measure::medianWorkingDays)
        .containsExactly(
            // the first case's notification was in December 2025: only the late one counts
            tuple("notifications", 1, 0, 0.0, 7.0),
            tuple("rapidReviews", 2, 1, 50.0, 16.5),
            tuple("localReviews", 1, 1, 100.0, 96.0),
            tuple("publications", 1, 1, 100.0, 7.0),
            tuple("actions", 0, 0, null, null));
    assertThat(year.lateNotifications()).containsExactly(new TimelinessReport.Reason(lateCase,
        LocalDate.parse("2026-02-11"), "The hospital told the partnership a week after the child was admitted."));
    assertThat(year.delayedReviews()).isEmpty();
  }

  @Test
  void aReportCountsAsSoonAsItIsPublishedNotAYearLaterWhenItsStageEnds() {
    twoCases();
    assertThat(whilePublished.measures()).filteredOn(m -> m.key().equals("publications")).singleElement()
        .satisfies(m -> assertThat(List.of(m.count(), m.onTime())).containsExactly(1, 1));
  }

  @Test
  void eachQuarterHasItsOwnFiguresAndAQuarterWithNothingDoneHasNoShare() {
    TimelinessReport year = asManager("2026-01-01", "2026-12-31");
    assertThat(year.quarters()).extracting(TimelinessReport.Quarter::label)
        .containsExactly("January to March 2026", "April to June 2026", "July to September 2026",
            "October to December 2026");
    assertThat(year.quarters().get(0).measures()).extracting(TimelinessReport.Measure::count)
        .containsExactly(1, 2, 0, 0, 0);
    assertThat(year.quarters().get(1).measures()).extracting(TimelinessReport.Measure::shareOnTime)
        .containsExactly(null, null, 100.0, 100.0, null);
    assertThat(year.quarters().get(3).measures()).allSatisfy(m -> assertThat(m.count()).isZero());

    // the chart draws the same figures: a bar per step done, none for a quarter in which it was not
    var dataset = TimelinessChart.dataset(year);
    assertThat(dataset.getValue("Rapid reviews sent to the Panel", "January to March 2026")).isEqualTo(50.0);
    assertThat(dataset.getValue("Reports published", "April to June 2026")).isEqualTo(100.0);
    assertThat(dataset.getValue("Reports published", "January to March 2026")).isNull();
  }

  @Test
  void aPeriodPartWayThroughAQuarterCountsOnlyItsOwnDaysAndTheNextYearHasTheAction() {
    // 1 February to 31 May 2026: the late case's two steps, and nothing of January's rapid review or June's review
    TimelinessReport part = asManager("2026-02-01", "2026-05-31");
    assertThat(part.measures()).extracting(TimelinessReport.Measure::count).containsExactly(1, 1, 0, 0, 0);
    assertThat(part.quarters()).extracting(TimelinessReport.Quarter::label, TimelinessReport.Quarter::from)
        .containsExactly(tuple("January to March 2026", LocalDate.parse("2026-02-01")),
            tuple("April to June 2026", LocalDate.parse("2026-04-01")));
    assertThat(part.quarters().get(1).to()).isEqualTo(LocalDate.parse("2026-05-31"));

    // the partners' action, done on the day it was recorded in June 2027, by its due date
    TimelinessReport next = asManager("2027-01-01", "2027-12-31");
    assertThat(next.measures()).filteredOn(m -> m.key().equals("actions")).singleElement()
        .satisfies(m -> assertThat(List.of(m.count(), m.onTime())).containsExactly(1, 1));
  }

  @Test
  void theChartIsAPngForThePrintedReport() throws Exception {
    byte[] png = TimelinessChart.png(asManager("2026-01-01", "2026-12-31"), "Northshire Safeguarding Children Partnership");
    // kept for a person to look at: target/timeliness-chart.png
    java.nio.file.Files.write(java.nio.file.Path.of("target", "timeliness-chart.png"), png);
    var image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).isEqualTo(TimelinessChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(TimelinessChart.HEIGHT);
  }

  @Test
  void onlyCoordinatorsAndManagersReadItAndABadPeriodIsRefusedInWords() {
    twoCases();
    assertThatThrownBy(() -> reports.report("2026-01-01", "2026-12-31")).isInstanceOf(CaseFiles.Refused.class)
        .hasMessage("Log in to read the timeliness report");
    engine.getIdentityService().setAuthentication("police-lead", List.of("agency-police"));
    try {
      assertThatThrownBy(() -> reports.report("2026-01-01", "2026-12-31"))
          .hasMessage("The timeliness report is for the partnership's coordinators and managers");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    assertThatThrownBy(() -> asManager("2026-12-31", "2026-01-01"))
        .hasMessage("The period ends (2026-01-01) before it starts (2026-12-31)");
    assertThatThrownBy(() -> asManager("31/12/2026", "2027-01-01"))
        .hasMessage("The period's 'from' date (31/12/2026) is not a date like 2026-04-01");
    assertThatThrownBy(() -> asManager(null, "2027-01-01")).hasMessage("Say the period's 'from' date, as 2026-04-01");
  }
}
