package uk.cspr.identifying;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The details' store, and their retention. Scheduling is enabled here because the retention is its
 * only use: a daily check ({@code cspr.identity.retention-check}, a cron in England's time) rather
 * than a hook on Camunda's history cleanup, which has no public one and may be run by its batch
 * window or over REST; whichever removed a case, the next check forgets its details.
 * A day's delay is nothing against a retention of years. Every node checks; see
 * {@link IdentityRetention} for why that is safe.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdentifyingDetailsConfiguration {

  @Bean
  IdentifyingDetails identifyingDetails(DataSource dataSource, PlatformTransactionManager transactions,
      IdentityCipher cipher) {
    return new IdentifyingDetails(dataSource, new TransactionTemplate(transactions), cipher, engineClock());
  }

  /** Whether details are recorded, and who has seen them, in every case file; never the details. */
  @Bean
  IdentifyingDetailsInCaseFile identifyingDetailsInCaseFile(IdentifyingDetails identifyingDetails) {
    return new IdentifyingDetailsInCaseFile(identifyingDetails);
  }

  @Bean
  IdentityRetention identityRetention(IdentifyingDetails identifyingDetails, HistoryService history,
      RuntimeService runtime) {
    return new IdentityRetention(identifyingDetails, history, runtime);
  }

  /** The engine's clock, so a reading is dated as the case's own events are (tests move it). */
  static Clock engineClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneId.of("UTC");
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
      }
    };
  }
}
