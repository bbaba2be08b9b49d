package uk.cspr.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Camunda's engine, REST API and webapps as the starters ship them, and nothing else. */
@SpringBootApplication
public class BareCamunda {

  public static void main(String[] args) {
    SpringApplication.run(BareCamunda.class, args);
  }
}
