package org.leadflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** leadflow: every lead's path from capture to close as an explicit, editable BPMN model. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadflowApplication {

  private static final String DATATYPE_FACTORY = "javax.xml.datatype.DatatypeFactory";

  /**
   * The engine resolves every timer duration through a new {@code DatatypeFactory}, and without this
   * property {@code DatatypeFactory.newInstance()} asks the ServiceLoader, which searches every jar nested
   * in the boot jar for {@code META-INF/services} on each call (5 % of the intake thread's CPU). Naming the
   * JDK's own implementation, the one the lookup ends at anyway, skips that search.
   */
  static {
    if (System.getProperty(DATATYPE_FACTORY) == null) {
      System.setProperty(DATATYPE_FACTORY, "com.sun.org.apache.xerces.internal.jaxp.datatype.DatatypeFactoryImpl");
    }
  }

  public static void main(String[] args) {
    SpringApplication.run(LeadflowApplication.class, args);
  }
}
