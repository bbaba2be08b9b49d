package uk.cspr.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

  @Bean
  IdentitySeeder identitySeeder(Environment environment) {
    return new IdentitySeeder(environment.acceptsProfiles(Profiles.of("demo")));
  }
}
