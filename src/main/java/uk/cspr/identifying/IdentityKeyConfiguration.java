package uk.cspr.identifying;

import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one cipher for children's identifying details. It is handed out only once its keys are known
 * to be the ones the details were sealed with and every record is sealed with the current key, so
 * nothing ever reads with a wrong key, nor seals before the check: a bad key stops start-up.
 */
@Configuration(proxyBeanMethods = false)
class IdentityKeyConfiguration {

  @Bean
  @DependsOnDatabaseInitialization // the key check and the details are in Flyway's tables
  IdentityCipher identityCipher(IdentityKeyProperties properties, Environment environment, DataSource dataSource) {
    IdentityCipher cipher = IdentityKeys.cipher(properties, environment.acceptsProfiles(Profiles.of("production")));
    new IdentityKeyCheck(dataSource).check(cipher, !properties.keyGiven());
    new IdentityKeyRotation(dataSource).sealAgainWithTheCurrentKey(cipher);
    return cipher;
  }
}
