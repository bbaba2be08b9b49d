package uk.cspr.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application in the demo profile on an in-memory database and a random port. Every
 * test class that needs Spring uses exactly this, so they all share one cached context.
 */
// metrics exported as in the application (Spring Boot's tests switch exporting off otherwise)
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "spring.datasource.url=jdbc:h2:mem:cspr-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        // the demo's own SMTP server, on a port of its own so a running demo does not clash (-Dcspr.test.smtp-port moves it)
        "spring.mail.port=${cspr.test.smtp-port:3125}",
        // metrics read afresh at each scrape, so a test sees them move at once
        "cspr.metrics.refresh-every=PT0S",
        // links as the demo writes them on its usual port (the demo's follows server.port, here 0)
        "cspr.partnership.public-url=http://localhost:8080",
        // the demo's own key, made in target rather than beside a developer's demo database in ./data
        "cspr.identity.key-file=target/cspr-test/cspr-identity.key"
    })
public @interface CsprSpringTest {}
