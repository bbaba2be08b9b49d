package uk.cspr.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail templates in {@code src/main/resources/mail/}: {@code <name>.txt} holds a first line
 * {@code Subject: …}, a blank line, then the plain-text body; the HTML body is the plain text set
 * into {@code layout.html}, paragraph by paragraph, escaped, with its links made clickable. One
 * wording, two bodies, so they never disagree.
 *
 * <p>Mustache ({@code {{name}}}) fills them from the model; a name without a value is an error, so a
 * mail never goes out with a blank where a date or a reference should be.
 */
public class MailTemplates {

  private static final Pattern LINK = Pattern.compile("(https?://[^\\s<]+)");
  /** Mail text is plain: nothing escaped; a name without a value fails the mail. */
  private static final Mustache.Compiler TEXT = Mustache.compiler().escapeHTML(false).strictSections(true);
  private static final Mustache.Compiler HTML = Mustache.compiler().strictSections(true);

  public record Rendered(String subject, String text, String html) {}

  public Rendered render(String name, Map<String, String> model) {
    String template = load(name + ".txt");
    int split = template.indexOf("\n\n");
    if (!template.startsWith("Subject: ") || split < 0) {
      throw new IllegalStateException("Mail template " + name + " must start with 'Subject: …' and a blank line");
    }
    String subject = fill(name, template.substring("Subject: ".length(), split).trim(), model);
    String text = fill(name, template.substring(split + 2), model);
    return new Rendered(subject, text, html(subject, text, model));
  }

  private static String html(String subject, String text, Map<String, String> model) {
    StringBuilder paragraphs = new StringBuilder();
    for (String paragraph : text.trim().split("\n\\s*\n")) {
      String escaped = HtmlUtils.htmlEscape(paragraph.trim()).replace("\n", "<br>\n");
      paragraphs.append("<p>").append(LINK.matcher(escaped).replaceAll("<a href=\"$1\">$1</a>")).append("</p>\n");
    }
    return HTML.compile(load("layout.html")).execute(Map.of("subject", subject,
        "partnershipName", model.getOrDefault("partnershipName", ""), "body", paragraphs.toString()));
  }

  private static String fill(String name, String text, Map<String, String> model) {
    try {
      return TEXT.compile(text).execute(model);
    } catch (MustacheException e) {
      throw new IllegalStateException("Mail template " + name + " has a value missing: " + e.getMessage(), e);
    }
  }

  private static String load(String file) {
    try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + file)) {
      if (in == null) {
        throw new IllegalStateException("No mail template " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
