package uk.cspr.engine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The production profile refuses to start without a database of its own. Without one, Spring Boot
 * quietly provides an in-memory H2 database, and every case recorded is gone at the next restart.
 * Checked before anything starts, so nothing is recorded that would be lost.
 */
public class ProductionDatabase implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of("production"))) {
      return;
    }
    String url = environment.getProperty("spring.datasource.url");
    if (url == null || url.isBlank()) {
      throw new IllegalStateException("The production profile needs a database: add the postgres profile "
          + "(--spring.profiles.active=production,postgres) and set CSPR_DB_URL, CSPR_DB_USER and CSPR_DB_PASSWORD. "
          + "Without one every case would be kept in memory and lost at the next restart.");
    }
    if (url.startsWith("jdbc:h2:mem:")) {
      throw new IllegalStateException("The production profile needs a database that outlives the application, not "
          + url + ": every case would be lost at the next restart. Use PostgreSQL (the postgres profile, CSPR_DB_URL).");
    }
  }
}
