package org.leadflow.identity;

import java.util.List;

/** The Camunda groups leadflow routes work to. Candidate groups in the models use these ids. */
public final class Roles {

  public static final String MARKETING = "marketing";
  public static final String SDR = "sdr";
  public static final String SALES = "sales";
  public static final String SALES_MANAGER = "sales-manager";
  public static final String PROCESS_OWNER = "process-owner";
  /** Systems that submit leads through the API (web forms, ad platforms). */
  public static final String LEAD_INTAKE = "lead-intake";
  /** Metrics scrapers (Prometheus): {@code /actuator/prometheus} and health details, nothing else. */
  public static final String MONITORING = "monitoring";
  /** Camunda's administrators' group (all permissions). */
  public static final String ADMIN = "camunda-admin";

  /** The groups people work in (Tasklist users). */
  public static final List<String> WORKING_GROUPS = List.of(MARKETING, SDR, SALES, SALES_MANAGER, PROCESS_OWNER);

  private Roles() {}
}
