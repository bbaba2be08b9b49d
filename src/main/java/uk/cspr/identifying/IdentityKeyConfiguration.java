package uk.cspr.identifying;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The one cipher for children's identifying details: a missing or malformed key stops start-up. */
@Configuration(proxyBeanMethods = false)
class IdentityKeyConfiguration {

  @Bean
  IdentityCipher identityCipher(IdentityKeyProperties properties, Environment environment) {
    return IdentityKeys.cipher(properties, environment.acceptsProfiles(Profiles.of("production")));
  }
}
