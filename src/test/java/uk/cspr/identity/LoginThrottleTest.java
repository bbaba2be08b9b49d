package uk.cspr.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;

/**
 * Someone who knows a user id tries to lock that person out with wrong passwords, through the
 * login form and HTTP Basic: they are slowed down, and the real person, from their own address,
 * still logs in. (Addresses arrive as a proxy on the internal network sends them.)
 */
@CsprSpringTest
class LoginThrottleTest {

  static final String ATTACKER = "203.0.113.66";
  static final String REAL_USER = "198.51.100.7";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  Http from(String address) {
    return new Http(port).header("X-Forwarded-For", address);
  }

  @Test
  void wrongPasswordsSlowTheGuesserAndLockNobodyOut() {
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      answers.add(from(ATTACKER).loginToWebapp("tasklist", "housing-lead", "guess-" + i));
    }
    for (int i = 0; i < 12; i++) {
      answers.add(from(ATTACKER).basicAuth("housing-lead", "guess-" + i).get("/engine-rest/task").status());
    }
    // a few tries are answered, then the address waits: even the right password is not tried
    assertThat(answers.subList(0, LoginThrottle.FREE_FAILURES_PER_USER)).containsOnly(401);
    assertThat(answers.subList(LoginThrottle.FREE_FAILURES_PER_USER, answers.size())).containsOnly(429);
    Http.Response waiting = from(ATTACKER).basicAuth("housing-lead", "housing-lead").get("/engine-rest/task");
    assertThat(waiting.status()).isEqualTo(429);
    assertThat(waiting.json().path("message").asText()).startsWith("Too many failed logins from your address");

    // Camunda's own lock (for good, after ten) never came: the real person logs in, both ways
    assertThat(from(REAL_USER).loginToWebapp("tasklist", "housing-lead", "housing-lead")).isEqualTo(200);
    assertThat(from(REAL_USER).basicAuth("housing-lead", "housing-lead").get("/engine-rest/task").status())
        .isEqualTo(200);
    assertThat(engine.getIdentityService().checkPassword("housing-lead", "housing-lead")).isTrue();
  }

  @Test
  void tryingManyAccountsFromOneAddressIsSlowedToo() {
    String sprayer = "203.0.113.99";
    int refused = 0;
    for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS + 5; i++) {
      // a different made-up user each time: no single user's count grows
      if (from(sprayer).basicAuth("nobody-" + i, "guess").get("/engine-rest/task").status() == 429) {
        refused++;
      }
    }
    assertThat(refused).isPositive();
    assertThat(from(REAL_USER).basicAuth("coordinator", "coordinator").get("/engine-rest/task").status()).isEqualTo(200);
  }
}
