package uk.cspr.identifying;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
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
