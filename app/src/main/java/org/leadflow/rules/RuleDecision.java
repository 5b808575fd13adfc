package org.leadflow.rules;

import java.util.List;
import java.util.Optional;

/**
 * The result of one evaluation of a deployed decision table: which version decided and which rules
 * matched, in table order. {@link #ref(RuleMatch)} names a rule for ledgers and "why" texts, e.g.
 * {@code lead-fit-score:v3/Rule_SeniorTitle}.
 */
public record RuleDecision(String decisionKey, int version, String definitionId, List<RuleMatch> matches) {

  public Optional<RuleMatch> first() {
    return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(0));
  }

  /** The one matching rule of a UNIQUE/FIRST table that must always match (the table ends with a catch-all). */
  public RuleMatch single() {
    return first().orElseThrow(() -> new RuleEvaluationException(decisionKey,
        "no rule of " + decisionKey + " v" + version + " matched; the table needs a catch-all row"));
  }

  public String ref(RuleMatch match) {
    return decisionKey + ":v" + version + "/" + match.ruleId();
  }
}
