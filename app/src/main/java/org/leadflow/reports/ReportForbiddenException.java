package org.leadflow.reports;

/** The caller may not see the figures asked for (a 403 problem; see {@link ReportAccess}). */
public class ReportForbiddenException extends RuntimeException {

  public ReportForbiddenException(String message) {
    super(message);
  }
}
