package uk.cspr.identity;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows whoever guesses passwords, and only them. Camunda's own throttling counts failures per
 * user and locks the account for good after ten, so anyone who knows a user id can lock that
 * person out; it is turned off (see {@link IdentityConfiguration}) and replaced by this, which
 * counts failures per client address: for one user from that address, and for all users from it
 * (someone trying many accounts). Past a few free failures the next attempt from that address must
 * wait half a minute, each one after twice as long, up to a quarter of an hour; one made sooner is
 * answered 429 without the password being tried. The real user, from their own address, logs in as ever.
 *
 * <p>Covers the webapps' login form and HTTP Basic on the REST API and ours. Addresses come from
 * the connection, or from {@code X-Forwarded-For} when it is set by a proxy on an internal network
 * ({@code server.forward-headers-strategy}). Counts are kept per node, in memory.
 */
public class LoginThrottle implements Filter {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  /** Failures allowed for one user from one address before attempts are slowed. */
  static final int FREE_FAILURES_PER_USER = 5;
  /** Failures allowed from one address, across users, before its attempts are slowed. */
  static final int FREE_FAILURES_PER_ADDRESS = 50;
  static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  /** A count is forgotten this long after its last failure. */
  static final Duration MEMORY = Duration.ofHours(1);
  private static final int MOST_COUNTS_KEPT = 100_000;

  private final Clock clock;
  private final Map<String, Failures> counts = new ConcurrentHashMap<>();
  private final AtomicInteger sinceCleanUp = new AtomicInteger();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Failures counted for one key, and when the next attempt may be made. */
  private static final class Failures {
    int count;
    Instant last;
    Instant nextAllowed;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = isLoginForm((HttpServletRequest) request)
        ? new ReadAgain((HttpServletRequest) request) : (HttpServletRequest) request;
    String user = userOf(http);
    if (user == null) {
      chain.doFilter(http, response);
      return;
    }
    String address = http.getRemoteAddr();
    String userKey = "user " + user + " from " + address;
    String addressKey = "address " + address;
    Instant now = clock.instant();
    Instant allowed = later(nextAllowed(userKey), nextAllowed(addressKey));
    if (allowed != null && now.isBefore(allowed)) {
      refuse((HttpServletResponse) response, Duration.between(now, allowed));
      return;
    }
    chain.doFilter(http, response);
    int status = ((HttpServletResponse) response).getStatus();
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      int forUser = fail(userKey, FREE_FAILURES_PER_USER, now);
      fail(addressKey, FREE_FAILURES_PER_ADDRESS, now);
      if (forUser == FREE_FAILURES_PER_USER + 1) {
        log.warn("{} failed logins for {} from {}: further attempts from there are slowed", forUser, user, address);
      }
    } else if (status < 400) {
      counts.remove(userKey);
    }
  }

  static boolean isLoginForm(HttpServletRequest request) {
    String path = request.getRequestURI();
    return "POST".equals(request.getMethod()) && path.startsWith("/camunda/api/admin/auth/user/") && path.contains("/login/");
  }

  /** The user a request tries to log in as: the webapps' login form, or HTTP Basic. */
  static String userOf(HttpServletRequest request) throws IOException {
    if (request instanceof ReadAgain form) {
      return form.parameter("username");
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 ? decoded.substring(0, colon) : null;
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    return null;
  }

  /**
   * The login form's body, read here for the user name and read again by the webapp: reading it
   * through the servlet's parameters would leave the webapp's own form reader an empty body.
   */
  static final class ReadAgain extends uk.cspr.servlet.RequestWithBody {
    private static final int LONGEST_FORM = 16 * 1024;

    ReadAgain(HttpServletRequest request) throws IOException {
      super(request, request.getInputStream().readNBytes(LONGEST_FORM));
    }

    String parameter(String name) {
      for (String pair : new String(body(), StandardCharsets.UTF_8).split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0 && java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
          String value = java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
          return value.isBlank() ? null : value;
        }
      }
      return null;
    }
  }

  private Instant nextAllowed(String key) {
    Failures failures = counts.get(key);
    return failures == null ? null : failures.nextAllowed;
  }

  private int fail(String key, int free, Instant now) {
    cleanUpNowAndThen(now);
    Failures failures = counts.computeIfAbsent(key, k -> new Failures());
    synchronized (failures) {
      failures.count++;
      failures.last = now;
      if (failures.count >= free) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(failures.count - free, 10));
        wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
        failures.nextAllowed = now.plus(wait);
      }
      return failures.count;
    }
  }

  private void cleanUpNowAndThen(Instant now) {
    if (sinceCleanUp.incrementAndGet() % 1000 != 0 && counts.size() < MOST_COUNTS_KEPT) {
      return;
    }
    counts.values().removeIf(f -> f.last != null && f.last.plus(MEMORY).isBefore(now));
    if (counts.size() >= MOST_COUNTS_KEPT) {
      counts.clear(); // a flood of addresses: forget rather than run out of memory
    }
  }

  private static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(seconds));
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"TooManyFailedLogins\",\"message\":\"Too many failed logins from your "
        + "address. Wait " + seconds + " seconds before trying again, or ask the partnership's coordinators to "
        + "reset your password.\"}");
  }
}
