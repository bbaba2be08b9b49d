package uk.cspr.agency;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Task;

/**
 * Documents agencies keep their chronologies in, stored as Camunda attachments of the task they
 * answer, never mailed. Only PDF, Word and OpenDocument text are taken, and the content must be
 * what the name says (checked by its first bytes and, for the zip-based formats, its structure read
 * from the zip's directory without unpacking it), so a renamed program or web page is refused, as
 * are a PDF that runs a script when opened and a zip made to unpack to far more than it holds.
 */
public class AgencyDocuments {

  /** A document refused, with the status a web request answers and a message for the person. */
  public static class RefusedDocument extends RuntimeException {
    public final int status;

    RefusedDocument(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /** A document kept beside a task; {@code description} says who added it (see {@link #attachedBy}) and its size. */
  public record Document(String id, String name, String type, String description, java.time.Instant addedAt) {

    static Document of(Attachment attachment) {
      return new Document(attachment.getId(), attachment.getName(), attachment.getType(), attachment.getDescription(),
          attachment.getCreateTime() == null ? null : attachment.getCreateTime().toInstant());
    }

    /** Whether this person attached it (in Tasklist or through the coordinators' API), not the response link. */
    public boolean isAttachedBy(String userId) {
      return description != null && description.startsWith(attachedBy(userId) + ";");
    }
  }

  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  static final String ALLOWED = "PDF, Word (.doc, .docx) or OpenDocument text (.odt)";

  private final TaskService taskService;
  private final long maxBytes;
  private final int maxDocuments;

  public AgencyDocuments(TaskService taskService, long maxBytes, int maxDocuments) {
    this.taskService = taskService;
    this.maxBytes = maxBytes;
    this.maxDocuments = maxDocuments;
  }

  /** Who added a document, as its description records it: a Camunda user id holds no ';'. */
  public static String attachedBy(String userId) {
    return "attached by " + userId;
  }

  /** The largest document taken, as people read it: "10 MB". */
  public String largest() {
    return (maxBytes / (1024 * 1024)) + " MB";
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** The refusal of an upload too large to be read at all. */
  public RefusedDocument tooLarge() {
    return new RefusedDocument(413, "The document is larger than " + largest() + ". Send a smaller file, or split it.");
  }

  /** Stores a document beside the task, or refuses it with a 413 or 415 and a message. */
  public Document attach(Task task, String originalName, byte[] content, String addedBy) {
    String name = cleanName(originalName);
    if (content.length == 0) {
      throw new RefusedDocument(400, "The document " + name + " is empty.");
    }
    if (content.length > maxBytes) {
      throw new RefusedDocument(413, "The document " + name + " is larger than " + largest()
          + ". Send a smaller file, or split it.");
    }
    if (taskService.getTaskAttachments(task.getId()).size() >= maxDocuments) {
      throw new RefusedDocument(409, "This request already has " + maxDocuments + " documents, as many as one "
          + "request takes. Combine them into fewer files, or send the rest to the coordinators.");
    }
    String type = typeOf(name, content);
    Attachment attachment = taskService.createAttachment(type, task.getId(), task.getProcessInstanceId(), name,
        addedBy + "; " + content.length + " bytes", new ByteArrayInputStream(content));
    return Document.of(attachment);
  }

  public List<Document> of(String taskId) {
    return taskService.getTaskAttachments(taskId).stream().map(Document::of).toList();
  }

  /** The type a document is stored and served as, checked against its name and content; or refused. */
  public static String typeOf(String name, byte[] content) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".pdf") && PdfCheck.isPdf(content)) {
      if (PdfCheck.runsSomething(content)) {
        throw new RefusedDocument(415, "The document " + name + " contains a script or an action that runs when "
            + "it is opened, which the partnership cannot accept. Print it to a new PDF, or save it without them, "
            + "and attach it again.");
      }
      return "application/pdf";
    }
    if (lower.endsWith(".doc") && startsWith(content, OLE2)) {
      return "application/msword";
    }
    if (lower.endsWith(".docx") && startsWith(content, ZIP)) {
      ZipCheck.refuseIfNotADocument(name, content);
      if (ZipCheck.has(content, "word/document.xml", null)) {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
      }
    }
    if (lower.endsWith(".odt") && startsWith(content, ZIP)) {
      ZipCheck.refuseIfNotADocument(name, content);
      if (ZipCheck.has(content, "mimetype", "application/vnd.oasis.opendocument.text")) {
        return "application/vnd.oasis.opendocument.text";
      }
    }
    throw new RefusedDocument(415, "The document " + name + " is not a " + ALLOWED
        + " file (its name and content must agree). Save it as one of those and attach it again.");
  }

  static String cleanName(String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").trim();
    if (name.isEmpty()) {
      name = "document";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
  }

}
