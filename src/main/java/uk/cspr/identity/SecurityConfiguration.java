package uk.cspr.identity;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Nobody calls the engine's REST API, or our own API, without logging in: Camunda's own HTTP Basic
 * filter authenticates each call as a Camunda user, so every query runs with that user's
 * authorizations. The webapps keep their session login and CSRF protection, and the response
 * pages stay open, their token being the key.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** Our own pages: nothing inline runs, nothing frames them, and links never leak as referrers. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName()));
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setInitParameters(Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName(),
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, ""));
    return registration;
  }

  @Bean
  FilterRegistrationBean<OperatorsOnly> actuatorAuthentication(org.camunda.bpm.engine.IdentityService identity) {
    var registration = new FilterRegistrationBean<>(new OperatorsOnly(identity));
    registration.setName("actuator-authentication");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle() {
    var registration = new FilterRegistrationBean<>(new LoginThrottle(java.time.Clock.systemUTC()));
    registration.setName("login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*", "/engine-rest/*", "/api/*", "/actuator/*");
    // before the authentication filters, which it times
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /**
   * @param strictTransportSecurity on in production: browsers then use only HTTPS for this site,
   *     on our pages and the API as on the webapps (which set it themselves)
   */
  @Bean
  FilterRegistrationBean<Filter> securityHeaders(
      @org.springframework.beans.factory.annotation.Value("${cspr.security.strict-transport-security:false}")
      boolean strictTransportSecurity) {
    Filter headers = (request, response, chain) -> {
      String path = ((HttpServletRequest) request).getRequestURI();
      HttpServletResponse http = (HttpServletResponse) response;
      // the webapps under /camunda set their own policy, which their scripts need
      if (!path.startsWith("/camunda/")) {
        http.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        http.setHeader("X-Frame-Options", "DENY");
        if (strictTransportSecurity) {
          http.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
      }
      http.setHeader("X-Content-Type-Options", "nosniff");
      http.setHeader("Referrer-Policy", "no-referrer");
      chain.doFilter(request, response);
    };
    var registration = new FilterRegistrationBean<>(headers);
    registration.setName("security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
