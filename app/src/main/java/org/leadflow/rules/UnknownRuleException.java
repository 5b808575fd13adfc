package org.leadflow.rules;

/** No decision with this key is deployed. */
public class UnknownRuleException extends RuntimeException {

  public UnknownRuleException(String decisionKey) {
    super("No decision '" + decisionKey + "' is deployed; new tables are added as files in processes/");
  }
}
