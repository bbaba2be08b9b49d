package uk.cspr.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Plain-text mail templates in {@code src/main/resources/mail/<name>.txt}: a first line
 * {@code Subject: …}, a blank line, then the body. {@code {{name}}} is replaced from the model;
 * an unknown name is an error, so a template cannot silently print a blank.
 */
@Component
public class MailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  public record Rendered(String subject, String text) {}

  public Rendered render(String name, Map<String, String> model) {
    String template = load(name);
    int split = template.indexOf("\n\n");
    if (!template.startsWith("Subject: ") || split < 0) {
      throw new IllegalStateException("Mail template " + name + " must start with 'Subject: …' and a blank line");
    }
    return new Rendered(fill(name, template.substring("Subject: ".length(), split).trim(), model),
        fill(name, template.substring(split + 2), model));
  }

  private static String fill(String name, String text, Map<String, String> model) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = model.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("Mail template " + name + " uses {{" + m.group(1) + "}}, which has no value");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static String load(String name) {
    try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + name + ".txt")) {
      if (in == null) {
        throw new IllegalStateException("No mail template named " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
