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
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;

/**
 * The actuator's endpoints other than health (the metrics Prometheus reads) need a login as a manager
 * or an administrator, by HTTP Basic as on our API; health stays open, for load balancers that probe it
 * without credentials (it shows its parts' names and states, nothing of any case).
 */
class OperatorsOnly implements Filter {

  private final IdentityService identity;

  OperatorsOnly(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
      chain.doFilter(req, res);
      return;
    }
    String[] login = basicLogin(request.getHeader("Authorization"));
    if (login == null || !identity.checkPassword(login[0], login[1])) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"cspr operations\", charset=\"UTF-8\"");
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
          "Log in as a manager or an administrator to read the service's metrics.");
      return;
    }
    boolean operator = identity.createGroupQuery().groupMember(login[0]).list().stream()
        .anyMatch(g -> g.getId().equals(Groups.MANAGERS) || g.getId().equals(Groups.ADMINISTRATORS));
    if (!operator) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "Only managers and administrators read the service's metrics.");
      return;
    }
    chain.doFilter(req, res);
  }

  private static String[] basicLogin(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 1 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.getWriter().write(message);
  }
}
