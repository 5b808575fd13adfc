package org.leadflow.rules;

/**
 * A changed decision table that must not be deployed: it does not parse, lacks the decision or an
 * output the application reads, or fails for some inputs (e.g. two rules of a UNIQUE table match).
 * {@code field} names what is wrong: {@code body} (the file), {@code decision} (its content) or
 * {@code note}.
 */
public class InvalidRuleException extends RuntimeException {

  private final String decisionKey;
  private final String field;

  public InvalidRuleException(String decisionKey, String field, String message) {
    super(message);
    this.decisionKey = decisionKey;
    this.field = field;
  }

  public String decisionKey() {
    return decisionKey;
  }

  public String field() {
    return field;
  }
}
