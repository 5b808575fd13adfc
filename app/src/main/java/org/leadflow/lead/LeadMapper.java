package org.leadflow.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

/** The lead aggregate's tables. SQL in resources/mapper/LeadMapper.xml. */
@Mapper
public interface LeadMapper {

  void insert(Lead lead);

  Optional<Lead> findById(String id);

  /** Locks the row for the rest of the transaction (stage changes are serialised per lead). */
  Optional<Lead> findByIdForUpdate(String id);

  /** Ids of the open leads with this email, oldest first, locked (waits for an uncommitted insert of one). */
  List<String> findOpenIdsByEmailForUpdate(String email);

  /** Open leads with this email or phone, oldest first, other than {@code excludeId}. */
  List<Lead> findOpenByContact(String email, String phone, String excludeId);

  List<Lead> find(LeadFilter filter);

  long count(LeadFilter filter);

  void updateStage(String id, LeadStage stage, String ownerId, Instant at);

  void updateValidity(String id, boolean valid, String invalidReason, String duplicateOf, String validityRule,
      String invalidDetail, Instant at);

  void updateScores(String id, int fitScore, int engagementScore, Instant at);

  void updateOwner(String id, String ownerId, Instant at);

  void incrementRecycleCount(String id, Instant at);

  void updateOpportunity(String id, String funnelPosition, BigDecimal dealValue, Instant at);

  void updateClose(String id, String closeReason, Boolean newCustomer, Instant at);

  void updateStuckSince(String id, Instant stuckSince, Instant at);

  void insertStageChange(String leadId, LeadStage fromStage, LeadStage toStage, Instant changedAt,
      String actor, String reason);

  void insertActivity(String leadId, String type, String code, String objection, String actor,
      Instant occurredAt, String detail);

  List<TimelineEntry> timeline(String leadId);
}
