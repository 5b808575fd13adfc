package org.leadflow.sla;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.ops.LeadflowMetrics;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.Team;
import org.leadflow.reports.ReportProjection;
import org.leadflow.reports.ReportProjection.SlaState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA instances of leads ({@code lead_sla}): started when an SLA task is created (with the schedule
 * its timers use), tiers recorded as they fire (each once per instance, in {@code lead_sla_event} too),
 * closed when the task is done (met in time or late, by how much business time), reassigned, recycled
 * or cancelled. Every change is published on {@code leads.lifecycle} and counted in the SLA report's rollup
 * (a new clock, a clock breached or closed: {@link ReportProjection#slaMoved}). Each write locks the lead row
 * first, which keeps the lead's events in order.
 */
@Service
@Transactional
public class SlaService {

  private final SlaInstanceMapper slas;
  private final LeadService leads;
  private final PeopleMapper people;
  private final LeadEventPublisher events;
  private final BusinessTime businessTime;
  private final Clock clock;
  private final LeadflowMetrics metrics;
  private final ReportProjection reports;

  public SlaService(SlaInstanceMapper slas, LeadService leads, PeopleMapper people, LeadEventPublisher events,
      BusinessTime businessTime, Clock clock, LeadflowMetrics metrics, ReportProjection reports) {
    this.slas = slas;
    this.leads = leads;
    this.people = people;
    this.events = events;
    this.businessTime = businessTime;
    this.clock = clock;
    this.metrics = metrics;
    this.reports = reports;
  }

  /** Starts an SLA instance for the lead's current owner; an instance of the same SLA still open is cancelled. */
  public SlaInstance start(String leadId, SlaSchedule schedule, String processInstanceId, String taskId) {
    Lead lead = leads.getForUpdate(leadId);
    slas.findOpen(leadId, schedule.type()).forEach(stale -> close(lead, stale, SlaInstance.Outcome.CANCELLED));
    SlaInstance sla = new SlaInstance(null, leadId, schedule.type(), schedule.ownerId(), schedule.teamId(),
        schedule.terms().ruleRef(), schedule.terms().ruleNote(), schedule.startedAt(), schedule.remindAt(),
        schedule.dueAt(), schedule.escalateAt(), schedule.reassignAt(), schedule.recycleAt(), "", null,
        SlaInstance.Status.OPEN, null, null, null, processInstanceId, taskId);
    SlaInstanceMapper.NewInstance row = new SlaInstanceMapper.NewInstance(sla);
    slas.insert(row);
    reports.slaMoved(lead, schedule.type().name(), schedule.startedAt(), null, SlaState.OPEN);
    events.publish(LeadEvent.of(LeadEventType.SlaStarted, leadId, schedule.startedAt(), LeadEvent.fields()
        .put("slaId", row.id)
        .put("slaType", schedule.type().name())
        .put("ownerId", schedule.ownerId())
        .put("teamId", schedule.teamId())
        .put("ruleRef", schedule.terms().ruleRef())
        .put("startedAt", schedule.startedAt().toString())
        .put("remindAt", schedule.remindAt().toString())
        .put("dueAt", schedule.dueAt().toString())
        .put("escalateAt", schedule.escalateAt().toString())
        .put("reassignAt", schedule.reassignAt().toString())
        .put("recycleAt", schedule.recycleAt().toString())));
    return slas.findLatest(leadId, schedule.type()).orElseThrow();
  }

  /** The owner did the step: MET by the due instant, else MET_LATE with the business time it ran over. */
  public void complete(String leadId, SlaType type) {
    Lead lead = leads.getForUpdate(leadId);
    slas.findOpen(leadId, type).forEach(sla -> close(lead, sla,
        clock.instant().isAfter(sla.dueAt()) ? SlaInstance.Outcome.MET_LATE : SlaInstance.Outcome.MET));
  }

  /** The step ended another way (its task was deleted): an instance still open is CANCELLED. */
  public void cancel(String leadId, SlaType type) {
    Lead lead = leads.getForUpdate(leadId);
    slas.findOpen(leadId, type).forEach(sla -> close(lead, sla, SlaInstance.Outcome.CANCELLED));
  }

  /**
   * Records that a tier of the lead's latest instance of this SLA fired, once per instance: a repeated
   * tier (a timer job run twice, a second manager decision) changes nothing and returns empty. BREACH
   * marks the instance breached; REASSIGNMENT and RECYCLE close it with that outcome.
   *
   * @return the instance as it is now, if the tier was new
   */
  public Optional<SlaInstance> recordTier(String leadId, SlaType type, SlaTier tier) {
    // the tier counts against whoever holds the lead now (a hand-over moves leads between reps)
    Lead lead = leads.getForUpdate(leadId);
    String owner = lead.ownerId();
    Optional<SlaInstance> latest = slas.findLatest(leadId, type);
    if (latest.isEmpty() || firedTiers(latest.get()).contains(tier.name())) {
      return Optional.empty();
    }
    SlaInstance sla = latest.get();
    Instant now = clock.instant();
    List<String> fired = new ArrayList<>(firedTiers(sla));
    fired.add(tier.name());
    slas.recordTier(sla.id(), String.join(",", fired), tier == SlaTier.BREACH ? now : null);
    if (tier == SlaTier.BREACH) {
      reports.slaMoved(lead, type.name(), sla.startedAt(), state(sla), SlaState.BREACHED);
    }
    slas.insertTierEvent(leadId, type, tier, owner, now);
    metrics.slaTierFired(type, tier);
    events.publish(LeadEvent.of(tier.event(), leadId, now, LeadEvent.fields()
        .put("slaId", sla.id())
        .put("slaType", type.name())
        .put("tier", tier.name())
        .put("ownerId", owner)
        .put("dueAt", sla.dueAt().toString())));
    if (tier == SlaTier.REASSIGNMENT || tier == SlaTier.RECYCLE) {
      SlaInstance.Outcome outcome = tier == SlaTier.REASSIGNMENT
          ? SlaInstance.Outcome.REASSIGNED : SlaInstance.Outcome.RECYCLED;
      SlaInstance current = slas.findLatest(leadId, type).orElseThrow();
      if (current.status() == SlaInstance.Status.OPEN) {
        close(lead, current, outcome);
      }
    }
    return slas.findLatest(leadId, type);
  }

  /**
   * The manager an escalation goes to: the supervisor of the team of whoever holds the lead now (a
   * hand-over or a manager's reassignment may have moved it since the instance started), else of the
   * team the instance counts in; empty when that team has no supervisor.
   */
  @Transactional(readOnly = true)
  public Optional<String> managerOf(SlaInstance sla) {
    Optional<String> ownersTeam = Optional.ofNullable(leads.get(sla.leadId()).ownerId()).flatMap(people::findRep)
        .map(Rep::teamId);
    return ownersTeam.or(() -> Optional.ofNullable(sla.teamId())).flatMap(people::findTeam).map(Team::supervisorId);
  }

  /**
   * When the recycle tier of a new instance of this SLA falls due if it carries over: after a
   * reassignment the recycle clock keeps counting from the first owner's start.
   */
  @Transactional(readOnly = true)
  public Optional<Instant> carriedOverRecycleAt(String leadId, SlaType type) {
    return slas.findLatest(leadId, type)
        .filter(sla -> sla.outcome() == SlaInstance.Outcome.REASSIGNED)
        .map(SlaInstance::recycleAt);
  }

  @Transactional(readOnly = true)
  public List<SlaInstance> ofLead(String leadId) {
    return slas.findByLead(leadId);
  }

  @Transactional(readOnly = true)
  public List<SlaInstance> find(Instant from, Instant to, SlaType type, String teamId, String ownerId,
      SlaInstance.Status status, int limit) {
    return slas.find(from, to, type, teamId, ownerId, status, limit);
  }

  @Transactional(readOnly = true)
  public List<SlaCompliance> compliance(Instant from, Instant to, String teamId) {
    return slas.compliance(from, to, teamId);
  }

  /** {@code sla} as stored now (read under the lead's lock); {@code lead} locked. */
  private void close(Lead lead, SlaInstance sla, SlaInstance.Outcome outcome) {
    Instant now = clock.instant();
    long overdue = businessTime.between(sla.teamId(), sla.dueAt(), now).toSeconds();
    slas.close(sla.id(), outcome, now, overdue);
    reports.slaMoved(lead, sla.slaType().name(), sla.startedAt(), state(sla), SlaState.of(sla.breachedAt(), true));
    ObjectNode data = LeadEvent.fields()
        .put("slaId", sla.id())
        .put("slaType", sla.slaType().name())
        .put("ownerId", sla.ownerId())
        .put("outcome", outcome.name())
        .put("dueAt", sla.dueAt().toString())
        .put("overdueSeconds", overdue);
    ArrayNode tiers = data.putArray("tiersFired");
    firedTiers(sla).forEach(tiers::add);
    events.publish(LeadEvent.of(LeadEventType.SlaCompleted, sla.leadId(), now, data));
  }

  private static SlaState state(SlaInstance sla) {
    return SlaState.of(sla.breachedAt(), sla.status() == SlaInstance.Status.CLOSED);
  }

  private static List<String> firedTiers(SlaInstance sla) {
    return sla.tiersFired() == null || sla.tiersFired().isBlank() ? List.of() : Arrays.asList(sla.tiersFired().split(","));
  }
}
