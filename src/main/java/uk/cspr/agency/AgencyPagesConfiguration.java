package uk.cspr.agency;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.identifying.IdentifyingDetails;

/**
 * What the agency's pages need beyond the request's process: the children's identifying details,
 * which live in the application's database, not the engine, so a plain engine's tests go without.
 */
@Configuration(proxyBeanMethods = false)
class AgencyPagesConfiguration {

  @Bean
  RequestIdentities requestIdentities(IdentifyingDetails details, ProcessEngine engine) {
    return new RequestIdentities(details, engine.getRuntimeService());
  }
}
