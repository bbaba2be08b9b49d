package uk.cspr.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

  @Bean
  IdentitySeeder identitySeeder(Environment environment) {
    return new IdentitySeeder(environment.acceptsProfiles(Profiles.of("demo")));
  }

  @Bean
  AccessSeeder accessSeeder() {
    return new AccessSeeder();
  }

  /**
   * Camunda's login throttling counts failures per user and locks the account for good after ten:
   * a denial of service for anyone who knows a user id. {@link LoginThrottle} slows the guesser's
   * address instead; the engine's own delay and lock are turned off.
   */
  @Bean
  org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin noLockOutByFailedLogins() {
    return new org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin() {
      @Override
      public void preInit(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
      }
    };
  }

  @Bean
  TaskActionGuard taskActionGuard() {
    return new TaskActionGuard();
  }

  @Bean
  @Profile("!demo")
  FirstAdministrator firstAdministrator(Environment environment) {
    return new FirstAdministrator(environment.getProperty("CSPR_ADMIN_USER"),
        environment.getProperty("CSPR_ADMIN_PASSWORD"), environment.getProperty("CSPR_ADMIN_EMAIL"));
  }
}
