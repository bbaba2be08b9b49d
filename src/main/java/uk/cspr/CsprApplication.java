package uk.cspr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CsprApplication {

  public static void main(String[] args) {
    SpringApplication.run(CsprApplication.class, args);
  }
}
