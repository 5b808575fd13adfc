package org.leadflow.sla;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.leadflow.lead.Lead;

/**
 * What the {@code sla-policy} table decides on: the lead's channel (its source, lower case), intent,
 * total score (fit + engagement) and region (upper case, e.g. {@code APAC}); any may be null.
 */
public record SlaFacts(String channel, String intent, Integer score, String region) {

  public static SlaFacts of(Lead lead) {
    return new SlaFacts(
        lead.source() == null ? null : lead.source().toLowerCase(Locale.ROOT),
        lead.intent() == null ? null : lead.intent().name(),
        lead.score(),
        lead.region() == null || lead.region().isBlank() ? null : lead.region().strip().toUpperCase(Locale.ROOT));
  }

  /** The table's input variables for one SLA (null values included, so that a missing fact matches only "-"). */
  public Map<String, Object> inputs(SlaType sla) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("sla", sla.name());
    inputs.put("channel", channel);
    inputs.put("intent", intent);
    inputs.put("score", score);
    inputs.put("region", region);
    return inputs;
  }
}
