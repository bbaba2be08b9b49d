package uk.cspr.agency;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import uk.cspr.partnership.Partnership;

/**
 * What every page opened by a mailed link shares (an agency's response page, the reviewer's page):
 * its documents, listed and attached with their checks under {@code …/{token}/documents}, and the same
 * plain answers to what no page of ours sends and to a failure. The link is the only key: each page
 * says how it resolves one and what it answers when it opens nothing.
 */
public abstract class LinkPage {

  private static final Logger log = LoggerFactory.getLogger(LinkPage.class);

  protected final AgencyDocuments documents;
  protected final Partnership partnership;
  private final String pageName;
  private final String attachedThrough;
  private final String whenSent;

  /**
   * @param pageName what the log calls the page ("a response page")
   * @param attachedThrough what a document's description says of how it came ("sent through the response link")
   * @param whenSent when an attached document reaches the partnership, as the person is told ("with your answers")
   */
  protected LinkPage(AgencyDocuments documents, Partnership partnership, String pageName, String attachedThrough,
      String whenSent) {
    this.documents = documents;
    this.partnership = partnership;
    this.pageName = pageName;
    this.attachedThrough = attachedThrough;
    this.whenSent = whenSent;
  }

  /** The task the link opens, or why it opens nothing. */
  protected abstract ResponseLinks.Resolution resolve(String token);

  /** The answer to a link that opens nothing, in the words of its page. */
  protected abstract ResponseEntity<Map<String, Object>> refused(ResponseLinks.Refused refused);

  @GetMapping(path = "/documents", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> documents(@PathVariable String token) {
    ResponseLinks.Resolution link = resolve(token);
    if (!link.opens()) {
      return refused(link.refused());
    }
    return ResponseEntity.ok().header("Cache-Control", "no-store").body(documents.of(link.task().getId()).stream()
        .map(d -> Map.of("name", d.name())).toList());
  }

  @PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> attach(@PathVariable String token, @RequestParam("file") MultipartFile file)
      throws IOException {
    ResponseLinks.Resolution link = resolve(token);
    if (!link.opens()) {
      return refused(link.refused());
    }
    try {
      AgencyDocuments.Document document = documents.attach(link.task(), file.getOriginalFilename(), file.getBytes(),
          attachedThrough);
      return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("name", document.name(),
          "message", document.name() + " is attached. It is sent to the partnership " + whenSent + "."));
    } catch (AgencyDocuments.RefusedDocument refused) {
      return Pages.problem(refused.status, refused.getMessage(), List.of());
    }
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  public ResponseEntity<Map<String, Object>> tooLarge() {
    return Pages.problem(413, documents.tooLarge().getMessage(), List.of());
  }

  /** A request no page of ours sends (not JSON, not a form, a field of the wrong kind): the sender's mistake. */
  @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class,
      MissingServletRequestPartException.class, MissingServletRequestParameterException.class, MultipartException.class,
      MethodArgumentTypeMismatchException.class})
  public ResponseEntity<Map<String, Object>> malformed(Exception e) {
    log.warn("A malformed request to {} was refused: {}", pageName, e.getClass().getSimpleName());
    return Pages.problem(400, "The page sent something the partnership could not read, and nothing was sent. Reload the "
        + "page from the link in your e-mail and try again.", List.of());
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Map<String, Object>> failure(Exception e) {
    log.error("{} failed", pageName, e);
    return Pages.problem(500, "Something went wrong and nothing was sent. Please try again, or contact "
        + partnership.coordinatorsEmail() + ".", List.of());
  }
}
