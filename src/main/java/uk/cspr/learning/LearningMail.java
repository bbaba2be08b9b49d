package uk.cspr.learning;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.UkDates;
import uk.cspr.mail.MailContribution;

/** What the learning stage's mails say: the action a late-action mail is about, and what happens next. */
class LearningMail implements MailContribution {

  @Override
  public boolean appliesTo(DelegateExecution execution) {
    return MailContribution.sentBy(execution, Learning.KEY);
  }

  @Override
  public void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses) {
    Learning.LEARNING_FROM_IN_WORDS.from(execution).ifPresent(from -> model.put("learningFrom", from));
    Learning.ACTION_NUMBER.from(execution).flatMap(n -> Learning.action(n).from(execution)).ifPresent(record -> {
      String owner = LearningAnswers.text(record, "owner");
      String expected = LearningAnswers.text(record, "expectedOn");
      model.put("actionNumber", LearningAnswers.text(record, "number"));
      model.put("actionDescription", LearningAnswers.text(record, "description"));
      model.put("actionOwner", LearningAnswers.ownerName(owner));
      model.put("actionDue", UkDates.longDate(LocalDate.parse(expected.isEmpty() ? LearningAnswers.text(record, "dueOn") : expected)));
      model.put("whatNext", Learning.OWNER_PARTNERS.equals(owner)
          ? "The coordinators record its evidence in Tasklist (Record evidence of action " + LearningAnswers.text(record, "number")
              + "), or the day it will now be complete, or the partners' reason for closing it."
          : LearningAnswers.ownerName(owner) + " and the coordinators have been told its evidence is overdue. The coordinators "
              + "can give the agency more time, or close the action with the partners' reason, from the request's Track task "
              + "in Tasklist.");
    });
  }
}
