package org.leadflow.stuck;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

/** Tables {@code lead_stuck} and {@code lead_position_change}. SQL in resources/mapper/StuckLeadMapper.xml. */
@Mapper
interface StuckLeadMapper {

  void insertPositionChange(String leadId, String position, Instant changedAt);

  /**
   * Open leads in {@code stages} that have stood where they are since before {@code standingSince}
   * and are not flagged already, oldest first.
   */
  List<Candidate> findCandidates(List<String> stages, Instant standingSince, int limit);

  /** Inserts an open row; a second open row for the same lead violates {@code ux_lead_stuck_open}. */
  void insert(StuckLead stuck);

  void updateIncident(long id, String processInstanceId, String incidentId);

  Optional<StuckLead> findOpenByLead(String leadId);

  /** Open rows of {@code teamId} (all teams when null), longest stuck first. */
  List<StuckLead> findOpen(String teamId);

  List<StuckLead> findByLead(String leadId);

  void close(long id, Instant resolvedAt, String resolution);

  /** A lead that may be stuck: where it stands, since when, who owns it. */
  record Candidate(String leadId, String stage, String funnelPosition, Instant stageChangedAt,
      Instant positionChangedAt, String ownerId, String teamId, String firstName, String lastName, String company) {}
}
