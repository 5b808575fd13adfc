package org.leadflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** leadflow: every lead's path from capture to close as an explicit, editable BPMN model. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(LeadflowApplication.class, args);
  }
}
