package uk.cspr.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates();

  private static Map<String, String> reminderModel() {
    Map<String, String> model = new HashMap<>();
    model.put("caseReference", "CSPR-2026-0042");
    model.put("agencyName", "Police <Area> & Co");
    model.put("dueDate", "Wednesday 9 December 2026");
    model.put("responseLink", "https://cspr.example/respond/abc");
    model.put("partnershipName", "Northshire Safeguarding Children Partnership");
    model.put("coordinatorsEmail", "coordinators@example.org");
    model.put("coordinatorsPhone", "01234 567890");
    model.put("tasklistTaskUrl", "https://cspr.example/camunda/app/tasklist/#/?task=1");
    return model;
  }

  @Test
  void a_mail_with_a_value_missing_is_not_rendered_with_a_blank() {
    Map<String, String> model = reminderModel();
    model.remove("dueDate");

    assertThatThrownBy(() -> templates.render("agency-reminder", model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("agency-reminder")
        .hasMessageContaining("dueDate");
  }

  @Test
  void the_text_is_plain_and_the_html_escapes_what_came_from_a_person() {
    MailTemplates.Rendered mail = templates.render("agency-reminder", reminderModel());

    assertThat(mail.subject()).contains("CSPR-2026-0042");
    assertThat(mail.text()).contains("Wednesday 9 December 2026", "Police <Area> & Co").doesNotContain("{{");
    assertThat(mail.html()).contains("<a href=\"https://cspr.example/respond/abc\">")
        .contains("Northshire Safeguarding Children Partnership", "Police &lt;Area&gt; &amp; Co").doesNotContain("<Area>");
  }
}
