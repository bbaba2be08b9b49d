package uk.cspr.webapps;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where Tasklist, as shipped, trips over the engine's REST API: mended in front of the API. */
@Configuration(proxyBeanMethods = false)
class WebappRepairs {

  @Bean
  FilterRegistrationBean<TaskSentBackAsRead> taskSentBackAsRead() {
    var registration = new FilterRegistrationBean<>(new TaskSentBackAsRead());
    registration.setName("task-sent-back-as-read");
    registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<RefusalResponses> refusalResponses() {
    var registration = new FilterRegistrationBean<>(new RefusalResponses());
    registration.setName("refusal-responses");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    return registration;
  }
}
