package uk.cspr.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import uk.cspr.casefile.CaseFile;
import uk.cspr.casefile.CaseFileContribution;
import uk.cspr.casefile.CaseFileDraft;
import uk.cspr.casefile.CaseHistory;
import uk.cspr.casefile.Facts;

/**
 * The notification's part of the case file: who was told, when, with which references, and its
 * deadlines (the Panel and the partners, or DfE and Ofsted), all due on the fifth working day.
 */
class NotificationInCaseFile implements CaseFileContribution {

  @Override
  public void contribute(CaseHistory history, CaseFileDraft file) {
    for (HistoricProcessInstance notification : history.instancesOf(Notification.KEY)) {
      Map<String, Object> v = history.variables(notification.getId());
      String route = Notification.NOTIFICATION_ROUTE.from(v).orElse("");
      LocalDate due = Notification.NOTIFICATION_DUE.from(v).orElse(null);
      boolean panel = route.equals(NotificationRoute.PANEL.name());
      String stage = panel ? "Notification to the Panel" : "Notification to DfE and Ofsted";
      file.stageName(notification.getId(), stage);

      Facts facts = new Facts().date("notificationDue", "Due", due);
      if (panel) {
        facts.text(Notification.PANEL_NOTIFICATION_REFERENCE.name(), "Panel notification reference",
                Notification.PANEL_NOTIFICATION_REFERENCE.from(v).orElse(null))
            .date(Notification.NOTIFIED_ON.name(), "The Panel notified on", Notification.NOTIFIED_ON.from(v).orElse(null))
            .date(Notification.PARTNERS_TOLD_ON.name(), "The safeguarding partners told on",
                Notification.PARTNERS_TOLD_ON.from(v).orElse(null))
            .flag(Notification.DFE_AND_OFSTED_COVERED.name(), "The notification reached DfE and Ofsted",
                Notification.DFE_AND_OFSTED_COVERED.from(v).orElse(null));
      } else {
        facts.date(Notification.DFE_AND_OFSTED_NOTIFIED_ON.name(), "DfE and Ofsted notified on",
                Notification.DFE_AND_OFSTED_NOTIFIED_ON.from(v).orElse(null))
            .text(Notification.OFSTED_NOTIFICATION_REFERENCE.name(), "Ofsted notification reference",
                Notification.OFSTED_NOTIFICATION_REFERENCE.from(v).orElse(null));
      }
      facts.flag(Notification.NOTIFICATION_ON_TIME.name(), "Within 5 working days",
              Notification.NOTIFICATION_ON_TIME.from(v).orElse(null))
          .text(Notification.NOTIFICATION_DELAY_REASON.name(), "Why it was late",
              Notification.NOTIFICATION_DELAY_REASON.from(v).orElse(null));

      boolean done = !CaseHistory.isOpen(notification);
      file.section(new CaseFile.Section(notification.getId(), "notification", stage,
          done ? "Done" : "Waiting", null, facts.list(), List.of(), List.of(), notification.getId()));

      if (due == null) {
        continue;
      }
      if (panel) {
        file.deadline(Notification.TASK_NOTIFY_PANEL, "Notify the Panel", stage, due, notification.getId())
            .met(Notification.NOTIFIED_ON.from(v).orElse(null));
        file.deadline(Notification.TASK_CONFIRM_PARTNERS_TOLD, "Tell the local safeguarding partners", stage, due,
            notification.getId()).met(Notification.PARTNERS_TOLD_ON.from(v).orElse(null));
      } else {
        file.deadline(Notification.TASK_NOTIFY_DFE_AND_OFSTED, "Notify DfE and Ofsted", stage, due, notification.getId())
            .met(Notification.DFE_AND_OFSTED_NOTIFIED_ON.from(v).orElse(null));
      }
    }
  }
}
