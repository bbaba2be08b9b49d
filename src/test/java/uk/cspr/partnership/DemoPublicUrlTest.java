package uk.cspr.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** The demo run on another port mails links to that port, not to 8080 where nothing answers. */
class DemoPublicUrlTest {

  String publicUrlWith(Map<String, Object> commandLine) throws Exception {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("command line", commandLine));
    new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    return environment.getProperty("cspr.partnership.public-url");
  }

  @Test
  void theDemosLinksFollowThePortItRunsOn() throws Exception {
    assertThat(publicUrlWith(Map.of())).isEqualTo("http://localhost:8080");
    assertThat(publicUrlWith(Map.of("server.port", "8091"))).isEqualTo("http://localhost:8091");
  }
}
