package org.leadflow.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.config.LeadProperties;
import org.leadflow.config.SlaPolicyProperties;
import org.leadflow.rules.RuleBook;

/**
 * When the tiers of a lead's SLA fall due, for timers and task due dates
 * ({@code ${slaPolicy.dueAt(leadId, 'SALES_ACCEPT')}}): the decision table {@code sla-policy}
 * (processes/sla-policy.dmn, latest deployed version, through {@link RuleBook}) gives each tier's
 * business time after the start on the lead's channel, intent, score and region; the owner's team
 * calendar ({@link BusinessTime}) turns that into instants. A changed table or calendar changes the
 * timers of SLAs that start afterwards; timers already created keep their due dates.
 *
 * <p>Within one engine command an SLA's schedule is decided once: the timers and the due date of one
 * task see the same start and the same row, and the task's create listener takes that schedule to
 * record the SLA instance ({@link #takeSchedule}). After a reassignment the recycle tier keeps the
 * instant of the first owner's SLA ({@link History}), so reassigning does not postpone recycling. {@code managerReview} and {@code winLossReview}
 * stay configuration ({@code lead.sla.*}), counted in the owner's calendar too. Side-effect free.
 */
public class SlaPolicy {

  /** The decision table's key (and file name). */
  public static final String DECISION = "sla-policy";

  /** Who and what an SLA of a lead is about: the table's facts, the owner and the owner's team (either may be null). */
  public record Subject(SlaFacts facts, String ownerId, String teamId) {}

  /** Looks up the subject of a lead's SLA. */
  @FunctionalInterface
  public interface Leads {
    Subject subjectOf(String leadId);
  }

  /** Where an SLA that starts again after a reassignment keeps its recycle instant from. */
  @FunctionalInterface
  public interface History {
    java.util.Optional<Instant> carriedOverRecycleAt(String leadId, SlaType type);
  }

  private record Key(String leadId, SlaType type) {}

  private final RuleBook rules;
  private final Leads leads;
  private final History history;
  private final BusinessTime businessTime;
  private final Clock clock;
  private final LeadProperties.Sla sla;
  private final int speedUp;
  private final Map<CommandContext, Map<Key, SlaSchedule>> decidedInCommand =
      Collections.synchronizedMap(new WeakHashMap<>());

  public SlaPolicy(RuleBook rules, Leads leads, History history, BusinessTime businessTime, Clock clock, LeadProperties properties,
      SlaPolicyProperties policy) {
    this.rules = rules;
    this.leads = leads;
    this.history = history;
    this.businessTime = businessTime;
    this.clock = clock;
    this.sla = properties.sla();
    this.speedUp = policy.speedUp();
  }

  /** What the table decides for this SLA of the lead now; durations already divided by the speed-up. */
  public SlaTerms terms(String leadId, SlaType type) {
    return terms(leads.subjectOf(leadId), type);
  }

  /** The schedule of the lead's SLA starting now (the same one throughout the current engine command). */
  public SlaSchedule schedule(String leadId, SlaType type) {
    Map<Key, SlaSchedule> decided = decidedInThisCommand();
    if (decided == null) {
      return decide(leadId, type);
    }
    return decided.computeIfAbsent(new Key(leadId, type), key -> decide(leadId, type));
  }

  /**
   * The schedule the current command's timers used, for the record of the SLA instance; afterwards the
   * next start of this SLA in the same command (e.g. after a reassignment) decides afresh.
   */
  public SlaSchedule takeSchedule(String leadId, SlaType type) {
    SlaSchedule schedule = schedule(leadId, type);
    Map<Key, SlaSchedule> decided = decidedInThisCommand();
    if (decided != null) {
      decided.remove(new Key(leadId, type));
    }
    return schedule;
  }

  public Date remindAt(String leadId, String type) {
    return at(leadId, type, SlaTier.REMINDER);
  }

  public Date dueAt(String leadId, String type) {
    return at(leadId, type, SlaTier.BREACH);
  }

  public Date escalateAt(String leadId, String type) {
    return at(leadId, type, SlaTier.ESCALATION);
  }

  public Date reassignAt(String leadId, String type) {
    return at(leadId, type, SlaTier.REASSIGNMENT);
  }

  public Date recycleAt(String leadId, String type) {
    return at(leadId, type, SlaTier.RECYCLE);
  }

  /** A manager's review of an escalated lead: {@code lead.sla.manager-review} of the owner's team calendar from now. */
  public Date managerReviewDue(String leadId) {
    return inOwnersCalendar(leadId, sla.managerReview());
  }

  /** Marketing's review of a closed deal: {@code lead.sla.win-loss-review} of the owner's team calendar from now. */
  public Date winLossReviewDue(String leadId) {
    return inOwnersCalendar(leadId, sla.winLossReview());
  }

  private Date at(String leadId, String type, SlaTier tier) {
    return Date.from(schedule(leadId, SlaType.valueOf(type)).at(tier));
  }

  private Date inOwnersCalendar(String leadId, Duration duration) {
    return Date.from(businessTime.plus(leads.subjectOf(leadId).teamId(), clock.instant(), duration));
  }

  private SlaSchedule decide(String leadId, SlaType type) {
    Subject subject = leads.subjectOf(leadId);
    SlaTerms terms = terms(subject, type);
    Instant start = clock.instant();
    String team = subject.teamId();
    return new SlaSchedule(type, terms, subject.ownerId(), team, start,
        businessTime.plus(team, start, terms.remindAfter()), businessTime.plus(team, start, terms.dueAfter()),
        businessTime.plus(team, start, terms.escalateAfter()), businessTime.plus(team, start, terms.reassignAfter()),
        history.carriedOverRecycleAt(leadId, type).orElseGet(() -> businessTime.plus(team, start, terms.recycleAfter())));
  }

  private SlaTerms terms(Subject subject, SlaType type) {
    return SlaTerms.of(rules.evaluate(DECISION, subject.facts().inputs(type))).speededUp(speedUp);
  }

  private Map<Key, SlaSchedule> decidedInThisCommand() {
    CommandContext command = Context.getCommandContext();
    return command == null ? null : decidedInCommand.computeIfAbsent(command, c -> new HashMap<>());
  }
}
