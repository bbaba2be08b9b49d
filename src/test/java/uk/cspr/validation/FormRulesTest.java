package uk.cspr.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.cspr.testing.Workflow;

/** The forms' own rules, read from the forms the engine deploys: the only place they are written. */
class FormRulesTest {

  static FormSchema form(String name) throws Exception {
    return FormSchema.read(new FileInputStream("forms/" + name + ".form"));
  }

  @Test
  void anAgencysAnswersAreHeldToItsFormsRequiredFieldsAndLengths() throws Exception {
    FormSchema form = form("provide-agency-information");
    Map<String, Object> answers = new HashMap<>(Workflow.agencyAnswers());
    assertThat(FormRules.problems(form, answers::get)).isEmpty();

    answers.remove("keyPracticeEpisodes");
    answers.put("immediateSafeguardingConcerns", Workflow.longAnswer(20_001));
    answers.put("responderRole", "  ");
    answers.put("inequalitiesConsidered", null); // not required
    assertThat(FormRules.problems(form, answers::get)).containsExactly(
        new Problem("keyPracticeEpisodes", "Analysis of key practice episodes is required"),
        new Problem("immediateSafeguardingConcerns", "Immediate safeguarding concerns is longer than 20000 characters"),
        new Problem("responderRole", "Your role is required"));
  }

  @Test
  void aChoiceMustBeOneTheFormOffersAndAConditionalFieldIsNotRequiredHere() throws Exception {
    FormSchema form = form("manage-agency-request");
    assertThat(FormRules.problems(form, Map.<String, Object>of("requestAction", "POSTPONE", "changeReason", "x")::get))
        .containsExactly(new Problem("requestAction", "The answer to “What do you want to do?” is not one of the answers "
            + "offered: 'POSTPONE' (they are EXTEND or WITHDRAW)"));
    // the new due date is shown only for an extension: its Java check decides whether it is there
    assertThat(FormRules.problems(form, Map.<String, Object>of("requestAction", "EXTEND", "changeReason", "x")::get))
        .isEmpty();
  }

  @Test
  void aRequiredTickMustBeTicked() throws Exception {
    FormSchema form = form("notify-panel");
    // shown only where DfE and Ofsted must be told: required then, by the notification's Java check
    assertThat(form.fields()).anySatisfy(f -> {
      assertThat(f.key()).isEqualTo("dfeAndOfstedCovered");
      assertThat(f.conditional()).isTrue();
    });
  }
}
