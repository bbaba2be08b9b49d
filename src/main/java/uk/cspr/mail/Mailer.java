package uk.cspr.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import uk.cspr.partnership.Partnership;

/** Sends one mail, plain text with an HTML alternative, under the Message-ID it is given. */
public class Mailer {

  private final JavaMailSender sender;
  private final Partnership partnership;

  public Mailer(JavaMailSender sender, Partnership partnership) {
    this.sender = sender;
    this.partnership = partnership;
  }

  /**
   * @param messageId without angle brackets; the same for every attempt at the same mail, so a
   *     repeat after a failure (delivery is at least once) is recognisable as the same message
   */
  public void send(String messageId, List<String> to, MailTemplates.Rendered mail) {
    try {
      MimeMessage message = new StableIdMessage(messageId);
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(partnership.coordinatorsEmail(), partnership.name());
      helper.setReplyTo(partnership.coordinatorsEmail());
      helper.setTo(to.toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      sender.send(message);
    } catch (MessagingException | java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException("Cannot compose mail " + messageId, e);
    }
  }

  /** Keeps its Message-ID when saved, where JavaMail would make a new one each time. */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(String messageId) {
      super((Session) null);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + messageId + ">");
    }
  }
}
