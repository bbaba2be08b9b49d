package uk.cspr.publication;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import uk.cspr.calendar.UkDates;
import uk.cspr.mail.MailContribution;
import uk.cspr.timescales.Timescales;

/** What the publication's mails to the coordinators say: its dates in words, and what is published. */
class PublicationMail implements MailContribution {

  private final Timescales timescales;

  PublicationMail(Timescales timescales) {
    this.timescales = timescales;
  }

  @Override
  public boolean appliesTo(DelegateExecution execution) {
    return MailContribution.sentBy(execution, Publication.KEY);
  }

  @Override
  public void contribute(DelegateExecution execution, Map<String, String> model, List<String> addresses) {
    model.put("prePublicationNoticeWorkingDays", String.valueOf(timescales.prePublicationNoticeWorkingDays()));
    Publication.TYPE.from(execution).ifPresent(type -> model.put("whatIsPublished", PublicationAnswers.whatIsPublished(type)));
    Publication.HELD_UNTIL.from(execution).ifPresent(day -> model.put("publicationHeldUntil", UkDates.longDate(day)));
    Publication.SENT_ON.from(execution).ifPresent(day -> model.put("finalReportSentOn", UkDates.longDate(day)));
    Publication.EARLIEST.from(execution).ifPresent(day -> model.put("earliestPublicationDate", UkDates.longDate(day)));
    Publication.PLANNED_ON.from(execution).ifPresent(day -> model.put("plannedPublicationOn", UkDates.longDate(day)));
    Publication.PUBLISHED_ON.from(execution).ifPresent(day -> model.put("publishedOn", UkDates.longDate(day)));
    Publication.URL.from(execution).ifPresent(url -> model.put("publicationUrl", url));
  }
}
