package uk.cspr.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

/**
 * One way in to the engine: its REST API ({@code /engine-rest}, HTTP Basic) or the copy Tasklist
 * talks to ({@code /camunda/api/engine}, the Tasklist session). What a person may do must not
 * depend on which they use, so write-path tests try both.
 */
public record EngineDoor(String name, String root, boolean tasklistSession) {

  public static final EngineDoor REST_API = new EngineDoor("REST API", "/engine-rest", false);
  public static final EngineDoor TASKLIST_API = new EngineDoor("Tasklist API", "/camunda/api/engine/engine/default", true);

  public static Stream<EngineDoor> both() {
    return Stream.of(REST_API, TASKLIST_API);
  }

  /** A client logged in as this user (password = user id, as the demo people have) at this door. */
  public Http as(int port, String user) {
    Http http = new Http(port);
    if (tasklistSession) {
      assertThat(http.loginToWebapp("tasklist", user, user)).isEqualTo(200);
    } else {
      http.basicAuth(user, user);
    }
    return http;
  }

  @Override
  public String toString() {
    return name;
  }
}
