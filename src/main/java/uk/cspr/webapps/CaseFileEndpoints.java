package uk.cspr.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.Attachment;
import org.springframework.http.ContentDisposition;
import org.springframework.web.context.support.WebApplicationContextUtils;
import uk.cspr.casefile.CaseFiles;
import uk.cspr.documents.CaseDocuments;

/**
 * The case file's door for Tasklist and Cockpit: the same service as {@code /api}, reached with
 * the webapp's own login and CSRF protection. Camunda lets any logged-in user call a plugin's
 * resources, so nothing here decides who sees what: {@link CaseFiles} does, as the user.
 */
public class CaseFileEndpoints {

  private final CaseFiles caseFiles;
  private final uk.cspr.reports.TimelinessReports reports;
  private final String partnershipName;
  private final PluginAnswers answers;
  private final String base;

  /** @param base this door's path, under which documents are opened */
  CaseFileEndpoints(ServletContext servletContext, String base) {
    var context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    this.caseFiles = context.getBean(CaseFiles.class);
    this.reports = context.getBean(uk.cspr.reports.TimelinessReports.class);
    this.partnershipName = context.getBean(uk.cspr.partnership.Partnership.class).name();
    this.answers = new PluginAnswers(context.getBean(ObjectMapper.class));
    this.base = base;
  }

  @GET
  @Path("tasks/{taskId}")
  public Response forTask(@PathParam("taskId") String taskId) {
    return answer(() -> json(caseFiles.forTask(taskId).withDocumentsUnder(base)));
  }

  @GET
  @Path("process-instances/{processInstanceId}")
  public Response forProcessInstance(@PathParam("processInstanceId") String processInstanceId) {
    return answer(() -> json(caseFiles.forProcessInstance(processInstanceId).withDocumentsUnder(base)));
  }

  @GET
  @Path("cases/{reference}")
  public Response file(@PathParam("reference") String reference) {
    return answer(() -> json(caseFiles.file(reference).withDocumentsUnder(base)));
  }

  @GET
  @Path("cases")
  public Response cases(@QueryParam("state") String state, @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return answer(() -> CaseFileViews.csv(format, accept)
        ? csv("cases.csv", Csv.of(CaseFileViews.CASE_COLUMNS, caseFiles.cases(state)))
        : json(caseFiles.cases(state)));
  }

  @GET
  @Path("deadlines")
  public Response deadlines(@QueryParam("state") String state, @QueryParam("format") String format,
      @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return answer(() -> CaseFileViews.csv(format, accept)
        ? csv("deadlines.csv", Csv.of(CaseFileViews.DEADLINE_COLUMNS, caseFiles.deadlines(state)))
        : json(caseFiles.deadlines(state)));
  }

  @GET
  @Path("reports/timeliness")
  public Response timeliness(@QueryParam("from") String from, @QueryParam("to") String to,
      @QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    return answer(() -> {
      var report = reports.report(from, to);
      return CaseFileViews.csv(format, accept) ? csv(ReportViews.csvName(report), ReportViews.csv(report)) : json(report);
    });
  }

  @GET
  @Path("reports/timeliness/chart.png")
  public Response timelinessChart(@QueryParam("from") String from, @QueryParam("to") String to) {
    return answer(() -> Response.ok(uk.cspr.reports.TimelinessChart.png(reports.report(from, to), partnershipName),
        "image/png").header(HttpHeaders.CACHE_CONTROL, "no-store").build());
  }

  @GET
  @Path("documents/{documentId}")
  public Response document(@PathParam("documentId") String documentId) {
    return answer(() -> {
      Attachment attachment = caseFiles.document(documentId);
      byte[] content = caseFiles.documentContent(attachment);
      return Response.ok(content, CaseDocuments.servedType(attachment, content))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
              .filename(attachment.getName() == null ? "document" : attachment.getName(), StandardCharsets.UTF_8).build().toString())
          .header("X-Content-Type-Options", "nosniff")
          .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    });
  }

  private Response answer(Supplier<Response> response) {
    return answers.answer(response);
  }

  private Response json(Object body) {
    return answers.json(body);
  }

  private static Response csv(String name, String body) {
    return Response.ok(body, "text/csv;charset=UTF-8")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").build();
  }
}
