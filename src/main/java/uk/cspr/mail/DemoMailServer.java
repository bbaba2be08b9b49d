package uk.cspr.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The demo's own SMTP server (GreenMail): it accepts every message and keeps it, so a newcomer can
 * read what the agencies and coordinators would receive. Only in the {@code demo} profile; any
 * other profile sends through the SMTP server named in {@code spring.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoMailServer {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail demoSmtpServer(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
    return new GreenMail(new ServerSetup(port, host, ServerSetup.PROTOCOL_SMTP));
  }
}
