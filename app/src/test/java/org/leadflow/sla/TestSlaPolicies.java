package org.leadflow.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.config.LeadProperties;
import org.leadflow.config.SlaPolicyProperties;
import org.leadflow.rules.RuleBook;

/**
 * The real {@link SlaPolicy} over the real processes/sla-policy.dmn (deploy it with the model under
 * test), for leads with made-up facts, counting around the clock on the engine's clock (so that
 * {@code ClockUtil} moves the SLA starts too); and the durations two rows of that table give, as the
 * tests expect them.
 */
public final class TestSlaPolicies {

  /** The resource to deploy with a model whose timers read slaPolicy. */
  public static final String TABLE = "processes/sla-policy.dmn";

  /** A lead the catch-all rows decide: an inquiry from a web form, warm score, EMEA. */
  public static final SlaFacts STANDARD_LEAD = new SlaFacts("web-form", "INQUIRY", 65, "EMEA");
  /** A demo request that is not hot: the HandRaiser rows. */
  public static final SlaFacts HAND_RAISER = new SlaFacts("web-form", "DEMO_REQUEST", 70, "EMEA");

  /** Every hour counts. */
  public static final BusinessTime AROUND_THE_CLOCK = new BusinessTime() {
    @Override
    public Instant plus(String teamId, Instant start, Duration workingTime) {
      return start.plus(workingTime);
    }

    @Override
    public Duration between(String teamId, Instant from, Instant to) {
      return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
  };

  /** The engine's clock ({@code ClockUtil}), which process tests move to fire timers. */
  public static final Clock ENGINE_CLOCK = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return ClockUtil.getCurrentTime().toInstant();
    }
  };

  /** The standard (Default) row of each SLA: remind, due, escalate, reassign, recycle. */
  public static final Map<SlaType, SlaTerms> DEFAULT_ROWS = Map.of(
      SlaType.SDR_CALL_ATTEMPT, terms("SDR_CALL_ATTEMPT", "Rule_CallDefault", "PT2H PT4H PT8H PT16H PT40H"),
      SlaType.SALES_ACCEPT, terms("SALES_ACCEPT", "Rule_AcceptDefault", "PT4H PT8H PT12H PT16H PT40H"),
      SlaType.SALES_FIRST_CONTACT, terms("SALES_FIRST_CONTACT", "Rule_ContactDefault", "PT12H PT24H PT32H PT40H PT80H"),
      SlaType.OPPORTUNITY_FOLLOW_UP, terms("OPPORTUNITY_FOLLOW_UP", "Rule_FollowUpDefault",
          "PT24H PT40H PT48H PT64H PT120H"));
  /** The HandRaiser row of each SLA that has one. */
  public static final Map<SlaType, SlaTerms> HAND_RAISER_ROWS = Map.of(
      SlaType.SDR_CALL_ATTEMPT, terms("SDR_CALL_ATTEMPT", "Rule_CallHandRaiser", "PT30M PT1H PT2H PT4H PT24H"),
      SlaType.SALES_ACCEPT, terms("SALES_ACCEPT", "Rule_AcceptHandRaiser", "PT2H PT4H PT6H PT8H PT24H"),
      SlaType.SALES_FIRST_CONTACT, terms("SALES_FIRST_CONTACT", "Rule_ContactHandRaiser", "PT4H PT8H PT12H PT16H PT40H"));

  private TestSlaPolicies() {}

  /**
   * A stand-in for recordSlaEventDelegate that leaves for the model what the real one does (the manager
   * on ESCALATION, the recycle reason on RECYCLE) and adds "TYPE TIER" to {@code tiers}.
   */
  public static org.camunda.bpm.engine.delegate.JavaDelegate tierRecorder(java.util.List<String> tiers,
      String manager) {
    return execution -> {
      String type = org.leadflow.process.LeadVariables.SLA_TYPE.get(execution);
      String tier = org.leadflow.process.LeadVariables.SLA_TIER.get(execution);
      tiers.add(type + " " + tier);
      if (tier.equals("ESCALATION")) {
        org.leadflow.process.LeadVariables.SLA_MANAGER.set(execution, manager);
      }
      if (tier.equals("RECYCLE")) {
        org.leadflow.process.LeadVariables.RECYCLE_REASON.set(execution, "SLA_" + type);
      }
    };
  }

  /** Leads not in {@code facts} are {@link #STANDARD_LEAD}s without an owner (the default calendar). */
  public static SlaPolicy fromTable(RepositoryService repository, Map<String, SlaFacts> facts) {
    return new SlaPolicy(new RuleBook(repository, Clock.systemUTC(), Duration.ZERO),
        leadId -> new SlaPolicy.Subject(facts.getOrDefault(leadId, STANDARD_LEAD), null, null),
        (leadId, type) -> Optional.empty(), AROUND_THE_CLOCK, ENGINE_CLOCK, LeadProperties.defaults(),
        SlaPolicyProperties.defaults());
  }

  private static SlaTerms terms(String type, String rule, String durations) {
    String[] d = durations.split(" ");
    return new SlaTerms("sla-policy:v1/" + rule, null, Duration.parse(d[0]), Duration.parse(d[1]),
        Duration.parse(d[2]), Duration.parse(d[3]), Duration.parse(d[4]));
  }
}
