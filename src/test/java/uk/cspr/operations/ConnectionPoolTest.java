package uk.cspr.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.testing.CsprSpringTest;

/**
 * A mail job holds its transaction's connection and takes a second for its response link (ResponseLinks, a
 * transaction of its own). With as many job threads as pooled connections, every thread held one and waited
 * for another until all timed out: bench/'s TimerLatencyBenchmark found it on PostgreSQL with the defaults
 * (10 and 10). The settings that keep clear of it, as the application runs.
 */
@CsprSpringTest
class ConnectionPoolTest {

  @Autowired
  DataSource dataSource;

  /** The job executor's settings (the tests switch the executor itself off). */
  @Autowired
  CamundaBpmProperties camunda;

  @Test
  void everyJobThreadCanHoldTwoConnectionsAndTheWebStillHasSome() throws Exception {
    int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
    int threads = camunda.getJobExecution().getMaxPoolSize();
    assertThat(threads).as("job threads at most").isEqualTo(5);
    assertThat(connections).as("pooled connections").isGreaterThanOrEqualTo(2 * threads + 10);
  }
}
