package org.leadflow.rules;

import java.util.List;
import java.util.Optional;

/**
 * What the application needs from one decision table, so that a changed table that would break it is
 * rejected before it is deployed ({@link RuleValidator}). A bean per table that code reads.
 */
public interface RuleContract {

  /** The decision's key, e.g. {@code sla-policy}. */
  String decisionKey();

  /** The output names code reads; a changed table must keep every one. */
  List<String> requiredOutputs();

  /**
   * Checks one evaluation of the candidate table (for one generated sample of inputs): empty if the
   * application can use the result, otherwise what is wrong with it (e.g. no rule matched, an output
   * that is not a duration).
   */
  Optional<String> check(RuleDecision decision);
}
