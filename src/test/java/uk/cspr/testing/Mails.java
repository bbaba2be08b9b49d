package uk.cspr.testing;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** Reading what the SMTP server received, without checked exceptions in every assertion. */
public final class Mails {

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> recipients(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> recipients(List<MimeMessage> messages) {
    return messages.stream().flatMap(m -> recipients(m).stream()).toList();
  }

  public static String plainText(MimeMessage message) {
    return part(message, "text/plain");
  }

  public static String html(MimeMessage message) {
    return part(message, "text/html");
  }

  private static String part(MimeMessage message, String type) {
    try {
      if (message.getContent() instanceof Multipart multipart) {
        return find(multipart, type);
      }
      return GreenMailUtil.getBody(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Multipart multipart, String type) throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.isMimeType(type)) {
        return part.getContent().toString();
      }
      if (part.getContent() instanceof Multipart nested) {
        String found = find(nested, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private Mails() {}
}
