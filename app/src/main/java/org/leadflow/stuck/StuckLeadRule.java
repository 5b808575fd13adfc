package org.leadflow.stuck;

import java.util.HashMap;
import java.util.Map;
import org.leadflow.lead.LeadStage;
import org.leadflow.rules.RuleBook;
import org.springframework.stereotype.Component;

/**
 * Reads {@code processes/stuck-lead.dmn} (latest deployed version, so {@code PUT /api/rules/stuck-lead}
 * changes it) for a lead's stage and, for opportunities, funnel position. Final stages are never
 * stuck and are not asked about.
 */
@Component
public class StuckLeadRule {

  public static final String DECISION = "stuck-lead";
  static final String STAGE = "stage";
  static final String FUNNEL_POSITION = "funnelPosition";

  private final RuleBook rules;
  private final int speedUp;

  StuckLeadRule(RuleBook rules, StuckLeadProperties properties) {
    this.rules = rules;
    this.speedUp = properties.speedUp();
  }

  /** The limit for an open stage; {@code funnelPosition} counts for OPPORTUNITY only. */
  public StuckLimit limit(LeadStage stage, String funnelPosition) {
    if (!stage.isOpen()) {
      throw new IllegalArgumentException(stage + " is final: a closed lead is never stuck");
    }
    return StuckLimit.of(rules.evaluate(DECISION, inputs(stage, funnelPosition))).dividedBy(speedUp);
  }

  static Map<String, Object> inputs(LeadStage stage, String funnelPosition) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(STAGE, stage.name());
    inputs.put(FUNNEL_POSITION, stage == LeadStage.OPPORTUNITY ? funnelPosition : null);
    return inputs;
  }
}
