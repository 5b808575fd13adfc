package org.leadflow.lead;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.reports.ReportProjection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead aggregate's state changes. Every stage change appends to {@code lead_stage_history} and
 * publishes exactly one lifecycle event through the outbox: LeadCaptured for the first stage,
 * LeadRecycled, LeadClosed (WON, LOST) or LeadStageChanged. All methods join the caller's
 * transaction, which for delegates is the engine's. Stage and funnel-position changes also announce
 * themselves in-process as {@link LeadMoved} (stuck-lead incidents are resolved on it).
 */
@Service
@Transactional
public class LeadService {

  private final LeadMapper leads;
  private final LeadEventPublisher events;
  private final Clock clock;
  private final ApplicationEventPublisher moves;
  private final ReportProjection reports;

  public LeadService(LeadMapper leads, LeadEventPublisher events, Clock clock, ApplicationEventPublisher moves,
      ReportProjection reports) {
    this.reports = reports;
    this.leads = leads;
    this.events = events;
    this.clock = clock;
    this.moves = moves;
  }

  @Transactional(readOnly = true)
  public Optional<Lead> find(String leadId) {
    return leads.findById(leadId);
  }

  @Transactional(readOnly = true)
  public Lead get(String leadId) {
    return leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
  }

  /** The lead, its row locked for the rest of the transaction (serialises work on one lead). */
  public Optional<Lead> findForUpdate(String leadId) {
    return leads.findByIdForUpdate(leadId);
  }

  /** The oldest open lead with this normalised email, locked; waits for one another transaction is inserting. */
  public Optional<Lead> findOpenByEmailForUpdate(String email) {
    return leads.findOpenIdsByEmailForUpdate(email).stream().findFirst().flatMap(leads::findByIdForUpdate);
  }

  /**
   * Reads the lead and locks its row for the rest of the transaction: for writers of lead facts that
   * do not change the lead itself (SLA records), so that the lead's events keep their order.
   */
  public Lead getForUpdate(String leadId) {
    return lock(leadId);
  }

  /** Stores a newly captured lead and its first stage-history row. */
  public void create(Lead lead, String actor) {
    leads.insert(lead);
    leads.insertStageChange(lead.id(), null, lead.stage(), lead.capturedAt(), actor, "captured from " + lead.source());
    reports.entered(lead, lead.stage().name(), lead.capturedAt(), "captured from " + lead.source());
    events.publish(LeadEvent.of(LeadEventType.LeadCaptured, lead.id(), lead.capturedAt(), LeadEvent.fields()
        .put("stage", lead.stage().name())
        .put("source", lead.source())
        .put("campaign", lead.campaign())
        .put("intent", lead.intent().name())
        .put("actor", actor)));
  }

  /** Moves the lead to {@code to}, keeping its owner. */
  public Lead moveToStage(String leadId, LeadStage to, String actor, String reason) {
    Lead lead = lock(leadId);
    return moveToStage(lead, to, lead.ownerId(), actor, reason);
  }

  /** Moves the lead to {@code to} and hands it to {@code ownerId} (null: the stage's team queue). */
  public Lead moveToStage(String leadId, LeadStage to, String ownerId, String actor, String reason) {
    return moveToStage(lock(leadId), to, ownerId, actor, reason);
  }

  private Lead moveToStage(Lead lead, LeadStage to, String ownerId, String actor, String reason) {
    return moveToStage(lead, to, ownerId, actor, reason, reason);
  }

  /** {@code eventReason}: the reason as the event tells it (without the history's wording around it). */
  private Lead moveToStage(Lead before, LeadStage to, String ownerId, String actor, String reason,
      String eventReason) {
    Instant now = clock.instant();
    leads.insertStageChange(before.id(), before.stage(), to, now, actor, truncate(reason, 200));
    leads.updateStage(before.id(), to, ownerId, now);
    Lead after = get(before.id());
    reports.entered(before, after, to.name(), now, eventReason);
    events.publish(stageChanged(before.stage(), to, after, actor, eventReason, now));
    moves.publishEvent(new LeadMoved(after.id(), to, after.funnelPosition(), now));
    return after;
  }

  /** The one event of a stage change after the first; {@code after} is the lead as it is now. */
  private static LeadEvent stageChanged(LeadStage from, LeadStage to, Lead after, String actor, String reason,
      Instant at) {
    var data = LeadEvent.fields().put("from", from.name()).put("to", to.name()).put("actor", actor);
    return switch (to) {
      case RECYCLED -> LeadEvent.of(LeadEventType.LeadRecycled, after.id(), at, data
          .put("reason", reason)
          .put("recycleCount", after.recycleCount()));
      case WON, LOST -> LeadEvent.of(LeadEventType.LeadClosed, after.id(), at, data
          .put("outcome", to.name())
          .put("dealValue", after.dealValue())
          .put("closeReason", after.closeReason())
          .put("newCustomer", after.newCustomer())
          .put("funnelPosition", after.funnelPosition())
          .put("ownerId", after.ownerId())
          .put("reason", reason));
      default -> LeadEvent.of(LeadEventType.LeadStageChanged, after.id(), at, data
          .put("reason", reason)
          .put("ownerId", after.ownerId()));
    };
  }

  /** The validity check passed for {@code lead} (as the check read it: its capture-time facts go to the reports). */
  public void markValid(Lead lead, String rule) {
    Instant now = clock.instant();
    Lead stored = lock(lead.id());
    leads.updateValidity(lead.id(), true, null, null, rule, null, now);
    reports.verdictChanged(stored, true, null);
    reports.changed(stored, get(lead.id()));
    reports.validated(lead, now);
  }

  public void markInvalid(String leadId, InvalidReason reason, String duplicateOf, String actor, String detail) {
    markInvalid(leadId, reason, duplicateOf, actor, detail, null);
  }

  /**
   * Invalid with its reason, the rule that decided (a decision table ref, or null for a person's
   * verdict) and the detail; the stage history names all three.
   */
  public void markInvalid(String leadId, InvalidReason reason, String duplicateOf, String actor, String detail,
      String rule) {
    Lead stored = lock(leadId);
    leads.updateValidity(leadId, false, reason.name(), duplicateOf, rule, truncate(detail, 300), clock.instant());
    reports.verdictChanged(stored, false, reason.name());
    reports.changed(stored, get(leadId));
    moveToStage(leadId, LeadStage.INVALID, actor, reason.name() + (detail == null ? "" : " - " + detail)
        + (rule == null ? "" : " (" + rule + ")"));
  }

  /** Back to marketing with a reason; returns how often the lead has been recycled now. */
  public int recycle(String leadId, String reason, String actor) {
    leads.incrementRecycleCount(leadId, clock.instant());
    Lead lead = moveToStage(lock(leadId), LeadStage.RECYCLED, null, actor, "recycled: " + reason, reason);
    return lead.recycleCount();
  }

  public void assignOwner(String leadId, String ownerId) {
    Lead before = lock(leadId);
    leads.updateOwner(leadId, ownerId, clock.instant());
    reports.changed(before, get(leadId));   // the open pipeline is by owner
  }

  public void updateScores(String leadId, int fitScore, int engagementScore) {
    leads.updateScores(leadId, fitScore, engagementScore, clock.instant());
  }

  public void updateOpportunity(String leadId, String funnelPosition, BigDecimal dealValue) {
    Lead before = lock(leadId);
    Instant now = clock.instant();
    leads.updateOpportunity(leadId, funnelPosition, dealValue, now);
    reports.changed(before, get(leadId));
    if (funnelPosition != null && !funnelPosition.equals(before.funnelPosition())) {
      moves.publishEvent(new LeadMoved(leadId, before.stage(), funnelPosition, now));
    }
  }

  public void recordClose(String leadId, String closeReason, Boolean newCustomer) {
    Lead before = lock(leadId);
    leads.updateClose(leadId, closeReason, newCustomer, clock.instant());
    reports.changed(before, get(leadId));
  }

  public void markStuck(String leadId, boolean stuck) {
    Instant now = clock.instant();
    leads.updateStuckSince(leadId, stuck ? now : null, now);
  }

  /** Appends to the lead's activity log (call attempts, contacts, deal updates, re-engagements). */
  public void recordActivity(String leadId, ActivityType type, String code, String objection, String actor,
      String detail) {
    Instant at = clock.instant();
    leads.insertActivity(leadId, type.name(), code, objection, actor, at, truncate(detail, 2000));
    Lead lead = objection != null || type == ActivityType.CALL_ATTEMPT || type == ActivityType.FIRST_CONTACT
        ? get(leadId) : null;
    if (type == ActivityType.CALL_ATTEMPT || type == ActivityType.FIRST_CONTACT) {
      reports.contacted(lead, at);   // speed to lead (report_first_contact)
    }
    if (objection != null) {
      reports.objected(lead, at, objection);   // outcomes' objections (V021)
    }
  }

  /** Open leads, other than {@code excludeId}, that share the normalised email or phone. */
  @Transactional(readOnly = true)
  public List<Lead> findOpenByContact(String email, String phone, String excludeId) {
    if (email == null && phone == null) {
      return List.of();
    }
    return leads.findOpenByContact(email, phone, excludeId == null ? "" : excludeId);
  }

  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(String leadId) {
    return leads.timeline(leadId);
  }

  @Transactional(readOnly = true)
  public List<Lead> find(LeadFilter filter) {
    return leads.find(filter);
  }

  @Transactional(readOnly = true)
  public long count(LeadFilter filter) {
    return leads.count(filter);
  }

  private Lead lock(String leadId) {
    return leads.findByIdForUpdate(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
