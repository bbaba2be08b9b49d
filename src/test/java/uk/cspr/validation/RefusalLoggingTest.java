package uk.cspr.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.calendar.WorkingDays;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;

/**
 * A person's mistake is one line at WARN that names the fields and never repeats what was typed;
 * the log is captured as the application writes it (the engine's own loggers at INFO, as in
 * production, not the quiet test configuration).
 */
@CsprSpringTest
class RefusalLoggingTest {

  static final String TYPED = "TYPED-BY-THE-PERSON-4711";

  @LocalServerPort int port;
  ListAppender<ILoggingEvent> log;
  Level engineContextLevel;

  @BeforeEach
  void captureTheLog() {
    log = new ListAppender<>();
    log.start();
    root().addAppender(log);
    Logger engineContext = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    engineContextLevel = engineContext.getLevel();
    engineContext.setLevel(Level.INFO);
    ((Logger) LoggerFactory.getLogger("org.camunda")).setLevel(Level.INFO);
  }

  @AfterEach
  void stopCapturing() {
    root().detachAppender(log);
    ((Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context")).setLevel(engineContextLevel);
    ((Logger) LoggerFactory.getLogger("org.camunda")).setLevel(Level.WARN);
  }

  static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  List<ILoggingEvent> events(Level level) {
    return log.list.stream().filter(e -> e.getLevel() == level).toList();
  }

  static String everything(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
      text.append(' ').append(thrown.getMessage());
    }
    return text.toString();
  }

  @Test
  void aRefusedCaseIsOneWarningNamingTheFieldsAndNothingTyped() {
    String aware = WorkingDays.todayInEngland().minusDays(1).toString();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("incidentDate", Map.of("value", aware));
    variables.put("awareDate", Map.of("value", "2026-02-30"));
    variables.put("incidentType", Map.of("value", TYPED));
    variables.put("abuseOrNeglectSuspected", Map.of("value", true));
    variables.put("childStatus", Map.of("value", "NONE"));
    variables.put("childAge", Map.of("value", 7));
    variables.put("childReferences", Map.of("value", "LCS-LOG-1"));
    variables.put("agencies", Map.of("value", "police"));

    Http.Response refused = new Http(port).basicAuth("coordinator", "coordinator")
        .postJson("/engine-rest/process-definition/key/cspr-case/start", Map.of("variables", variables));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains(TYPED); // the person is told what was wrong
    assertThat(events(Level.ERROR)).extracting(RefusalLoggingTest::everything).isEmpty();
    assertThat(events(Level.WARN)).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly("Refused: The serious incident was not recorded (awareDate, incidentType)");
    assertThat(log.list).extracting(RefusalLoggingTest::everything).noneMatch(text -> text.contains(TYPED));
  }

  @Test
  void aMalformedRequestToAResponsePageIsAWarningToo() {
    Http.Response refused = new Http(port).header("Content-Type", "application/json")
        .postRaw("/respond/" + "A".repeat(43), "{\"variables\": " + TYPED);
    assertThat(refused.status()).isIn(400, 404);
    assertThat(events(Level.ERROR)).isEmpty();
    assertThat(log.list).extracting(RefusalLoggingTest::everything).noneMatch(text -> text.contains(TYPED));
  }
}
