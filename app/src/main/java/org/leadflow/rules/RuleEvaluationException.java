package org.leadflow.rules;

/** A decision table could not be found, parsed or evaluated (e.g. a UNIQUE table with two matching rules). */
public class RuleEvaluationException extends RuntimeException {

  private final String decisionKey;

  public RuleEvaluationException(String decisionKey, String message) {
    super(message);
    this.decisionKey = decisionKey;
  }

  public RuleEvaluationException(String decisionKey, String message, Throwable cause) {
    super(message, cause);
    this.decisionKey = decisionKey;
  }

  public String decisionKey() {
    return decisionKey;
  }
}
