package uk.cspr.agency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Single-use, expiring, unguessable links that let an agency answer one request without an
 * account. The link carries 256 random bits; the database keeps only their SHA-256, so a copy of
 * the database opens nothing. A link belongs to one request and opens that request's open
 * {@code provideInformation} task (after an extension, the renewed one); it never takes a task id
 * from the browser. State is in the database ({@code cspr_response_link}, made by Flyway), so any
 * node serves any link.
 */
public class ResponseLinks {

  /** Why a link does not open, and the status code the page answers with. */
  public enum Refused {
    UNKNOWN(404, "This link is not valid",
        "Check that you used the whole link from the e-mail. Links are long and some e-mail programs break them."),
    EXPIRED(410, "This link has expired",
        "Links work for a limited time. Ask the partnership's coordinators for a new one."),
    USED(410, "This link has already been used",
        "The information was sent with this link, and a link can be used once."),
    ANSWERED(410, "This request has already been answered",
        "Your agency's information has been received. Thank you."),
    WITHDRAWN(410, "This request has been withdrawn",
        "The partnership no longer needs this information. Nothing more is needed from you."),
    CLOSED(410, "This request is closed",
        "It can no longer be answered through this link.");

    public final int status;
    public final String title;
    public final String explanation;

    Refused(int status, String title, String explanation) {
      this.status = status;
      this.title = title;
      this.explanation = explanation;
    }
  }

  /** What a link resolves to: the task it opens, or why it does not open. */
  public record Resolution(String tokenHash, Task task, Refused refused) {
    public boolean opens() {
      return task != null;
    }
  }

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final ResponseLinkProperties properties;
  private final SecureRandom random = new SecureRandom();

  public ResponseLinks(DataSource dataSource, PlatformTransactionManager transactions, TaskService taskService,
      HistoryService historyService, ResponseLinkProperties properties) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.taskService = taskService;
    this.historyService = historyService;
    this.properties = properties;
  }

  /**
   * A new link for the task; the returned token is put in one mail and never stored. The link is
   * stored in a transaction of its own, committed before the mail is sent: should the mail's own
   * transaction then fail (the node dies after the mail has left), the link it carries still
   * works. A link whose mail never left is harmless: nobody has its token, and it expires.
   */
  public String issue(Task task) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return issue(task, now.atZone(ZoneOffset.UTC).plus(properties.validFor()).toInstant());
  }

  /** When a link asked to work until {@code wanted} will stop working: then, or after the usual time if that is later. */
  public Instant expiry(Instant wanted) {
    Instant usual = ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).plus(properties.validFor()).toInstant();
    return wanted.isBefore(usual) ? usual : wanted;
  }

  /** A new link for the task that works until {@link #expiry}({@code wanted}). */
  public String issue(Task task, Instant wanted) {
    byte[] bits = new byte[32];
    random.nextBytes(bits);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant until = expiry(wanted);
    ownTransaction.executeWithoutResult(status -> jdbc.update(
        "INSERT INTO cspr_response_link (token_hash, process_instance_id, task_id, issued_at, expires_at) "
            + "VALUES (?, ?, ?, ?, ?)",
        hash(token), task.getProcessInstanceId(), task.getId(), Timestamp.from(now), Timestamp.from(until)));
    return token;
  }

  public Resolution resolve(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return new Resolution(null, null, Refused.UNKNOWN);
    }
    String hash = hash(token);
    List<Link> links = jdbc.query(
        "SELECT process_instance_id, expires_at, used_at FROM cspr_response_link WHERE token_hash = ?",
        (rs, n) -> new Link(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3)), hash);
    if (links.isEmpty()) {
      return new Resolution(hash, null, Refused.UNKNOWN);
    }
    Link link = links.get(0);
    if (link.usedAt() != null) {
      return new Resolution(hash, null, Refused.USED);
    }
    String processInstanceId = link.processInstanceId();
    Task open = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(AgencyRequest.TASK_PROVIDE_INFORMATION).singleResult();
    if (historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(AgencyRequest.END_WITHDRAWAL_DECIDED).count() > 0) {
      return new Resolution(hash, null, Refused.WITHDRAWN);
    }
    if (ClockUtil.getCurrentTime().toInstant().isAfter(link.expiresAt())) {
      return new Resolution(hash, null, Refused.EXPIRED);
    }
    if (open != null) {
      return new Resolution(hash, open, null);
    }
    boolean answered = historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(AgencyRequest.TASK_PROVIDE_INFORMATION).finished().list().stream()
        .anyMatch(a -> !a.isCanceled());
    return new Resolution(hash, null, answered ? Refused.ANSWERED : Refused.CLOSED);
  }

  /**
   * A link issued for one task of its own, not an agency's request (the reviewer's task for their
   * report): it opens that very task, with the key {@code taskKey}, while the task is open; once the
   * task is done it opens nothing ({@link Refused#CLOSED}), and a link for any other task is unknown here.
   */
  public Resolution resolveTask(String token, String taskKey) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return new Resolution(null, null, Refused.UNKNOWN);
    }
    String hash = hash(token);
    List<TaskLink> links = jdbc.query(
        "SELECT task_id, expires_at, used_at FROM cspr_response_link WHERE token_hash = ?",
        (rs, n) -> new TaskLink(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3)), hash);
    if (links.isEmpty()) {
      return new Resolution(hash, null, Refused.UNKNOWN);
    }
    TaskLink link = links.get(0);
    boolean ofThatKind = historyService.createHistoricTaskInstanceQuery().taskId(link.taskId())
        .taskDefinitionKey(taskKey).count() > 0;
    if (!ofThatKind) {
      return new Resolution(hash, null, Refused.UNKNOWN);
    }
    if (link.usedAt() != null) {
      return new Resolution(hash, null, Refused.USED);
    }
    Task open = taskService.createTaskQuery().taskId(link.taskId()).singleResult();
    if (open == null) {
      return new Resolution(hash, null, Refused.CLOSED);
    }
    if (ClockUtil.getCurrentTime().toInstant().isAfter(link.expiresAt())) {
      return new Resolution(hash, null, Refused.EXPIRED);
    }
    return new Resolution(hash, open, null);
  }

  /**
   * Spends the link; false if another request spent it first. Run in the transaction that
   * completes the task, so a refused answer leaves the link usable.
   */
  public boolean use(String tokenHash) {
    return jdbc.update("UPDATE cspr_response_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
        Timestamp.from(ClockUtil.getCurrentTime().toInstant()), tokenHash) == 1;
  }

  /** How many links are stored for a request, for tests and audits; never the tokens. */
  public List<String> hashesFor(String processInstanceId) {
    return jdbc.queryForList("SELECT token_hash FROM cspr_response_link WHERE process_instance_id = ?",
        String.class, processInstanceId);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private record Link(String processInstanceId, Instant expiresAt, Timestamp usedAt) {}

  private record TaskLink(String taskId, Instant expiresAt, Timestamp usedAt) {}
}
