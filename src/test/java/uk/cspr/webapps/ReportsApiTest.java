package uk.cspr.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import uk.cspr.testing.CsprSpringTest;
import uk.cspr.testing.Http;

/** The timeliness report's door: who may read it, JSON, CSV for a spreadsheet and the chart as a PNG. */
@CsprSpringTest
class ReportsApiTest {

  static final String YEAR = "/api/reports/timeliness?from=2026-01-01&to=2026-12-31";

  @LocalServerPort int port;

  @Test
  void coordinatorsAndManagersReadItAndNobodyElse() {
    for (String reader : List.of("coordinator", "manager")) {
      Http.Response report = new Http(port).basicAuth(reader, reader).get(YEAR);
      assertThat(report.status()).as(reader).isEqualTo(200);
      assertThat(report.json().path("measures")).extracting(m -> m.path("key").asText())
          .containsExactly("notifications", "rapidReviews", "localReviews", "publications", "actions");
    }
    Http.Response nobody = new Http(port).get(YEAR);
    assertThat(nobody.status()).isEqualTo(401);
    assertThat(nobody.body()).doesNotContain("Exception");
    for (String notAReader : List.of("police-lead", "la-partner")) {
      Http.Response refused = new Http(port).basicAuth(notAReader, notAReader).get(YEAR);
      assertThat(refused.status()).as(notAReader).isEqualTo(403);
      assertThat(refused.json().path("message").asText())
          .isEqualTo("The timeliness report is for the partnership's coordinators and managers");
      // refused for who they are, however they ask
      Http.Response withoutAPeriod = new Http(port).basicAuth(notAReader, notAReader).get("/api/reports/timeliness");
      assertThat(withoutAPeriod.status()).as(notAReader).isEqualTo(403);
    }
  }

  @Test
  void aBadPeriodIsRefusedWithAMessage() {
    Http coordinator = new Http(port).basicAuth("coordinator", "coordinator");
    Http.Response refused = coordinator.get("/api/reports/timeliness?from=2026-13-01&to=2026-12-31");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText())
        .isEqualTo("The period's 'from' date (2026-13-01) is not a date like 2026-04-01");
    assertThat(coordinator.get("/api/reports/timeliness?to=2026-12-31").json().path("message").asText())
        .isEqualTo("Say the period's 'from' date, as 2026-04-01");
  }

  @Test
  void asCsvEachMeasureIsARowForTheYearAndForEachQuarterWithTheSameFiguresAsTheJson() {
    Http coordinator = new Http(port).basicAuth("coordinator", "coordinator");
    JsonNode json = coordinator.get(YEAR).json();
    Http.Response csv = coordinator.get(YEAR + "&format=csv");
    assertThat(csv.status()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("period,from,to,measure,name,deadline,count,onTime,shareOnTime,medianWorkingDays");
    assertThat(lines).hasSize(1 + 5 + 4 * 5);
    JsonNode notifications = json.path("measures").get(0);
    assertThat(lines.get(1)).startsWith("whole period,2026-01-01,2026-12-31,notifications,")
        .contains("," + notifications.path("count").asInt() + "," + notifications.path("onTime").asInt() + ",");
    assertThat(lines.get(6)).startsWith("January to March 2026,2026-01-01,2026-03-31,notifications,");
    assertThat(lines.get(lines.size() - 1)).startsWith("October to December 2026,2026-10-01,2026-12-31,actions,");
  }

  @Test
  void theChartIsAPng() throws Exception {
    var chart = new Http(port).basicAuth("manager", "manager").getBytes("/api/reports/timeliness/chart.png?from=2026-01-01&to=2026-12-31");
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.headers().firstValue("Content-Type")).hasValue("image/png");
    var image = ImageIO.read(new ByteArrayInputStream(chart.body()));
    assertThat(image.getWidth()).isEqualTo(1000);
    assertThat(image.getHeight()).isEqualTo(520);
  }
}
