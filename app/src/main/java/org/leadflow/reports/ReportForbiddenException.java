package org.leadflow.reports;

/** The caller's groups or teams do not cover the figures asked for (403). */
class ReportForbiddenException extends RuntimeException {
  ReportForbiddenException(String message) {
    super(message);
  }
}
