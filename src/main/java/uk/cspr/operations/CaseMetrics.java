package uk.cspr.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.cases.CaseProcess;
import uk.cspr.identity.Groups;

/**
 * What a manager or an operator watches, for Prometheus: open cases and where they are, deadlines
 * missed, agency requests waiting, jobs that failed and incidents. Read from the engine at most once
 * per {@code cspr.metrics.refresh-every} (30 seconds), however often it is scraped, since the missed
 * deadlines come from every open case's file.
 */
public class CaseMetrics implements MeterBinder {

  /** The stages a case can be in, as Prometheus tags, each with the process that is that stage. */
  static final Map<String, String> STAGES = stages();

  private static Map<String, String> stages() {
    Map<String, String> stages = new LinkedHashMap<>();
    stages.put("notification", "cspr-notification");
    stages.put("rapid-review", "cspr-rapid-review");
    stages.put("panel-decision", "cspr-panel-decision");
    stages.put("local-review", "cspr-local-review");
    stages.put("national-review", null); // a subprocess of the case itself
    stages.put("publication", "cspr-publication");
    stages.put("learning", "cspr-learning");
    return stages;
  }

  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private final CaseFiles caseFiles;
  private final Duration refreshEvery;
  private volatile Snapshot snapshot;

  public CaseMetrics(RuntimeService runtime, ManagementService management, IdentityService identity,
      CaseFiles caseFiles, Duration refreshEvery) {
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
    this.caseFiles = caseFiles;
    this.refreshEvery = refreshEvery;
  }

  record Snapshot(long takenAt, long openCases, Map<String, Long> byStage, long overdueDeadlines,
      long openAgencyRequests, long failedJobs, long retryingJobs, long openIncidents) {}

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(registry, "cspr.cases.open", "Cases not yet closed", Snapshot::openCases);
    for (String stage : STAGES.keySet()) {
      Gauge.builder("cspr.cases.in.stage", this, m -> m.current().byStage().get(stage))
          .description("Open cases in this stage (a case in publication and learning side by side counts in each)")
          .tag("stage", stage).register(registry);
    }
    gauge(registry, "cspr.deadlines.overdue", "Statutory deadlines of open cases that have passed unmet",
        Snapshot::overdueDeadlines);
    gauge(registry, "cspr.agency.requests.open", "Agency requests not yet answered or withdrawn",
        Snapshot::openAgencyRequests);
    gauge(registry, "cspr.jobs.failed", "Jobs with no tries left: each is an incident in Cockpit", Snapshot::failedJobs);
    gauge(registry, "cspr.jobs.retrying", "Jobs that failed and will be tried again (a mail server down)",
        Snapshot::retryingJobs);
    gauge(registry, "cspr.incidents.open", "Open incidents in Cockpit, each failure once", Snapshot::openIncidents);
  }

  private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.current())).description(description).register(registry);
  }

  Snapshot current() {
    Snapshot last = snapshot;
    if (last == null || System.nanoTime() - last.takenAt() >= refreshEvery.toNanos()) {
      synchronized (this) {
        last = snapshot;
        if (last == null || System.nanoTime() - last.takenAt() >= refreshEvery.toNanos()) {
          snapshot = last = take();
        }
      }
    }
    return last;
  }

  private Snapshot take() {
    Authentication before = identity.getCurrentAuthentication();
    try {
      // the counts as the engine holds them, not as one person may see them
      identity.clearAuthentication();
      Map<String, Long> byStage = new LinkedHashMap<>();
      STAGES.forEach((stage, process) -> byStage.put(stage, process == null
          ? runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY)
              .activityIdIn(CaseProcess.SUBPROCESS_SUPPORT_NATIONAL_REVIEW).count()
          : runtime.createProcessInstanceQuery().processDefinitionKey(process).count()));
      long openCases = runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).count();
      long openRequests = runtime.createProcessInstanceQuery().processDefinitionKey(AgencyRequest.KEY).count();
      long failed = management.createJobQuery().noRetriesLeft().count();
      long retrying = management.createJobQuery().withException().withRetriesLeft().count();
      // each failure once: Cockpit also shows it on every process that called the one that failed
      long incidents = runtime.createIncidentQuery().list().stream()
          .filter(i -> i.getId().equals(i.getRootCauseIncidentId())).count();
      // the deadlines as a manager reads them: every open case's file
      identity.setAuthentication("cspr-metrics", List.of(Groups.MANAGERS));
      long overdue = caseFiles.deadlines("open").stream()
          .filter(d -> d.workingDaysLeft() != null && d.workingDaysLeft() < 0).count();
      return new Snapshot(System.nanoTime(), openCases, byStage, overdue, openRequests, failed, retrying, incidents);
    } finally {
      if (before == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(before);
      }
    }
  }
}
