package org.leadflow.sla;

import org.leadflow.config.LeadProperties;
import org.leadflow.config.SlaPolicyProperties;
import org.leadflow.rules.RuleBook;

/**
 * SLA durations for timers and task due dates, per lead, as ISO-8601 strings
 * ({@code ${slaPolicy.acceptWithin(leadId)}}). They come from the decision table {@code sla-policy}
 * (processes/sla-policy.dmn, latest deployed version, through {@link RuleBook}) on the lead's channel,
 * intent, score and region, so a changed table changes the timers of leads that reach a timer
 * afterwards; timers already created keep their due dates. {@code managerReview} and
 * {@code winLossReview} stay configuration ({@code lead.sla.*}).
 *
 * <p>Every decision is recorded ({@link DecisionLog}: a row per lead and deciding rule, shown on the
 * lead's timeline), in the transaction that creates the timer. Apart from that record the bean is
 * side-effect free. It is the seam for business-hours calendars and SLA tiers: {@link #terms(String)}
 * says what the table decided; turning a duration into a due date belongs to the caller.
 */
public class SlaPolicy {

  /** The decision table's key (and file name). */
  public static final String DECISION = "sla-policy";

  /** The facts of a lead the table decides on. */
  @FunctionalInterface
  public interface Leads {
    SlaFacts factsOf(String leadId);
  }

  /** Where each decision is recorded, so that it can be explained later. */
  @FunctionalInterface
  public interface DecisionLog {
    void record(String leadId, SlaFacts facts, SlaTerms terms);
  }

  private final RuleBook rules;
  private final Leads leads;
  private final DecisionLog log;
  private final LeadProperties.Sla sla;
  private final int speedUp;

  public SlaPolicy(RuleBook rules, Leads leads, DecisionLog log, LeadProperties properties,
      SlaPolicyProperties policy) {
    this.rules = rules;
    this.leads = leads;
    this.log = log;
    this.sla = properties.sla();
    this.speedUp = policy.speedUp();
  }

  /** What the table decides for this lead now (recorded); durations already divided by the speed-up. */
  public SlaTerms terms(String leadId) {
    SlaFacts facts = leads.factsOf(leadId);
    SlaTerms terms = SlaTerms.of(rules.evaluate(DECISION, facts.inputs())).speededUp(speedUp);
    log.record(leadId, facts, terms);
    return terms;
  }

  public String sdrAttemptWithin(String leadId) {
    return terms(leadId).sdrAttemptWithin().toString();
  }

  public String acceptReminderAfter(String leadId) {
    return terms(leadId).acceptReminderAfter().toString();
  }

  public String acceptEscalationAfter(String leadId) {
    return terms(leadId).acceptEscalationAfter().toString();
  }

  public String acceptWithin(String leadId) {
    return terms(leadId).acceptWithin().toString();
  }

  public String firstContactWithin(String leadId) {
    return terms(leadId).firstContactWithin().toString();
  }

  public String followUpEvery(String leadId) {
    return terms(leadId).followUpEvery().toString();
  }

  public String managerReview() {
    return sla.managerReview().toString();
  }

  public String winLossReview() {
    return sla.winLossReview().toString();
  }
}
