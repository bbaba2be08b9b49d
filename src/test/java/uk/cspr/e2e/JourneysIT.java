package uk.cspr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.UkDates;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.Http;

/**
 * A case walked in a real browser, as its users walk it: the coordinator records it in Tasklist, for
 * two children (and is told what is wrong with a bad date), and notifies the Panel; the police answer from the
 * link in their mail, with a document; the manager sees in Cockpit where the case waits and cannot
 * work its tasks; health answers in Tasklist, with a chronology far longer than a text column; the
 * coordinator records the rapid review meeting, a partner signs off and the coordinator sends it to the Panel;
 * the Panel agrees to a local review, whose reviewer, appointed in Tasklist, sends a draft from the link in their
 * mail. Then a demo case in its publication and learning is followed to its closure: health sends the evidence of
 * its action from its mailed link, the coordinator records the publication, reviews the learning's impact six months on
 * and, a year after publication, decides the report stays published. The demo profile, the real job executor and the
 * demo's SMTP server throughout; the engine's clock is moved, never slept on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:cspr-journeys;DB_CLOSE_DELAY=-1",
    "spring.mail.port=3124", "cspr.partnership.public-url=http://localhost:8080"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

  static final String CHILD_REFERENCE = "LCS-E2E-0042";
  static final String SIBLING_REFERENCE = "LCS-E2E-0043";
  static final String CHILD_NAME = "Olivia Grace Fenwick-Example";
  static final String PLACE = "The family home, 3 Harbour Row, Northtown";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired javax.sql.DataSource dataSource;

  @BeforeAll
  static void browserInstalled() {
    Browser.requireChromium();
  }

  String base() {
    return "http://localhost:" + port;
  }

  HistoricProcessInstance journeyCase() {
    // the demo's own cases are started by no one; this one by the coordinator, in Tasklist
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("cspr-case")
        .startedBy("coordinator").singleResult();
  }

  @Test
  @Order(1)
  void aCoordinatorRecordsACaseIsToldOfABadDateAndNotifiesThePanel() throws Exception {
    LocalDate today = WorkingDays.todayInEngland();
    try (Browser browser = new Browser(base(), "coordinator")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitFor(Browser.text("Start process")).click();
        // the process's name in the Start process dialog: a demo task listed behind it shows the same name, and
        // once the list has loaded first (under load) a click on that one lands on the dialog's backdrop
        browser.waitFor(By.xpath("//div[contains(@class,'modal-dialog')]//*[normalize-space()="
            + "'Child safeguarding practice review case' and not(*[normalize-space()='Child safeguarding practice review case'])]"))
            .click();
        browser.waitForText("Record a serious incident");
        browser.screenshot("start-form");

        // awareness before the incident: refused, with a message naming the field
        browser.typeDate("Date of the incident", today.minusDays(2));
        browser.typeDate("Date the local authority became aware", today.minusDays(3));
        browser.clickLabel("The child died");
        browser.clickLabel("Abuse or neglect is known or suspected");
        // two children, each with its own status and age: a place for the second appears with the
        // first; typed as a person does, reference, Tab, age, Tab past the status, the next reference
        browser.field("Child reference", 1).click();
        browser.typeLikeAPerson(CHILD_REFERENCE, Keys.TAB, "4", Keys.TAB, Keys.TAB, SIBLING_REFERENCE, Keys.TAB, "1");
        browser.choose("Status at the time", 1, "Subject of a child protection plan");
        browser.choose("Status at the time", 2, "Child in need");
        // the age's change arriving while the next reference is typed once cut it ("C-CSC-51177")
        assertThat(browser.field("Child reference", 1).getAttribute("value")).isEqualTo(CHILD_REFERENCE);
        assertThat(browser.field("Child reference", 2).getAttribute("value")).isEqualTo(SIBLING_REFERENCE);
        browser.screenshot("two-children");
        browser.clickLabel("Police");
        browser.clickLabel("Health (GP, hospital");
        browser.waitFor(Browser.button("Start")).click();
        // said with the form's label and the dates as typed, beside the Start button, in sight
        WebElement refused = browser.waitFor(By.cssSelector(".cspr-submit-problem"));
        assertThat(refused.getText()).isEqualTo("The serious incident was not recorded: Date the local authority became aware ("
            + UkDates.asTyped(today.minusDays(3)) + ") is before the incident (" + UkDates.asTyped(today.minusDays(2)) + ")");
        assertThat(browser.inSight(refused)).as("the message is where the person pressed Start").isTrue();
        browser.screenshot("refused");
        assertThat(journeyCase()).isNull();

        browser.typeDate("Date of the incident", today.minusDays(4));
        browser.waitFor(Browser.button("Start")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> journeyCase() != null);
        browser.waitUntilGone(By.xpath("//*[contains(text(),'Record a serious incident')]"));
        browser.screenshot("case-recorded");

        HistoricProcessInstance recorded = journeyCase();
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(recorded.getId())
            .variableName("children").singleResult().getValue().toString())
            .contains(CHILD_REFERENCE).contains(SIBLING_REFERENCE).contains("\"status\":\"CHILD_IN_NEED\"");
        Task notify = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recorded.getBusinessKey())
            .taskDefinitionKey("notifyPanel").singleResult();
        browser.open("/camunda/app/tasklist/default/#/?task=" + notify.getId());
        browser.waitFor(Browser.text(recorded.getBusinessKey() + ": Notify the Panel of the serious incident"));
        browser.waitForText("Submit the serious incident notification"); // the form has loaded
        assertThat(notify.getDueDate()).isNotNull();
        browser.waitFor(By.cssSelector("[cam-widget-inline-field][value='task.due'], .due-date, [ng-if*='task.due']"));
        browser.screenshot("notification-task");

        browser.waitFor(Browser.button("Claim")).click();
        browser.type("Panel notification reference", "CSONS-E2E-1");
        browser.typeDate("Date the notification was submitted", today.plusDays(1));
        // within the five working days: the form asks no reason for a delay (its dates compared as dates, not text)
        assertThat(browser.driver.findElements(By.xpath("//label[normalize-space()='Why was the notification late?']")))
            .noneMatch(WebElement::isDisplayed);
        browser.waitFor(Browser.button("Complete")).click();
        WebElement future = browser.waitFor(By.cssSelector(".cspr-submit-problem"));
        assertThat(future.getText()).contains("Date the notification was submitted (" + UkDates.asTyped(today.plusDays(1))
            + ") is in the future");
        assertThat(browser.inSight(future)).isTrue();
        assertThat(browser.driver.findElements(By.cssSelector(".page-notifications .alert-danger")))
            .as("no banner over the Complete button").isEmpty();
        browser.screenshot("notification-refused");
        browser.typeDate("Date the notification was submitted", today);
        browser.press("Complete");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
            engine.getTaskService().createTaskQuery().taskId(notify.getId()).count() == 0);
        browser.screenshot("notified");
        assertThat(browser.driver.findElements(By.cssSelector(".alert-danger, .cspr-submit-problem")))
            .as("nothing is left of the mistake once it is put right").noneMatch(WebElement::isDisplayed);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
            .processInstanceId(notify.getProcessInstanceId()).variableName("panelNotificationReference").singleResult()
            .getValue()).isEqualTo("CSONS-E2E-1");

        // who the child is, recorded apart from the case in its case file, so the agencies can find the child
        Task caseTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recorded.getBusinessKey())
            .taskCandidateGroup("cspr-coordinators").list().get(0);
        browser.open("/camunda/app/tasklist/default/#/?task=" + caseTask.getId());
        browser.waitFor(By.xpath("//a[normalize-space()='Case file']")).click();
        browser.press("Show the child's details");
        By child = By.cssSelector(".cspr-identity-child[data-child='" + CHILD_REFERENCE + "']");
        browser.waitFor(Browser.button("Record this child's details"));
        browser.press(browser.driver.findElement(child).findElement(By.tagName("button")));
        LocalDate born = today.minusYears(4).withDayOfMonth(1);
        browser.type("Full name", CHILD_NAME);
        browser.type("Date of birth", "31/02/" + born.getYear());
        browser.type("Address at the time", "3 Harbour Row, Northtown NT2 5PX");
        browser.type("NHS number", "943 476 5918");
        browser.type("Parents or carers", "Grace Fenwick-Example");
        browser.press("Save the details");
        browser.waitForText("Date of birth is not a date: type it as day/month/year, for example 14/03/2019");
        browser.type("Date of birth", UkDates.asTyped(born));
        browser.press("Save the details");
        // the server's check, beside the field it names, and nothing typed is lost
        browser.waitForText("NHS number is not an NHS number: ten digits whose last is the check digit of the nine before it");
        assertThat(browser.field("Full name").getAttribute("value")).isEqualTo(CHILD_NAME);
        browser.screenshot("identity-refused");
        browser.type("NHS number", "943 476 5919");
        browser.press("Save the details");
        browser.waitFor(By.xpath("//div[@data-child='" + CHILD_REFERENCE + "']//dd[normalize-space()='" + CHILD_NAME + "']"));
        browser.press("Record where it happened");
        browser.type("Where the incident happened", PLACE);
        browser.press("Save where it happened");
        browser.waitFor(By.xpath("//div[contains(@class,'cspr-identity-place')]/p[normalize-space()='" + PLACE + "']"));
        browser.screenshot("identity-recorded");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(recorded.getId())
            .list()).noneMatch(v -> String.valueOf(v.getValue()).contains("Fenwick"));
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  @Test
  @Order(2)
  void thePoliceAnswerFromTheLinkInTheirMailWithADocument() throws Exception {
    HistoricProcessInstance recorded = journeyCase();
    assertThat(recorded).as("the case the coordinator recorded").isNotNull();
    String link = requestLinkFor(recorded.getBusinessKey(), "police-lead@example.org");
    Path chronology = Files.createTempFile("chronology", ".pdf");
    Files.writeString(chronology, "%PDF-1.4\n% chronology\n%%EOF\n");
    try (Browser browser = new Browser(base(), "agency")) {
      try {
        browser.open(link);
        browser.waitFor(By.cssSelector(".fjs-container"));
        browser.waitForText("Information for case " + recorded.getBusinessKey());
        // the detective reads who the child is, to search the police's own records, on this page only
        browser.waitForText(CHILD_NAME);
        browser.waitForText("3 Harbour Row, Northtown NT2 5PX");
        browser.waitForText(PLACE);
        browser.waitForText(UkDates.longDate(WorkingDays.todayInEngland().minusDays(4)));
        browser.scrollTo(By.id("children"));
        browser.screenshot("response-page");
        browser.type("Your agency's involvement with the child and family", "Two domestic incidents, 2025.");
        browser.typeDate("Involvement from", LocalDate.of(2025, 1, 6));
        browser.type("Summary chronology", "2025-01-06 first incident; 2025-09-14 second incident.");
        browser.type("Analysis of key practice episodes", "The second incident was not shared with health.");
        browser.chooseRadio("Do you have immediate safeguarding concerns", "Yes");
        browser.type("Immediate safeguarding concerns", "The 7-year-old sibling lives with the same adults.");
        browser.type("Your name", "Mark Bennett");
        browser.type("Your role", "Detective inspector");
        browser.screenshot("filled");
        // a document that is refused stops the answers being sent: the link is not spent on a half-sent answer
        Path notAPdf = Files.createTempFile("notes", ".pdf");
        Files.writeString(notAPdf, "<html>not a pdf</html>");
        browser.driver.findElement(By.id("document-file")).sendKeys(notAPdf.toAbsolutePath().toString());
        browser.waitFor(By.id("submit")).click();
        browser.waitForText("Your answers have not been sent");
        browser.screenshot("document-refused");
        // a document chosen is attached without pressing Attach, and goes with the answers; the list growing
        // under the form moves the button, so it is pressed once the page has settled (a click into the gap
        // left the first message standing, under load in CI)
        browser.driver.findElement(By.id("document-file")).sendKeys(chronology.toAbsolutePath().toString());
        browser.waitForText(chronology.getFileName() + " is attached");
        browser.press(browser.waitFor(By.id("submit")));
        browser.waitFor(By.cssSelector(".done"));
        browser.waitForText("Thank you: your information has been sent");
        browser.screenshot("sent");
        String policeTask = engine.getHistoryService().createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(recorded.getBusinessKey()).taskDefinitionKey("provideInformation")
            .taskHadCandidateGroup("agency-police").singleResult().getId();
        assertThat(engine.getTaskService().getTaskAttachments(policeTask)).extracting(a -> a.getName())
            .containsExactly(chronology.getFileName().toString());

        browser.open(link);
        browser.waitForText("This link has already been used");
        browser.screenshot("second-visit");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  @Test
  @Order(3)
  void theManagerSeesWhereTheCaseWaitsAndCannotWorkItsTasks() throws Exception {
    HistoricProcessInstance recorded = journeyCase();
    assertThat(recorded).isNotNull();
    try (Browser browser = new Browser(base(), "manager")) {
      try {
        browser.logIn("cockpit", "manager", "manager");
        browser.waitFor(Browser.text("Processes"));
        browser.open("/camunda/app/cockpit/default/#/process-instance/" + recorded.getId() + "/runtime");
        browser.waitFor(By.cssSelector(".djs-container"));
        browser.waitForText(recorded.getBusinessKey());
        // a token badge on the stage the case waits at: the rapid review
        browser.waitFor(By.cssSelector(".djs-overlays[data-container-id='CallActivity_RapidReview'] .badge"));
        // the toolbar of buttons a manager could only be refused with (delete, retry, add a variable, suspend) is gone
        browser.waiting().until(d -> (Boolean) browser.driver.executeScript(
            "return document.documentElement.classList.contains('cspr-cases-read-only')"));
        assertThat(browser.driver.findElements(By.cssSelector(".ctn-toolbar .glyphicon-remove"))
            .stream().noneMatch(org.openqa.selenium.WebElement::isDisplayed)).isTrue();
        browser.screenshot("case-in-cockpit");

        // the manager has no Tasklist, so no task to complete: the application itself is refused
        browser.open("/camunda/app/tasklist/default/");
        browser.waitForText("Forbidden");
        browser.screenshot("tasklist-refused");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  @Test
  @Order(4)
  void healthAnswersInTasklistWithALongChronology() throws Exception {
    HistoricProcessInstance recorded = journeyCase();
    assertThat(recorded).isNotNull();
    Task request = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recorded.getBusinessKey())
        .taskDefinitionKey("provideInformation").taskCandidateGroup("agency-health").singleResult();
    String chronology = uk.cspr.testing.Workflow.longAnswer(20_000);
    try (Browser browser = new Browser(base(), "health")) {
      try {
        browser.logIn("tasklist", "health-lead", "health-lead");
        browser.waitForText("My agency's requests"); // its filter, once Tasklist has loaded
        browser.open("/camunda/app/tasklist/default/#/?task=" + request.getId());
        browser.waitForText("Information for the review");
        browser.screenshot("request-in-tasklist");
        // the child's details, inside health's own request only when asked for, and the reading recorded
        browser.waitFor(By.xpath("//a[normalize-space()='Case file']")).click();
        browser.press("Show the child's details");
        browser.waitForText(CHILD_NAME);
        browser.waitForText(PLACE);
        browser.screenshot("identity-in-tasklist");
        assertThat(new org.springframework.jdbc.core.JdbcTemplate(dataSource).queryForList("SELECT viewed_through FROM "
            + "cspr_identity_view WHERE viewed_by = 'health-lead'", String.class)).contains("Health's request, in Tasklist");
        browser.waitFor(By.xpath("//a[normalize-space()='Form']")).click();
        browser.waitForText("Information for the review");
        // an agency may not move its dates: Tasklist's buttons for them are gone, the due date stays
        browser.waiting().until(d -> (Boolean) browser.driver.executeScript(
            "return document.documentElement.classList.contains('cspr-task-dates-read-only')"));
        assertThat(browser.driver.findElements(By.xpath("//a[@translate='SET_FOLLOW_UP_DATE']"))
            .stream().noneMatch(org.openqa.selenium.WebElement::isDisplayed)).isTrue();
        assertThat(browser.driver.findElement(By.cssSelector("[cam-tasklist-task-meta] .due-date")).isDisplayed()).isTrue();

        browser.waitFor(Browser.button("Claim")).click();
        browser.type("Your agency's involvement with the child and family", "Health visiting from birth.");
        browser.typeDate("Involvement from", LocalDate.of(2024, 3, 1));
        // a chronology pasted from the agency's records: twenty thousand characters at once (leaving
        // the field, as a person does, hands the text to the form at once rather than after its debounce)
        browser.driver.executeScript("const field = arguments[0]; field.focus();"
            + "Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(field, arguments[1]);"
            + "field.dispatchEvent(new Event('input', {bubbles: true})); field.blur();",
            browser.field("Summary chronology"), chronology);
        browser.type("Analysis of key practice episodes", "The second attendance was not shared.");
        browser.chooseRadio("Do you have immediate safeguarding concerns", "No");
        browser.type("Your name", "Grace Whitfield");
        browser.type("Your role", "Designated nurse");
        browser.screenshot("filled");
        browser.waitFor(Browser.button("Complete")).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
            engine.getTaskService().createTaskQuery().taskId(request.getId()).count() == 0);
        browser.screenshot("answered");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(request.getProcessInstanceId()).variableName("chronologySummary").singleResult().getValue())
        .isEqualTo(chronology);
  }

  @Test
  @Order(5)
  void theCoordinatorReadsThePoliceAnswerInTheCaseFileAndDownloadsTheirDocument() throws Exception {
    HistoricProcessInstance recorded = journeyCase();
    assertThat(recorded).isNotNull();
    Task partnersTold = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(recorded.getBusinessKey())
        .taskDefinitionKey("confirmPartnersTold").singleResult();
    String document = engine.getTaskService().getTaskAttachments(engine.getHistoryService().createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(recorded.getBusinessKey()).taskDefinitionKey("provideInformation")
            .taskHadCandidateGroup("agency-police").singleResult().getId())
        .get(0).getName();
    try (Browser browser = new Browser(base(), "case-file")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitForText("All open case tasks");
        browser.open("/camunda/app/tasklist/default/#/?task=" + partnersTold.getId());
        browser.waitForText(recorded.getBusinessKey() + ": Tell the local safeguarding partners");
        // Tasklist sends the whole task back to set a follow-up date; the engine's API takes it
        browser.waitFor(By.xpath("//a[@translate='SET_FOLLOW_UP_DATE']")).click();
        browser.waiting().until(d -> d.findElements(By.xpath("//button[.//span[contains(@class,'glyphicon-ok')]]"))
            .stream().filter(org.openqa.selenium.WebElement::isDisplayed).findFirst().orElse(null)).click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> engine.getTaskService().createTaskQuery()
            .taskId(partnersTold.getId()).singleResult().getFollowUpDate() != null);
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain("Cannot construct");
        browser.screenshot("follow-up-date-set");
        browser.waitFor(By.xpath("//a[normalize-space()='Case file']")).click();
        browser.waitForText("Immediate safeguarding concerns");
        browser.waitForText("The 7-year-old sibling lives with the same adults.");
        browser.waitForText("Two domestic incidents, 2025."); // the police's answer, in full
        browser.scrollTo(By.cssSelector(".cspr-concerns"));
        browser.screenshot("case-file-tab");

        browser.scrollTo(By.xpath("//div[contains(@class,'cspr-documents')]//a[normalize-space()=" + "'" + document + "']"));
        browser.screenshot("police-document");
        browser.waitFor(By.xpath("//div[contains(@class,'cspr-documents')]//a[normalize-space()='" + document + "']")).click();
        assertThat(Files.readString(browser.downloaded(document))).isEqualTo("%PDF-1.4\n% chronology\n%%EOF\n");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  @Test
  @Order(6)
  void theManagerFindsTheOverdueCaseInRedOnTheCockpitDashboard() throws Exception {
    try (Browser browser = new Browser(base(), "deadlines")) {
      try {
        browser.logIn("cockpit", "manager", "manager");
        browser.waitFor(Browser.text("Processes"));
        // the start page counts the missed deadlines: the demo's first case was never notified
        browser.waitFor(By.xpath("//*[contains(@class,'cspr-dashboard-count')]//*[contains(text(),'missed')]"));
        browser.scrollTo(By.cssSelector(".cspr-dashboard-count"));
        browser.screenshot("start-page-count");

        browser.waitFor(By.xpath("//a[normalize-space()='Statutory deadlines']")).click();
        browser.waitFor(By.cssSelector("table.cspr-deadline-dashboard"));
        By overdue = By.xpath("//table[contains(@class,'cspr-deadline-dashboard')]//tr[@data-reference='DEMO-2026-0001']");
        browser.waitFor(overdue);
        assertThat(browser.driver.findElement(overdue).getAttribute("class")).contains("cspr-missed");
        assertThat(browser.driver.findElement(overdue).findElement(By.cssSelector(".cspr-rag-red")).getText())
            .isEqualTo("Missed");
        // the most urgent first: the missed case heads the list
        assertThat(browser.driver.findElement(By.cssSelector("table.cspr-deadline-dashboard tbody tr"))
            .getAttribute("class")).contains("cspr-missed");
        browser.screenshot("statutory-deadlines");

        browser.driver.findElement(overdue).findElement(By.tagName("a")).click();
        browser.waitFor(By.cssSelector(".djs-container"));
        browser.waitFor(By.xpath("//a[normalize-space()='Case file']")).click();
        browser.waitForText("Case DEMO-2026-0001");
        browser.screenshot("case-file-in-cockpit");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  @Test
  @Order(7)
  void thePoliceAttachADocumentToTheirRequestInTasklist() throws Exception {
    String reference = "JOURNEY-DOCUMENTS-1";
    var asked = engine.getRuntimeService().startProcessInstanceByKey("cspr-agency-request", reference, java.util.Map.of(
        "agencyId", "police", "responseDue", WorkingDays.todayInEngland().plusDays(14).toString(),
        "requestText", "Your involvement and your full chronology."));
    Task request = engine.getTaskService().createTaskQuery().processInstanceId(asked.getId())
        .taskDefinitionKey("provideInformation").singleResult();
    Path notAPdf = Files.createTempFile("notes", ".pdf");
    Files.writeString(notAPdf, "<html>not a pdf</html>");
    Path chronology = Files.createTempFile("police-chronology", ".pdf");
    Files.writeString(chronology, "%PDF-1.4\n% the police chronology\n%%EOF\n");
    try (Browser browser = new Browser(base(), "tasklist-documents")) {
      try {
        browser.logIn("tasklist", "police-lead", "police-lead");
        browser.waitForText("My agency's requests");
        browser.open("/camunda/app/tasklist/default/#/?task=" + request.getId());
        browser.waitForText("Information for the review"); // the form has loaded
        browser.waitFor(By.xpath("//a[normalize-space()='Documents']")).click();
        browser.waitForText("No documents attached yet.");
        browser.screenshot("documents-tab");

        // choosing a document attaches it at once, checked as the response link checks it
        browser.driver.findElement(By.id("cspr-document-file")).sendKeys(notAPdf.toAbsolutePath().toString());
        browser.waitForText("is not a PDF, Word (.doc, .docx) or OpenDocument text (.odt) file");
        browser.screenshot("document-refused");
        browser.driver.findElement(By.id("cspr-document-file")).sendKeys(chronology.toAbsolutePath().toString());
        browser.waitForText(chronology.getFileName() + " is attached.");
        browser.waitFor(By.xpath("//ul[contains(@class,'cspr-document-list')]//a[normalize-space()='"
            + chronology.getFileName() + "']"));
        browser.screenshot("document-attached");
        assertThat(engine.getTaskService().getTaskAttachments(request.getId())).extracting(a -> a.getName())
            .containsExactly(chronology.getFileName().toString());
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  @Test
  @Order(8)
  void theCoordinatorGivingMoreTimeIsOfferedOnlyWorkingDays() throws Exception {
    var asked = engine.getRuntimeService().startProcessInstanceByKey("cspr-agency-request", "JOURNEY-EXTEND-1", java.util.Map.of(
        "agencyId", "education", "responseDue", WorkingDays.todayInEngland().plusDays(14).toString(),
        "requestText", "Your involvement."));
    Task track = engine.getTaskService().createTaskQuery().processInstanceId(asked.getId())
        .taskDefinitionKey("manageAgencyRequest").singleResult();
    try (Browser browser = new Browser(base(), "extend")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.open("/camunda/app/tasklist/default/#/?task=" + track.getId());
        browser.waitForText("Extend or withdraw the request");
        browser.waitForText("Currently due: " + UkDates.longDate(WorkingDays.todayInEngland().plusDays(14)));
        browser.waitFor(Browser.button("Claim")).click();
        browser.chooseRadio("What do you want to do?", "Give the agency more time");
        WebElement newDue = browser.field("New due date");
        browser.scrollTo(By.id(newDue.getAttribute("id")));
        newDue.click();
        browser.waitFor(By.cssSelector(".flatpickr-calendar.open .flatpickr-day"));
        browser.screenshot("working-days-only");
        // the calendar's columns run Sunday to Saturday: the weekend is there and cannot be chosen
        java.util.List<WebElement> days = browser.driver.findElements(By.cssSelector(
            ".flatpickr-calendar.open .flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)"));
        assertThat(days).isNotEmpty().allSatisfy(day -> {
          LocalDate date = LocalDate.parse(day.getAttribute("aria-label"),
              java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH));
          boolean weekend = date.getDayOfWeek().getValue() >= 6;
          assertThat(day.getAttribute("class").contains("flatpickr-disabled")).as(date.toString()).isEqualTo(weekend);
        });
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  /** The response link in the request mail to this address, once the job executor has sent it. */
  @Test
  @Order(9)
  void theCoordinatorRecordsTheRapidReviewMeetingAPartnerSignsOffAndTheReviewGoesToThePanel() throws Exception {
    HistoricProcessInstance recorded = journeyCase();
    assertThat(recorded).isNotNull();
    String reference = recorded.getBusinessKey();
    LocalDate today = WorkingDays.todayInEngland();
    try (Browser browser = new Browser(base(), "rapid-review")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitForText("All open case tasks");
        Task meeting = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
            .taskDefinitionKey("recordRapidReviewMeeting").singleResult();
        browser.open("/camunda/app/tasklist/default/#/?task=" + meeting.getId());
        browser.waitForText(reference + ": Record the rapid review meeting");
        browser.press("Claim");
        // who has answered and who has not, as the coordinators kept it in a spreadsheet: kept up to date as
        // each agency answers, and shown as the task is opened
        browser.waitFor(Browser.button("Complete"));
        browser.driver.navigate().refresh();
        browser.waitFor(By.xpath("//*[contains(normalize-space(), '2 of 2 agencies have answered')]"));
        browser.waitFor(By.xpath("//*[contains(normalize-space(), 'Police: answered on ')]"));
        browser.typeDate("Date of the rapid review meeting", today);
        browser.chooseRadio("Does the case meet the criteria", "Yes: record the meeting's findings and the partners' decision");
        browser.type("Facts established", "Two domestic incidents in 2025 were not shared with health.");
        browser.typeExactly("Action", 1, "Strategy discussion for the sibling");
        browser.typeExactly("Owner", 1, "Children's social care");
        browser.type("Learning identified", "Information sharing between police and health visiting.");
        browser.clickLabel("Police investigation");
        browser.chooseRadio("The safeguarding partners' decision", "Commission a local child safeguarding practice review");
        browser.typeDate("Date of the partners' decision", today);
        browser.type("Reasons for the decision", "Multi-agency learning about information sharing.");
        browser.chooseRadio("May the case be of national importance?", "No");
        browser.screenshot("meeting-filled");
        browser.press("Complete");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
            engine.getTaskService().createTaskQuery().taskId(meeting.getId()).count() == 0);
        browser.screenshot("meeting-recorded");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
    String review = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("cspr-rapid-review").singleResult().getId();
    assertThat(engine.getRuntimeService().getVariable(review, "partnersDecision")).isEqualTo("LOCAL_REVIEW");

    // the local authority's partner signs off in Tasklist, from the filter that lists what awaits them
    try (Browser browser = new Browser(base(), "partner")) {
      try {
        browser.logIn("tasklist", "la-partner", "la-partner");
        browser.waitFor(By.xpath("//a[contains(normalize-space(), 'Awaiting my sign-off')]")).click();
        browser.waitFor(Browser.text(reference + ": Sign off the rapid review")).click();
        browser.waitForText("Your decision");
        // what they sign, in the form's words and a date as read in England, never the engine's value
        browser.waitForText("decided on " + UkDates.longDate(today));
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
            .contains("Commission a local child safeguarding practice review").doesNotContain("LOCAL_REVIEW");
        browser.press("Claim");
        browser.chooseRadio("Your decision", "Sign off the rapid review");
        browser.type("Name of the person signing", "Helen Marsh");
        browser.chooseRadio("Signing as", "The lead safeguarding partner");
        browser.screenshot("sign-off-filled");
        browser.press("Complete");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> engine.getTaskService().createTaskQuery()
            .processInstanceBusinessKey(reference).taskDefinitionKey("signOffRapidReview")
            .taskCandidateGroup("partner-local-authority").count() == 0);
        browser.screenshot("signed-off");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
    for (String[] partner : new String[][] {{"partner-icb", "Samuel Adeyemi"}, {"partner-police", "Claire Douglas"}}) {
      Task signOff = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
          .taskDefinitionKey("signOffRapidReview").taskCandidateGroup(partner[0]).singleResult();
      engine.getTaskService().complete(signOff.getId(), java.util.Map.of("signOffDecision", "SIGN_OFF",
          "signatoryName", partner[1], "signatoryRole", "LEAD_PARTNER"));
    }

    try (Browser browser = new Browser(base(), "submission")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitForText("All open case tasks");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> engine.getTaskService().createTaskQuery()
            .processInstanceBusinessKey(reference).taskDefinitionKey("submitRapidReview").count() == 1);
        Task submit = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
            .taskDefinitionKey("submitRapidReview").singleResult();
        browser.open("/camunda/app/tasklist/default/#/?task=" + submit.getId());
        browser.waitForText(reference + ": Submit the rapid review to the Panel");
        browser.press("Claim");
        browser.typeDate("Date the rapid review was sent to the Panel", today);
        browser.typeDate("Date the family was told of the decision", today);
        browser.type("Who told the family", "Priya Shah, coordinator");
        browser.screenshot("submission-filled");
        browser.press("Complete");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
            engine.getTaskService().createTaskQuery().taskId(submit.getId()).count() == 0);
        browser.screenshot("submitted");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
    // the stage ends once its last jobs have run, and the case keeps when the review went
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(recorded.getId()).variableName("rapidReviewSubmittedOn")
        .singleResult() != null);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(recorded.getId())
        .variableName("rapidReviewOnTime").singleResult().getValue()).isEqualTo(true);
  }

  @Test
  @Order(10)
  void theCoordinatorRecordsThePanelsResponseInTasklistAndTheCaseGoesOnToItsLocalReview() throws Exception {
    HistoricProcessInstance recorded = journeyCase();
    String reference = recorded.getBusinessKey();
    LocalDate today = WorkingDays.todayInEngland();
    Task response = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService()
        .createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("recordPanelResponse").singleResult(),
        java.util.Objects::nonNull);
    try (Browser browser = new Browser(base(), "panel-response")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitForText("All open case tasks");
        browser.open("/camunda/app/tasklist/default/#/?task=" + response.getId());
        browser.waitForText(reference + ": Record the Panel's response");
        // what went to the Panel, in words, not the engine's values
        browser.waitForText("went to the Child Safeguarding Practice Review Panel on " + UkDates.longDate(today));
        assertThat(browser.driver.findElement(By.tagName("body")).getText())
            .contains("Commission a local child safeguarding practice review").doesNotContain("LOCAL_REVIEW");
        browser.press("Claim");
        browser.chooseRadio("What the Panel decided", "The Panel agrees with the partners' decision to commission a local review");
        // what the Panel asked for is asked only when it asks for more
        assertThat(browser.driver.findElements(By.xpath("//label[normalize-space()='What the Panel asked for']")))
            .noneMatch(WebElement::isDisplayed);
        browser.typeDate("Date of the Panel's letter", today.plusDays(1));
        browser.type("The Panel's reference for its letter", "CSPRP/E2E/1");
        browser.type("What the Panel said", "The Panel agrees that a local review is the right response.");
        browser.press("Complete");
        WebElement future = browser.waitFor(By.cssSelector(".cspr-submit-problem"));
        assertThat(future.getText()).contains("Date of the Panel's letter (" + UkDates.asTyped(today.plusDays(1))
            + ") is in the future");
        browser.screenshot("panel-response-refused");
        browser.typeDate("Date of the Panel's letter", today);
        browser.screenshot("panel-response-filled");
        browser.press("Complete");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d ->
            engine.getTaskService().createTaskQuery().taskId(response.getId()).count() == 0);
        browser.screenshot("panel-response-recorded");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
    // the Panel agreed; the case goes on to its local review once its notification is complete too (the
    // partners' being told, still open in this journey), the six months running from the rapid review's decision
    Task partnersTold = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("confirmPartnersTold").singleResult();
    assertThat(partnersTold).isNotNull();
    engine.getTaskService().complete(partnersTold.getId(), java.util.Map.of("partnersToldOn", today.toString()));
    // the stage exists now: the case calls it at once, no longer waiting at "Local review: the case waits for its stage"
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.getRuntimeService()
        .createProcessInstanceQuery().processInstanceId(recorded.getId()).activityIdIn("CallActivity_LocalReview").count() == 1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cspr-local-review")
        .processInstanceBusinessKey(reference).count()).isEqualTo(1);
    assertThat(engine.getRuntimeService().getVariable(recorded.getId(), "panelOutcome")).isEqualTo("LOCAL_REVIEW_AGREED");
    assertThat(engine.getRuntimeService().getVariable(recorded.getId(), "localReviewDecisionOn")).isEqualTo(today.toString());
  }

  @Test
  @Order(11)
  void theCoordinatorAppointsTheReviewerWhoSendsADraftFromTheLinkInTheirMail() throws Exception {
    HistoricProcessInstance recorded = journeyCase();
    assertThat(recorded).isNotNull();
    String reference = recorded.getBusinessKey();
    LocalDate today = WorkingDays.todayInEngland();
    // the partners decided today, at the rapid review: the final report is due six months on
    LocalDate due = today.plusMonths(6);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey("informOfLocalReview").count() == 1);
    try (Browser browser = new Browser(base(), "local-review")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitForText("All open case tasks");
        // the coordinator finds the case's tasks by its reference, as Tasklist's search offers it
        findCase(browser, reference);
        browser.screenshot("case-tasks");
        openTask(browser, reference, "Tell the Panel, Ofsted and DfE of the decision to review");
        browser.waitForText("decided on " + UkDates.longDate(today) + " to commission a local child safeguarding practice review");
        browser.waitForText("Its final report is due by the end of " + UkDates.longDate(due));
        browser.press("Claim");
        browser.typeDate("Date the Panel, Ofsted and DfE were told", today);
        browser.screenshot("inform-filled");
        completeAndWaitUntilDone(browser, reference, "informOfLocalReview", "informed");

        openTask(browser, reference, "Appoint the reviewer");
        browser.waitForText("its final report is due by the end of " + UkDates.longDate(due));
        browser.press("Claim");
        browser.type("Reviewer's name", "Ruth Okafor");
        browser.type("Reviewer's organisation", "Independent");
        browser.type("Reviewer's e-mail address", "ruth.okafor@example.org");
        browser.chooseRadio("Has the reviewer declared their independence", "Not yet");
        browser.typeDate("Date the reviewer was appointed", today);
        browser.press("Complete");
        // not appointed without a declaration: said beside the Complete button, in sight, and nothing typed is lost
        WebElement refused = browser.waitFor(By.cssSelector(".cspr-submit-problem"));
        assertThat(refused.getText()).startsWith("The reviewer was not appointed")
            .contains("once their declaration of independence from the case and the agencies involved is recorded");
        assertThat(browser.inSight(refused)).as("the message is where the person pressed Complete").isTrue();
        assertThat(browser.field("Reviewer's name").getAttribute("value")).isEqualTo("Ruth Okafor");
        browser.screenshot("appointment-refused");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
            .taskDefinitionKey("appointReviewer").count()).isEqualTo(1);
        browser.chooseRadio("Has the reviewer declared their independence", "Yes");
        browser.type("The reviewer's declaration", "I have never worked for the agencies involved or met the family.");
        browser.screenshot("appointment-filled");
        completeAndWaitUntilDone(browser, reference, "appointReviewer", "reviewer-appointed");
        assertThat(browser.driver.findElements(By.cssSelector(".alert-danger, .cspr-submit-problem")))
            .as("nothing is left of the refusal once it is put right").noneMatch(WebElement::isDisplayed);

        openTask(browser, reference, "Agree the terms of reference and method");
        browser.waitForText("Parallel proceedings recorded at the rapid review: Police investigation");
        browser.press("Claim");
        browser.type("Terms of reference", "How information about the two incidents was shared between police and health, "
            + "from January 2025 to the incident.");
        browser.chooseRadio("Method", "A systems approach (such as SCIE Learning Together)");
        browser.typeDate("Date the terms of reference were agreed", today);
        browser.screenshot("terms-filled");
        completeAndWaitUntilDone(browser, reference, "agreeTermsOfReference", "terms-agreed");

        // the report is awaited from the reviewer's link; this task is there for one that comes another way
        openTask(browser, reference, "Receive the reviewer's report");
        browser.waitForText("The reviewer (Ruth Okafor) sends the report through the link in their mail");
        browser.screenshot("report-awaited");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }

    // the reviewer, who has no account, is sent a link of their own: the mail names the case and its due date, never the child
    JsonNode mail = reviewerLinkMail(reference, "ruth.okafor@example.org");
    assertThat(mail.path("text").asText().replaceAll("\\s+", " ")).contains("Dear Ruth Okafor,")
        .contains("by the end of " + UkDates.longDate(due)).doesNotContain(CHILD_NAME).doesNotContain(CHILD_REFERENCE);
    String link = java.util.stream.StreamSupport.stream(mail.path("links").spliterator(), false).map(JsonNode::asText)
        .filter(l -> l.contains("/review/")).findFirst().map(l -> base() + l.substring(l.indexOf("/review/"))).orElseThrow();
    Path draft = Files.createTempDirectory("reviewer").resolve(reference + "-draft-report.pdf");
    Files.writeString(draft, "%PDF-1.4\n% the reviewer's draft report\n%%EOF\n");
    try (Browser browser = new Browser(base(), "reviewer")) {
      try {
        browser.open(link);
        browser.waitFor(By.cssSelector(".fjs-container"));
        browser.waitForText("The review's report for case " + reference);
        browser.waitForText("Ruth Okafor");
        browser.waitForText("signed off by the safeguarding partners by the end of " + UkDates.longDate(due));
        // the reviewer is told nothing of who the child is, nor where it happened
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain(CHILD_NAME)
            .doesNotContain(CHILD_REFERENCE).doesNotContain(SIBLING_REFERENCE).doesNotContain("Harbour Row");
        browser.screenshot("reviewer-page");

        // nothing chosen, nothing attached: the page asks for what is missing and sends nothing
        browser.press(browser.waitFor(By.id("submit")));
        browser.waitForText("Please complete the fields marked above. Attach the report too: choose the document above.");
        browser.screenshot("nothing-chosen");
        browser.chooseRadio("What you are sending", "A draft of the report");
        browser.press(browser.waitFor(By.id("submit")));
        browser.waitForText("Your report was not sent: Attach the report before sending it: choose the document above.");
        browser.screenshot("no-document");

        browser.driver.findElement(By.id("document-file")).sendKeys(draft.toAbsolutePath().toString());
        browser.waitForText(draft.getFileName() + " is attached");
        browser.waitFor(By.xpath("//ul[@id='document-list']/li[normalize-space()='" + draft.getFileName() + "']"));
        browser.screenshot("draft-attached");
        browser.press(browser.waitFor(By.id("submit")));
        browser.waitFor(By.cssSelector(".done"));
        browser.waitForText("Thank you: your report has been sent");
        browser.waitForText("The partnership has received your report for case " + reference);
        browser.screenshot("sent");

        browser.open(link);
        browser.waitForText("This link has been used");
        browser.screenshot("second-visit");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }

    // the coordinator finds the draft waiting to be quality-assured, and it in the case file
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey("qualityAssureReport").count() == 1);
    try (Browser browser = new Browser(base(), "quality-assurance")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitForText("All open case tasks");
        findCase(browser, reference);
        openTask(browser, reference, "Quality-assure the report");
        browser.waitForText("The draft report received on " + UkDates.longDate(today));
        browser.screenshot("quality-assurance-task");
        browser.waitFor(By.xpath("//a[normalize-space()='Case file']")).click();
        WebElement localReview = browser.waitFor(By.cssSelector("section.cspr-section[data-kind='local-review']"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", localReview);
        assertThat(localReview.findElement(By.tagName("h4")).getText()).isEqualTo("Local review Running");
        assertThat(localReview.getText()).contains("Ruth Okafor (Independent)")
            .contains("I have never worked for the agencies involved or met the family.")
            .contains("Draft received " + UkDates.longDate(today) + " (from the reviewer, through their link)")
            .contains("being quality-assured");
        WebElement document = localReview.findElement(By.xpath(".//div[contains(@class,'cspr-documents')]//a[normalize-space()='"
            + draft.getFileName() + "']"));
        assertThat(document.isDisplayed()).isTrue();
        browser.screenshot("draft-in-case-file");
        // the coordinator reads the draft itself, as the reviewer sent it
        browser.press(document);
        assertThat(Files.readString(browser.downloaded(draft.getFileName().toString())))
            .isEqualTo("%PDF-1.4\n% the reviewer's draft report\n%%EOF\n");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  @Test
  @Order(12)
  void healthSendsTheEvidenceOfItsActionFromTheLinkInItsMail() throws Exception {
    String reference = "DEMO-2026-0007";
    LocalDate today = WorkingDays.todayInEngland();
    String learning = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("cspr-learning").singleResult().getId();
    JsonNode action = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        engine.getRuntimeService().getVariable(learning, "action1").toString());
    assertThat(action.path("owner").asText()).isEqualTo("health");
    LocalDate due = LocalDate.parse(action.path("dueOn").asText());
    java.util.List<String> children = uk.cspr.testing.Workflow.jsonStrings(engine.getHistoryService()
        .createHistoricVariableInstanceQuery().processInstanceId(caseId(reference)).variableName("childReferences")
        .singleResult().getValue());
    Path audit = Files.createTempDirectory("health").resolve("ed-attendance-audit.pdf");
    Files.writeString(audit, "%PDF-1.4\n% the emergency department's audit of attendances\n%%EOF\n");

    // the designated nurse reads her mail: the action, its due date, the link; nothing of the child
    JsonNode mail = evidenceRequestMail(reference, "health-lead@example.org");
    assertThat(mail.path("text").asText()).contains(action.path("description").asText())
        .contains("due by the end of " + UkDates.longDate(due)).doesNotContain(children.toArray(String[]::new));
    String link = java.util.stream.StreamSupport.stream(mail.path("links").spliterator(), false).map(JsonNode::asText)
        .filter(l -> l.contains("/respond/")).findFirst().map(l -> base() + l.substring(l.indexOf("/respond/"))).orElseThrow();
    try (Browser browser = new Browser(base(), "action-evidence")) {
      try {
        browser.open("/dev/mailbox.html");
        WebElement inTheMailbox = browser.waitFor(By.xpath("//article[.//h2[starts-with(normalize-space(), '" + reference
            + ": request for information')]][contains(., 'health-lead@example.org')][contains(., 'Action 1 of the safeguarding')]"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", inTheMailbox);
        browser.screenshot("mail");

        browser.open(link);
        browser.waitFor(By.cssSelector(".fjs-container"));
        browser.waitForText("Information for case " + reference);
        browser.waitForText("Evidence that an action is complete");
        browser.waitForText(action.path("description").asText());
        browser.waitForText("the end of " + UkDates.longDate(due));
        // what she needs to answer, and nothing of who the child is
        assertThat(browser.driver.findElement(By.tagName("body")).getText()).doesNotContain(children.toArray(String[]::new));
        browser.screenshot("evidence-request");

        browser.chooseRadio("Is the action complete?", "Yes: it is complete");
        browser.type("What was done", "The emergency department's liaison nurse now sends the health visiting service a "
            + "note of every attendance of a child under one by the next working day.");
        browser.typeDate("When it was completed", today.plusDays(1));
        browser.type("The evidence that it is done", "The first monthly audit: 41 of 42 attendances notified within a "
            + "working day (attached).");
        browser.type("Your name", "Grace Whitfield");
        browser.type("Your role", "Designated nurse for safeguarding children");
        browser.driver.findElement(By.id("document-file")).sendKeys(audit.toAbsolutePath().toString());
        browser.waitForText(audit.getFileName() + " is attached");
        browser.waitFor(By.xpath("//ul[@id='document-list']/li[normalize-space()='" + audit.getFileName() + "']"));
        browser.screenshot("filled");

        // completed tomorrow: refused, said beside the button she pressed, and nothing she typed is lost
        browser.press(browser.waitFor(By.id("submit")));
        WebElement refused = browser.waitFor(By.id("submit-message"));
        browser.waiting().until(d -> refused.getText().contains("is in the future"));
        assertThat(refused.getText()).contains("When it was completed (" + UkDates.asTyped(today.plusDays(1))
            + ") is in the future");
        assertThat(browser.inSight(refused)).as("the message is where she pressed Send").isTrue();
        assertThat(browser.field("Your name").getAttribute("value")).isEqualTo("Grace Whitfield");
        browser.screenshot("refused");

        browser.typeDate("When it was completed", today);
        browser.press(browser.waitFor(By.id("submit")));
        browser.waitFor(By.cssSelector(".done"));
        browser.waitForText("Thank you: your information has been sent");
        browser.waitForText("The partnership has received your information for case " + reference);
        browser.screenshot("sent");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
    // the answer ends health's request, and the action's record follows it
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> String.valueOf(
        engine.getRuntimeService().getVariable(learning, "action1")).contains("\"state\":\"EVIDENCED\""));

    // the coordinator finds the action evidenced in the case file, with the document health sent in its request
    try (Browser browser = new Browser(base(), "action-evidenced")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitForText("All open case tasks");
        findCase(browser, reference);
        openTask(browser, reference, "Record evidence of action 2, the partners' own");
        browser.waitFor(By.xpath("//a[normalize-space()='Case file']")).click();
        WebElement section = browser.waitFor(By.cssSelector("section.cspr-section[data-kind='learning']"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", section);
        browser.waiting().until(d -> section.getText().contains("Action 1 (Health), due " + UkDates.longDate(due)
            + ": evidenced"));
        assertThat(section.findElement(By.tagName("h4")).getText()).isEqualTo("Learning into practice Running");
        assertThat(section.getText()).contains("Evidenced on " + UkDates.longDate(today)
            + " by Grace Whitfield, Designated nurse for safeguarding children, completed on " + UkDates.longDate(today))
            .contains("41 of 42 attendances notified");
        browser.screenshot("case-file");
        WebElement document = browser.waitFor(By.xpath("//div[contains(@class,'cspr-documents')]//a[normalize-space()='"
            + audit.getFileName() + "']"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", document);
        browser.screenshot("document");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  @Test
  @Order(13)
  void theCoordinatorIsRefusedPublishingTooEarlyAndRecordsThePublication() throws Exception {
    String reference = "DEMO-2026-0007";
    LocalDate today = WorkingDays.todayInEngland();
    String publication = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("cspr-publication").singleResult().getId();
    LocalDate earliest = LocalDate.parse((String) engine.getRuntimeService().getVariable(publication, "earliestPublicationDate"));
    LocalDate sentOn = LocalDate.parse((String) engine.getRuntimeService().getVariable(publication, "finalReportSentOn"));
    String url = "https://www.northshire-safeguarding.org.uk/reviews/child-h";
    try (Browser browser = new Browser(base(), "publication")) {
      try {
        browser.logIn("tasklist", "coordinator", "coordinator");
        browser.waitForText("All open case tasks");
        findCase(browser, reference);
        openTask(browser, reference, "Record the publication");
        browser.waitForText("Publishing is allowed from " + UkDates.longDate(earliest));
        browser.screenshot("record-publication");
        browser.press("Claim");
        browser.type("Web address where it is published", url);
        // the day it went to the Panel, DfE and Ofsted: too early, and the message says from when, in words
        browser.typeDate("Date it was published", sentOn);
        browser.press("Complete");
        WebElement refused = browser.waitFor(By.cssSelector(".cspr-submit-problem"));
        assertThat(refused.getText()).startsWith("The publication was not recorded")
            .contains("Date it was published (" + UkDates.asTyped(sentOn) + ") is before " + UkDates.longDate(earliest)
                + ", the earliest it may be published")
            .contains("on " + UkDates.longDate(sentOn));
        assertThat(browser.inSight(refused)).as("the message is where the person pressed Complete").isTrue();
        assertThat(browser.field("Web address where it is published").getAttribute("value")).isEqualTo(url);
        browser.screenshot("refused");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
            .taskDefinitionKey("recordPublication").count()).isEqualTo(1);

        browser.typeDate("Date it was published", today);
        browser.screenshot("filled");
        completeAndWaitUntilDone(browser, reference, "recordPublication", "recorded");
        assertThat(browser.driver.findElements(By.cssSelector(".alert-danger, .cspr-submit-problem")))
            .as("nothing is left of the refusal once it is put right").noneMatch(WebElement::isDisplayed);

        // the case file says where and when, from another of the case's tasks (the list still shows the case's)
        openTask(browser, reference, "Record evidence of action 2, the partners' own");
        browser.waitFor(By.xpath("//a[normalize-space()='Case file']")).click();
        WebElement section = browser.waitFor(By.cssSelector("section.cspr-section[data-kind='publication']"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", section);
        browser.waiting().until(d -> section.getText().replaceAll("\\s+", " ").contains("Published on "
            + UkDates.longDate(today)));
        assertThat(section.getText().replaceAll("\\s+", " ")).contains("Where it is published " + url)
            .contains("Publishing allowed from " + UkDates.longDate(earliest));
        browser.screenshot("case-file");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
    assertThat(engine.getRuntimeService().getVariable(publication, "publishedOn")).isEqualTo(today.toString());
    assertThat(engine.getRuntimeService().getVariable(publication, "publicationUrl")).isEqualTo(url);
  }

  @Test
  @Order(14)
  void theCaseIsFollowedToItsClosure() throws Exception {
    String reference = "DEMO-2026-0007";
    String caseId = caseId(reference);
    String learning = stageOf(reference, "cspr-learning");
    String publication = stageOf(reference, "cspr-publication");
    LocalDate publishedOn = LocalDate.parse((String) engine.getRuntimeService().getVariable(publication, "publishedOn"));

    // each agency confirms how the learning reached its practitioners, as itself, through its request's form
    for (Task request : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("provideInformation").list()) {
      if (!"confirm-learning-dissemination".equals(engine.getTaskService().getVariable(request.getId(), "requestForm"))) {
        continue;
      }
      String agency = engine.getTaskService().getIdentityLinksForTask(request.getId()).stream()
          .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).filter(g -> g != null && g.startsWith("agency-"))
          .findFirst().orElseThrow();
      String lead = engine.getIdentityService().createUserQuery().memberOfGroup(agency).list().get(0).getId();
      java.util.Map<String, Object> confirmed = new java.util.HashMap<>();
      confirmed.put("disseminationMethods", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"BRIEFING\"]").create());
      confirmed.put("disseminationDetails", "Team briefings in every service, and the seven-minute briefing on the intranet.");
      confirmed.put("practitionersReached", 60);
      confirmed.put("disseminatedOn", WorkingDays.todayInEngland().toString());
      confirmed.put("responderName", "The agency's safeguarding lead");
      confirmed.put("responderRole", "Safeguarding lead");
      asUser(lead, agency, () -> engine.getFormService().submitTaskForm(request.getId(), confirmed));
    }
    // the partners' own action, evidenced by the coordinator
    Task partnersAction = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("recordPartnersActionEvidence").singleResult();
    asUser("coordinator", "cspr-coordinators", () -> engine.getFormService().submitTaskForm(partnersAction.getId(),
        java.util.Map.of("actionStatus", "COMPLETED", "actionTaken", "The partners' response is on the partnership's website.",
            "actionCompletedOn", WorkingDays.todayInEngland().toString(),
            "actionEvidence", "The published page, saved as a PDF.")));

    LocalDate impactDue = LocalDate.parse((String) engine.getRuntimeService().getVariable(learning, "impactReviewDue"));
    LocalDate yearOn = publishedOn.plusYears(1).plusDays(7);
    try {
      // six months on, the job executor brings the impact review; the coordinator reviews it and closes the learning
      clockAt(impactDue);
      awaitTask(reference, "reviewLearningImpact");
      try (Browser browser = new Browser(base(), "closure")) {
        try {
          browser.logIn("tasklist", "coordinator", "coordinator");
          browser.waitForText("All open case tasks");
          findCase(browser, reference);
          openTask(browser, reference, "Review the learning's impact");
          browser.screenshot("impact-review");
          browser.press("Claim");
          browser.typeDate("Date of the review", impactDue);
          browser.type("What has changed in practice", "The health visitor hears of every attendance of a baby at the "
              + "emergency department by the next working day.");
          browser.type("How the partners know: audits and other evidence", "Three monthly audits: 124 of 126 attendances "
              + "notified within a working day.");
          browser.chooseRadio("Will the partners review the impact again?", "No: the impact is reviewed");
          completeAndWaitUntilDone(browser, reference, "reviewLearningImpact", "impact-reviewed");

          awaitTask(reference, "closeCase");
          openTask(browser, reference, "Close the case");
          browser.press("Claim");
          browser.typeDate("Date the case is closed", impactDue);
          browser.type("Summary for the partners' yearly report", "Information about babies' attendances now reaches "
              + "community services within a working day, and audits show it.");
          completeAndWaitUntilDone(browser, reference, "closeCase", "learning-closed");
        } catch (Throwable failure) {
          browser.screenshot("failure");
          throw failure;
        }
      }
      // the learning is closed, but the case still waits for the publication's one-year review
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(learning).singleResult()
          .getEndTime()).isNotNull();
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult()
          .getEndTime()).isNull();

      // a year after publication, the coordinator decides that it stays published: the case closes
      clockAt(yearOn);
      awaitTask(reference, "reviewPublication");
      try (Browser browser = new Browser(base(), "one-year-review")) {
        try {
          browser.logIn("tasklist", "coordinator", "coordinator");
          browser.waitForText("All open case tasks");
          findCase(browser, reference);
          openTask(browser, reference, "Decide whether the report stays published");
          browser.screenshot("publication-review");
          browser.press("Claim");
          browser.chooseRadio("Does it stay published?", "Yes: it stays published");
          browser.type("Why it stays", "Practitioners across the county still use it in training.");
          completeAndWaitUntilDone(browser, reference, "reviewPublication", "case-closed");
        } catch (Throwable failure) {
          browser.screenshot("failure");
          throw failure;
        }
      }
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> engine.getHistoryService()
          .createHistoricProcessInstanceQuery().processInstanceId(caseId).singleResult().getEndTime() != null);
      JsonNode file = new Http(port).basicAuth("coordinator", "coordinator").get("/api/cases/" + reference).json();
      assertThat(file.path("state").asText()).isEqualTo("CLOSED");
      assertThat(file.path("closedOn").asText()).isEqualTo(yearOn.toString());
      assertThat(file.toString()).contains("Information about babies' attendances now reaches community services");
      assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(caseId)
          .activityId("EndEvent_ReviewPublishedAndLearnt").count()).isEqualTo(1);
    } finally {
      org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
  }

  @Test
  @Order(15)
  void theManagerPrintsTheTimelinessReportForTheYearlyReport() throws Exception {
    try (Browser browser = new Browser(base(), "timeliness-report")) {
      try {
        browser.logIn("cockpit", "manager", "manager");
        browser.waitFor(Browser.text("Processes"));
        browser.waitFor(By.xpath("//a[normalize-space()='Timeliness report']")).click();
        // the last twelve months: DEMO-2026-0007's report, published in journey 13 after its notice, on time
        By published = By.xpath("//table[contains(@class,'cspr-timeliness')]//tr[@data-measure='publications']");
        browser.waitFor(published);
        assertThat(browser.driver.findElements(By.cssSelector("table.cspr-timeliness tbody tr"))).hasSize(5);
        assertThat(browser.driver.findElement(published).getText())
            .isEqualTo("Reports published 7 working days after the Panel, DfE and Ofsted had it 1 1 100% 12");
        WebElement chart = browser.waitFor(By.cssSelector("img.cspr-timeliness-chart"));
        browser.waiting().until(d -> Long.valueOf(1000).equals(browser.driver.executeScript(
            "return arguments[0].complete ? arguments[0].naturalWidth : 0;", chart)));
        // below the chart, in Cockpit's own scrolling view: found, then brought into sight as a person scrolls to it
        inSight(browser, Browser.button("Print"));
        browser.screenshot("print");
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})", chart);
        browser.screenshot("report");

        // a period that ends before it starts: said in words, nothing else lost
        browser.driver.executeScript("document.getElementById('cspr-report-to').value = '2025-01-01';");
        inSight(browser, Browser.button("Show the report")).click();
        browser.waitForText("The period ends (2025-01-01) before it starts");
        browser.screenshot("refused");
      } catch (Throwable failure) {
        browser.screenshot("failure");
        throw failure;
      }
    }
  }

  /**
   * An element of a Cockpit page, brought into sight as a person scrolls to it: Cockpit scrolls its view inside a
   * box of its own, and what lies outside that box does not count as visible until scrolled to.
   */
  private static WebElement inSight(Browser browser, By by) {
    browser.waiting().until(d -> !d.findElements(by).isEmpty());
    WebElement element = browser.driver.findElement(by);
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    browser.waiting().until(d -> element.isDisplayed());
    return element;
  }

  private String stageOf(String reference, String stage) {
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey(stage).singleResult().getId();
  }

  /** Moves the engine's clock to 10:00 on that day in England, as the days passing would. */
  private static void clockAt(LocalDate day) {
    uk.cspr.testing.Workflow.clockAt(day + "T10:00");
  }

  /** Waits until the job executor, finding the case's timers due, has opened this task. */
  private void awaitTask(String reference, String taskKey) {
    try {
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
          engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).count() == 1);
    } catch (org.awaitility.core.ConditionTimeoutException notThere) {
      // say where the case waits instead, and what failed, so a failing run explains itself
      StringBuilder where = new StringBuilder("Case " + reference + " has no task " + taskKey + ".");
      for (var instance : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
        where.append("\n").append(instance.getProcessDefinitionId()).append(" waits at ")
            .append(engine.getRuntimeService().getActiveActivityIds(instance.getId()));
      }
      for (var job : engine.getManagementService().createJobQuery().withException().list()) {
        where.append("\nfailed job ").append(job.getProcessDefinitionKey()).append(": ").append(job.getExceptionMessage());
      }
      throw new AssertionError(where.toString(), notThere);
    }
  }

  private void asUser(String user, String group, Runnable action) {
    engine.getIdentityService().setAuthentication(user, java.util.List.of(group));
    try {
      action.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private String caseId(String reference) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cspr-case")
        .processInstanceBusinessKey(reference).singleResult().getId();
  }

  /** The mail asking this address for evidence of an action of the case's plan, once the job executor has sent it. */
  private JsonNode evidenceRequestMail(String caseReference, String to) {
    Http http = new Http(port);
    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
      for (JsonNode mail : http.get("/dev/mailbox").json()) {
        if (mail.path("subject").asText().startsWith(caseReference + ": request for information")
            && mail.path("to").toString().contains(to)
            && mail.path("text").asText().contains("of the safeguarding partners' action plan")) {
          return mail;
        }
      }
      return null;
    }, java.util.Objects::nonNull);
  }

  /** Tasklist's search, as a person uses it: the criterion picked from its list, then the case's reference typed. */
  private void findCase(Browser browser, String reference) {
    browser.waitFor(By.xpath("//a[contains(normalize-space(), 'All open case tasks')]")).click();
    WebElement search = browser.waitFor(By.cssSelector("input.main-field"));
    search.click();
    browser.typeLikeAPerson("Business");
    browser.waitFor(By.xpath("//ul[contains(@class,'dropdown-menu')]//a[normalize-space()='Process Instance Business Key']"))
        .click();
    // the new criterion's value takes the typing once it has the focus (a key sooner went nowhere)
    browser.waiting().until(d -> (Boolean) browser.driver.executeScript("const a = document.activeElement;"
        + " return a.tagName === 'INPUT' && !a.classList.contains('main-field');"));
    browser.typeLikeAPerson(reference, Keys.ENTER);
    // the list holds this case's tasks alone: the demo's cases are gone from it (an agency request's tracking task
    // names the case at its end: "Track the request to Health for case …")
    browser.waiting().until(d -> {
      java.util.List<String> names = d.findElements(By.cssSelector(".tasks-list .task a[href*='task=']")).stream()
          .map(WebElement::getText).filter(name -> !name.isBlank()).toList();
      return !names.isEmpty() && names.stream().allMatch(name -> name.startsWith(reference + ": ")
          || name.endsWith("for case " + reference));
    });
  }

  /** Opens the case's task from Tasklist's list, by the name the person reads there. */
  private void openTask(Browser browser, String reference, String name) {
    By task = By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space()=" + quoted(reference + ": " + name) + "]");
    // the list is drawn again as the task before it is completed: a name found in the old list is clicked again in the new
    browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      browser.waitFor(task).click();
      return true;
    });
    browser.waitFor(Browser.text(reference + ": " + name));
    browser.waitFor(Browser.button("Claim"));
  }

  /** Presses Complete and waits until the engine has the task done, then shows what the person sees next. */
  private void completeAndWaitUntilDone(Browser browser, String reference, String taskKey, String screenshot) {
    browser.press("Complete");
    new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).count() == 0);
    browser.screenshot(screenshot);
  }

  private static String quoted(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  /** The mail with the reviewer's link for their report, once the job executor has sent it. */
  private JsonNode reviewerLinkMail(String caseReference, String to) {
    Http http = new Http(port);
    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
      for (JsonNode mail : http.get("/dev/mailbox").json()) {
        if (mail.path("subject").asText().equals(caseReference + ": your link for sending the review's report")
            && mail.path("to").toString().contains(to)) {
          return mail;
        }
      }
      return null;
    }, java.util.Objects::nonNull);
  }

  private String requestLinkFor(String caseReference, String to) {
    Http http = new Http(port);
    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> linkIn(http, caseReference, to), java.util.Objects::nonNull);
  }

  private String linkIn(Http http, String caseReference, String to) {
    for (JsonNode mail : http.get("/dev/mailbox").json()) {
      if (mail.path("subject").asText().startsWith(caseReference + ": request for information")
          && mail.path("to").toString().contains(to)) {
        for (JsonNode link : mail.path("links")) {
          if (link.asText().contains("/respond/")) {
            // the mail names the configured public address; the test server listens on a random port
            return base() + link.asText().substring(link.asText().indexOf("/respond/"));
          }
        }
      }
    }
    return null;
  }
}
