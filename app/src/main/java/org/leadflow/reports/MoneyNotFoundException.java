package org.leadflow.reports;

/** No campaign cost or plan with that id (404). */
class MoneyNotFoundException extends RuntimeException {
  MoneyNotFoundException(String message) {
    super(message);
  }
}
