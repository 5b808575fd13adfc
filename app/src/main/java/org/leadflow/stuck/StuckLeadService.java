package org.leadflow.stuck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadMoved;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.stuck.StuckLeadMapper.Candidate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags stuck leads and un-flags them. Flagging records a {@code lead_stuck} row, raises a
 * {@value StuckLeadIncidents#TYPE} incident on the execution where the lead's process waits (the
 * leaf of its lifecycle instance tree, so Cockpit shows it on the right activity) and publishes
 * LeadStuck. When the lead moves ({@link LeadMoved}, in the mover's transaction) the row is closed, the
 * incident resolved and LeadUnstuck published; when the incident's execution ends, the engine deletes
 * the incident and {@link StuckLeadIncidents} closes the row.
 */
@Service
@Transactional
public class StuckLeadService {

  private final StuckLeadMapper stuck;
  private final RuntimeService runtime;
  private final LeadService leads;
  private final LeadEventPublisher events;
  private final Clock clock;

  StuckLeadService(StuckLeadMapper stuck, RuntimeService runtime, LeadService leads, LeadEventPublisher events,
      Clock clock) {
    this.stuck = stuck;
    this.runtime = runtime;
    this.leads = leads;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Flags the candidate in a transaction of its own. Throws {@code DuplicateKeyException} when the lead
   * is flagged already (another node was faster); returns empty when it moved since it was found.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Optional<StuckLead> flag(Candidate candidate, StuckLimit limit, Dwell dwell) {
    Lead lead = leads.getForUpdate(candidate.leadId());
    if (!lead.stage().name().equals(candidate.stage()) || !lead.stageChangedAt().equals(candidate.stageChangedAt())
        || !Objects.equals(lead.funnelPosition(), candidate.funnelPosition())) {
      return Optional.empty();
    }
    stuck.insert(new StuckLead(null, lead.id(), candidate.stage(), position(lead.stage(), lead.funnelPosition()),
        dwell.since(), dwell.now(), limit.maxDwell().toString(), limit.likelyCause(), limit.ruleRef(),
        lead.ownerId(), candidate.teamId(), null, null, null, null, null, null, null));
    StuckLead row = stuck.findOpenByLead(lead.id()).orElseThrow();
    Optional<String> waiting = waitingExecution(lead.id());
    if (waiting.isPresent()) {
      Incident incident = runtime.createIncident(StuckLeadIncidents.TYPE, waiting.get(), lead.id(),
          message(row, dwell, limit));
      stuck.updateIncident(row.id(), incident.getProcessInstanceId(), incident.getId());
      row = stuck.findOpenByLead(lead.id()).orElseThrow();
    }
    events.publish(LeadEvent.of(LeadEventType.LeadStuck, lead.id(), dwell.now(), LeadEvent.fields()
        .put("stage", row.stage())
        .put("funnelPosition", row.funnelPosition())
        .put("since", row.since().toString())
        .put("daysStuck", dwell.days())
        .put("maxDwell", row.maxDwell())
        .put("likelyCause", row.likelyCause())
        .put("rule", row.ruleRef())
        .put("ownerId", row.ownerId())
        .put("teamId", row.teamId())
        .put("processInstanceId", row.processInstanceId())
        .put("incidentId", row.incidentId())));
    return Optional.of(row);
  }

  /** Closes the lead's open row (and resolves its incident) when it left the stage or position it was stuck in. */
  @EventListener
  public void leadMoved(LeadMoved moved) {
    if (moved.stage() == LeadStage.OPPORTUNITY && moved.funnelPosition() != null) {
      stuck.insertPositionChange(moved.leadId(), moved.funnelPosition(), moved.at());
    }
    Optional<StuckLead> open = stuck.findOpenByLead(moved.leadId());
    if (open.isEmpty() || (open.get().stage().equals(moved.stage().name())
        && Objects.equals(open.get().funnelPosition(), position(moved.stage(), moved.funnelPosition())))) {
      return;
    }
    StuckLead row = open.get();
    close(row, "moved to " + where(moved.stage().name(), position(moved.stage(), moved.funnelPosition())));
    if (row.incidentId() != null
        && runtime.createIncidentQuery().incidentId(row.incidentId()).count() > 0) {
      runtime.resolveIncident(row.incidentId());
    }
  }

  /** The lead's stuck-lead incident was resolved or deleted by the engine: close its row if still open. */
  void incidentGone(String leadId, String resolution) {
    stuck.findOpenByLead(leadId).filter(row -> row.incidentId() != null).ifPresent(row -> close(row, resolution));
  }

  /** Open rows, longest stuck first within each team; {@code teamId} null: every team. */
  @Transactional(readOnly = true)
  public List<StuckLead> open(String teamId) {
    return stuck.findOpen(teamId);
  }

  @Transactional(readOnly = true)
  public List<StuckLead> history(String leadId) {
    return stuck.findByLead(leadId);
  }

  private void close(StuckLead row, String resolution) {
    leads.getForUpdate(row.leadId()); // the lead's events stay in commit order
    Instant now = clock.instant();
    stuck.close(row.id(), now, resolution);
    events.publish(LeadEvent.of(LeadEventType.LeadUnstuck, row.leadId(), now, LeadEvent.fields()
        .put("stage", row.stage())
        .put("funnelPosition", row.funnelPosition())
        .put("since", row.since().toString())
        .put("stuckFor", Duration.between(row.since(), now).withNanos(0).toString())
        .put("resolution", resolution)
        .put("incidentId", row.incidentId())));
  }

  /**
   * The execution the lead's process waits in: from the running lifecycle instance (business key =
   * lead id) down through called instances to the deepest, then to a leaf of its activity tree.
   */
  Optional<String> waitingExecution(String leadId) {
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId)
        .processDefinitionKey(LeadLifecycle.KEY).list().stream().findFirst().orElse(null);
    if (instance == null) {
      return Optional.empty();
    }
    for (ProcessInstance called = instance; called != null; ) {
      instance = called;
      called = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list().stream()
          .findFirst().orElse(null);
    }
    ActivityInstance tree = runtime.getActivityInstance(instance.getId());
    return Optional.ofNullable(tree == null ? instance.getId() : leaf(tree));
  }

  private static String leaf(ActivityInstance node) {
    for (ActivityInstance child : node.getChildActivityInstances()) {
      return leaf(child);
    }
    for (TransitionInstance transition : node.getChildTransitionInstances()) {
      return transition.getExecutionId();
    }
    return node.getExecutionIds().length > 0 ? node.getExecutionIds()[0] : null;
  }

  /** "Lead L-1 (Ada Lovelace, Acme) stuck 9 days in OPPORTUNITY/MIDDLE, owner leo (sales-north); limit 7 days; likely cause: …" */
  static String message(StuckLead row, Dwell dwell, StuckLimit limit) {
    String who = row.leadName() == null ? row.company() : row.company() == null ? row.leadName()
        : row.leadName() + ", " + row.company();
    return "Lead " + row.leadId() + (who == null ? "" : " (" + who + ")") + " stuck " + Dwell.describe(dwell.length())
        + " in " + where(row.stage(), row.funnelPosition()) + ", owner "
        + (row.ownerId() == null ? "none (team queue)" : row.ownerId())
        + (row.teamId() == null ? "" : " (" + row.teamId() + ")")
        + "; limit " + Dwell.describe(limit.maxDwell()) + "; likely cause: " + limit.likelyCause();
  }

  private static String where(String stage, String funnelPosition) {
    return funnelPosition == null ? stage : stage + "/" + funnelPosition;
  }

  /** Opportunities stand in a funnel position (TOP when none is set); other stages have none. */
  static String position(LeadStage stage, String funnelPosition) {
    return stage != LeadStage.OPPORTUNITY ? null : funnelPosition == null ? "TOP" : funnelPosition;
  }
}
