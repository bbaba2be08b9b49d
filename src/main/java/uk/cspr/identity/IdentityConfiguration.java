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
