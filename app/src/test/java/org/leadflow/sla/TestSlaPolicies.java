package org.leadflow.sla;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.leadflow.config.LeadProperties;
import org.leadflow.config.SlaPolicyProperties;
import org.leadflow.rules.RuleBook;

/**
 * The real {@link SlaPolicy} over the real processes/sla-policy.dmn (deploy it with the model under
 * test), for leads with made-up facts; and the durations two rows of that table give, as the tests
 * expect them.
 */
public final class TestSlaPolicies {

  /** The resource to deploy with a model whose timers read slaPolicy. */
  public static final String TABLE = "processes/sla-policy.dmn";

  /** A lead the catch-all row decides: an inquiry from a web form, warm score, EMEA. */
  public static final SlaFacts STANDARD_LEAD = new SlaFacts("web-form", "INQUIRY", 65, "EMEA");
  /** A demo request that is not hot: Rule_HandRaiser. */
  public static final SlaFacts HAND_RAISER = new SlaFacts("web-form", "DEMO_REQUEST", 70, "EMEA");

  /** Rule_Default, today's standard SLAs. */
  public static final SlaTerms DEFAULT_ROW = new SlaTerms("sla-policy:v1/Rule_Default", null, Duration.ofHours(4),
      Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24), Duration.ofDays(7));
  /** Rule_HandRaiser: twice as fast. */
  public static final SlaTerms HAND_RAISER_ROW = new SlaTerms("sla-policy:v1/Rule_HandRaiser", null,
      Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
      Duration.ofDays(3));

  private TestSlaPolicies() {}

  /** Leads not in {@code facts} are {@link #STANDARD_LEAD}s; every decision is added to {@code decided}. */
  public static SlaPolicy fromTable(RepositoryService repository, Map<String, SlaFacts> facts, List<String> decided) {
    return new SlaPolicy(new RuleBook(repository, Clock.systemUTC(), Duration.ZERO),
        leadId -> facts.getOrDefault(leadId, STANDARD_LEAD),
        (leadId, leadFacts, terms) -> decided.add(leadId + " " + terms.ruleRef()),
        LeadProperties.defaults(), SlaPolicyProperties.defaults());
  }

  public static SlaPolicy fromTable(RepositoryService repository, Map<String, SlaFacts> facts) {
    return fromTable(repository, facts, new ArrayList<>());
  }
}
