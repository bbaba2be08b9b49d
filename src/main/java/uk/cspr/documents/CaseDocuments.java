package uk.cspr.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import uk.cspr.agency.AgencyDocuments;
import uk.cspr.agency.AgencyRequest;
import uk.cspr.agency.TasksTakingDocuments;
import uk.cspr.identity.Groups;

/**
 * The coordinators' view of the documents agencies sent for a case: list, download, and attach
 * one to an agency's task themselves. HTTP Basic (see SecurityConfiguration) with a Camunda user in
 * the coordinators (or administrators) group; an upload must also carry {@code X-Requested-By},
 * which a browser does not add to a cross-site form, so a page elsewhere cannot post with the
 * coordinator's credentials.
 */
@RestController
@RequestMapping("/api")
public class CaseDocuments {

  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final AgencyDocuments documents;
  private final List<TasksTakingDocuments> taking;

  CaseDocuments(TaskService taskService, HistoryService historyService, IdentityService identityService,
      AgencyDocuments documents, List<TasksTakingDocuments> taking) {
    this.taking = List.copyOf(taking);
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.documents = documents;
  }

  @GetMapping(path = "/cases/{caseReference}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> list(@PathVariable String caseReference, HttpServletRequest request) {
    ResponseEntity<?> denied = coordinator(request);
    if (denied != null) {
      return denied;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (HistoricTaskInstance task : agencyTasks(caseReference)) {
      Object agency = historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .variableName(AgencyRequest.AGENCY_NAME.name()).singleResult();
      for (Attachment a : taskService.getTaskAttachments(task.getId())) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", a.getId());
        d.put("name", a.getName());
        d.put("type", a.getType());
        d.put("description", a.getDescription());
        d.put("agency", agency == null ? null : ((org.camunda.bpm.engine.history.HistoricVariableInstance) agency).getValue());
        d.put("taskId", task.getId());
        d.put("addedAt", a.getCreateTime());
        d.put("download", "/api/cases/" + caseReference + "/documents/" + a.getId());
        list.add(d);
      }
    }
    return ResponseEntity.ok(list);
  }

  @GetMapping("/cases/{caseReference}/documents/{documentId}")
  ResponseEntity<?> download(@PathVariable String caseReference, @PathVariable String documentId,
      HttpServletRequest request) throws IOException {
    ResponseEntity<?> denied = coordinator(request);
    if (denied != null) {
      return denied;
    }
    Attachment attachment = taskService.getAttachment(documentId);
    boolean ofThisCase = attachment != null && agencyTasks(caseReference).stream()
        .anyMatch(t -> t.getId().equals(attachment.getTaskId()));
    if (!ofThisCase) {
      return message(404, "Case " + caseReference + " has no document " + documentId);
    }
    byte[] content;
    try (InputStream in = taskService.getAttachmentContent(documentId)) {
      content = in.readAllBytes();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(servedType(attachment, content)))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(attachment.getName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content);
  }

  /**
   * The type a document is served as: what its name and content are checked to be, never the type
   * it was stored with, which anyone attaching through the engine's own API may set to a web page.
   */
  public static String servedType(Attachment attachment, byte[] content) {
    try {
      return AgencyDocuments.typeOf(attachment.getName() == null ? "" : attachment.getName(), content);
    } catch (AgencyDocuments.RefusedDocument notADocument) {
      return MediaType.APPLICATION_OCTET_STREAM_VALUE;
    }
  }

  @PostMapping(path = "/tasks/{taskId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> attach(@PathVariable String taskId, @RequestParam("file") MultipartFile file,
      HttpServletRequest request) throws IOException {
    ResponseEntity<?> denied = coordinator(request);
    if (denied != null) {
      return denied;
    }
    if (request.getHeader("X-Requested-By") == null) {
      return message(400, "Send the header X-Requested-By with an upload");
    }
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || taking.stream().noneMatch(kind -> kind.includes(task))) {
      return message(404, "No open task " + taskId + " that takes documents (an agency's request, the reviewer's report)");
    }
    try {
      var document = documents.attach(task, file.getOriginalFilename(), file.getBytes(),
          AgencyDocuments.attachedBy(String.valueOf(request.getAttribute("cspr.user"))));
      return ResponseEntity.status(201).body(Map.of("id", document.id(), "name", document.name()));
    } catch (AgencyDocuments.RefusedDocument refused) {
      return message(refused.status, refused.getMessage());
    }
  }

  /** The case's tasks that take documents: its agencies' requests and its reviewer's reports. */
  private List<HistoricTaskInstance> agencyTasks(String caseReference) {
    return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseReference).list().stream()
        .filter(task -> taking.stream().anyMatch(kind -> kind.includes(task))).toList();
  }

  /**
   * Null when the caller (authenticated by the API's HTTP Basic filter) is a coordinator or an
   * administrator. Everything else then runs as that user, with the engine's authorization checks.
   */
  private ResponseEntity<?> coordinator(HttpServletRequest request) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null) {
      return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CSPR\"")
          .body(Map.of("message", "Log in as a coordinator"));
    }
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (!groups.contains(Groups.COORDINATORS) && !groups.contains(Groups.ADMINISTRATORS)) {
      return message(403, "Documents are for the partnership's coordinators");
    }
    request.setAttribute("cspr.user", caller.getUserId());
    return null;
  }

  private static ResponseEntity<?> message(int status, String message) {
    return ResponseEntity.status(status).body(Map.of("message", message));
  }
}
