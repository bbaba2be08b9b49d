package uk.cspr.mail;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import uk.cspr.partnership.Partnership;

/** Mail from BPMN: {@code ${mailDelegate}}, and what it renders and sends with. */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

  @Bean
  MailTemplates mailTemplates() {
    return new MailTemplates();
  }

  @Bean
  Mailer mailer(JavaMailSender sender, Partnership partnership) {
    return new Mailer(sender, partnership);
  }

  @Bean
  MailDelegate mailDelegate(Mailer mailer, MailTemplates templates, IdentityService identityService,
      Partnership partnership, List<MailContribution> contributions) {
    return new MailDelegate(mailer, templates, identityService, partnership, contributions);
  }
}
