package uk.cspr.identifying;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One installation's database, with the application's migrations, started again and again with
 * the keys an operator gives it; read directly, as anyone holding a copy of the database would.
 */
final class Installation {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(IdentityKeyProperties.class)
  @Import(IdentityKeyConfiguration.class)
  static class KeysOnly {}

  final DataSource dataSource = new DriverManagerDataSource(
      "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
  final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

  Installation() {
    Flyway.configure().dataSource(dataSource).baselineOnMigrate(true).baselineVersion("0").load().migrate();
  }

  /** A start with these properties, e.g. {@code cspr.identity.key=…}. */
  ApplicationContextRunner startingWith(String... properties) {
    return new ApplicationContextRunner().withUserConfiguration(KeysOnly.class)
        .withBean(DataSource.class, () -> dataSource).withPropertyValues(properties);
  }
}
