package uk.cspr.mail;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.samskivert.mustache.Mustache;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStreamReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The demo's mailbox: every message the demo's SMTP server received, newest first, as JSON at
 * {@code GET /dev/mailbox} and as a page at {@code /dev/mailbox.html}, so a newcomer can read what
 * an agency or a coordinator would receive, and follow its links. Only in the {@code demo}
 * profile: it shows everyone's mail to anyone.
 */
@RestController
@Profile("demo")
class DemoMailbox {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  record Mail(String messageId, List<String> to, String subject, String text, Instant sentAt, List<String> links) {}

  /** "Wednesday 9 December 2026, 14:05", in England. */
  private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
      .ofPattern("EEEE d MMMM yyyy, HH:mm", java.util.Locale.UK).withZone(java.time.ZoneId.of("Europe/London"));

  private final GreenMail smtp;
  /** The server keeps mail in memory: what it shows is what was sent since then. */
  private final Instant keptSince = Instant.now();

  DemoMailbox(GreenMail smtp) {
    this.smtp = smtp;
  }

  @GetMapping(path = "/dev/mailbox", produces = MediaType.APPLICATION_JSON_VALUE)
  List<Mail> mailbox() throws MessagingException, IOException {
    // the server keeps a copy per recipient: one entry per message
    Map<String, Mail> messages = new LinkedHashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String id = message.getMessageID();
      if (!messages.containsKey(id)) {
        String text = plainText(message);
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
          links.add(m.group());
        }
        messages.put(id, new Mail(id,
            Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList(),
            message.getSubject(), text,
            message.getSentDate() == null ? null : message.getSentDate().toInstant(), links));
      }
    }
    List<Mail> newestFirst = new ArrayList<>(messages.values());
    newestFirst.sort(Comparator.comparing(Mail::sentAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return newestFirst;
  }

  @GetMapping(path = "/dev/mailbox.html", produces = MediaType.TEXT_HTML_VALUE)
  String page() throws MessagingException, IOException {
    List<Map<String, String>> mails = new ArrayList<>();
    for (Mail mail : mailbox()) {
      // the text escaped, then its links made clickable: the one part of the page left raw ({{{body}}})
      String body = LINK.matcher(HtmlUtils.htmlEscape(mail.text()))
          .replaceAll(r -> "<a href=\"" + r.group() + "\">" + r.group() + "</a>");
      mails.add(Map.of("subject", mail.subject(), "to", String.join(", ", mail.to()),
          "sentAt", mail.sentAt() == null ? "" : WHEN.format(mail.sentAt()), "body", body));
    }
    try (var page = new InputStreamReader(DemoMailbox.class.getResourceAsStream("/mail/mailbox.html"), UTF_8)) {
      return Mustache.compiler().strictSections(true).compile(page)
          .execute(Map.of("mails", mails, "keptSince", WHEN.format(keptSince)));
    }
  }

  private static String plainText(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
      return null;
    }
    return part instanceof MimeMessage message ? GreenMailUtil.getBody(message) : null;
  }
}
