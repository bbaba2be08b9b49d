package uk.cspr.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;
import org.springframework.web.context.support.WebApplicationContextUtils;
import uk.cspr.agency.AgencyDocuments;
import uk.cspr.agency.RequestDocuments;

/**
 * {@code …/plugin/cspr-case-file/{engine}/tasks/{taskId}/documents}: the documents of an agency
 * request, for whoever answers it in Tasklist, with the webapp's login and CSRF protection. List
 * (GET), attach one (POST, {@code multipart/form-data}, the file in the part {@code file}) and
 * remove one attached oneself (DELETE {@code …/documents/{documentId}}). {@link RequestDocuments}
 * decides, as the logged-in person, whether they may.
 */
public class TaskDocumentEndpoints {

  /** Room for a multipart body's boundaries and headers around the largest document taken. */
  private static final long ENVELOPE = 64 * 1024;
  /** How much of a body too large is read and dropped, so the browser reads the refusal rather than a reset. */
  private static final long DRAINED_AT_MOST = 64L * 1024 * 1024;

  private final RequestDocuments documents;
  private final PluginAnswers answers;
  private final String taskId;
  private final String base;

  /** @param base the plugin's path for this engine, under which documents are downloaded */
  TaskDocumentEndpoints(ServletContext servletContext, String base, String taskId) {
    var context = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    this.documents = context.getBean(RequestDocuments.class);
    this.answers = new PluginAnswers(context.getBean(ObjectMapper.class));
    this.base = base;
    this.taskId = taskId;
  }

  @GET
  public Response list() {
    return answers.answer(() -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("documents", documents.list(taskId).stream().map(this::shown).toList());
      body.put("maxDocumentSize", documents.largest());
      return answers.json(body);
    });
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response attach(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
    return answers.answer(() -> {
      MultipartFormData.FormPart file = file(contentType, body);
      if (file == null || file.getFileName() == null || file.getFileName().isBlank()) {
        return answers.message(400, "Choose a document to attach.");
      }
      AgencyDocuments.Document document = documents.attach(taskId, file.getFileName(), file.getBinaryContent());
      return answers.json(201, Map.of("id", document.id(), "name", document.name(),
          "message", document.name() + " is attached. It is kept with the case and goes to the partnership with "
              + "your answers."));
    });
  }

  @DELETE
  @Path("{documentId}")
  public Response remove(@PathParam("documentId") String documentId) {
    return answers.answer(() -> {
      String name = documents.remove(taskId, documentId);
      return answers.json(Map.of("message", name + " is removed from this request."));
    });
  }

  private Map<String, Object> shown(RequestDocuments.Listed listed) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("id", listed.document().id());
    shown.put("name", listed.document().name());
    shown.put("addedAt", listed.document().addedAt());
    shown.put("removable", listed.removable());
    shown.put("download", base + "documents/" + listed.document().id());
    return shown;
  }

  /**
   * The part {@code file} of the upload, read with Camunda's own multipart reader (as the engine's
   * REST API reads a deployment), but only once the body is known to be no larger than a document
   * may be: the reader itself would hold any size in memory.
   */
  private MultipartFormData.FormPart file(String contentType, InputStream body) {
    byte[] upload;
    try {
      upload = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, documents.maxBytes() + ENVELOPE + 1));
      if (upload.length > documents.maxBytes() + ENVELOPE) {
        drain(body);
        throw documents.tooLarge();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var headers = new MultivaluedHashMap<String, String>();
    headers.putSingle("content-type", contentType);
    try {
      return new MultipartPayloadProvider().readFrom(MultipartFormData.class, MultipartFormData.class,
          new Annotation[0], MediaType.MULTIPART_FORM_DATA_TYPE, headers, new ByteArrayInputStream(upload))
          .getNamedPart("file");
    } catch (RestException | IOException unreadable) {
      return null;
    }
  }

  private static void drain(InputStream body) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long dropped = 0;
    for (int n; dropped < DRAINED_AT_MOST && (n = body.read(buffer)) > 0; ) {
      dropped += n;
    }
  }
}
