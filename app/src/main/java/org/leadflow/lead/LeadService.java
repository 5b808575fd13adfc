package org.leadflow.lead;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead aggregate's state changes. Every stage change appends to {@code lead_stage_history}. All
 * methods join the caller's transaction, which for delegates is the engine's.
 */
@Service
@Transactional
public class LeadService {

  private final LeadMapper leads;
  private final Clock clock;

  public LeadService(LeadMapper leads, Clock clock) {
    this.leads = leads;
    this.clock = clock;
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

  /** Stores a newly captured lead and its first stage-history row. */
  public void create(Lead lead, String actor) {
    leads.insert(lead);
    leads.insertStageChange(lead.id(), null, lead.stage(), lead.capturedAt(), actor, "captured from " + lead.source());
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
    Instant now = clock.instant();
    leads.insertStageChange(lead.id(), lead.stage(), to, now, actor, truncate(reason, 200));
    leads.updateStage(lead.id(), to, ownerId, now);
    return get(lead.id());
  }

  public void markValid(String leadId) {
    leads.updateValidity(leadId, true, null, null, clock.instant());
  }

  public void markInvalid(String leadId, InvalidReason reason, String duplicateOf, String actor, String detail) {
    leads.updateValidity(leadId, false, reason.name(), duplicateOf, clock.instant());
    moveToStage(leadId, LeadStage.INVALID, actor, reason.name() + (detail == null ? "" : " - " + detail));
  }

  /** Back to marketing with a reason; returns how often the lead has been recycled now. */
  public int recycle(String leadId, String reason, String actor) {
    leads.incrementRecycleCount(leadId, clock.instant());
    Lead lead = moveToStage(leadId, LeadStage.RECYCLED, null, actor, "recycled: " + reason);
    return lead.recycleCount();
  }

  public void assignOwner(String leadId, String ownerId) {
    leads.updateOwner(leadId, ownerId, clock.instant());
  }

  public void updateScores(String leadId, int fitScore, int engagementScore) {
    leads.updateScores(leadId, fitScore, engagementScore, clock.instant());
  }

  public void updateOpportunity(String leadId, String funnelPosition, BigDecimal dealValue) {
    leads.updateOpportunity(leadId, funnelPosition, dealValue, clock.instant());
  }

  public void recordClose(String leadId, String closeReason, Boolean newCustomer) {
    leads.updateClose(leadId, closeReason, newCustomer, clock.instant());
  }

  public void markStuck(String leadId, boolean stuck) {
    Instant now = clock.instant();
    leads.updateStuckSince(leadId, stuck ? now : null, now);
  }

  /** Appends to the lead's activity log (call attempts, contacts, deal updates, re-engagements). */
  public void recordActivity(String leadId, ActivityType type, String code, String objection, String actor,
      String detail) {
    leads.insertActivity(leadId, type.name(), code, objection, actor, clock.instant(), truncate(detail, 2000));
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
