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
   * Open leads not flagged already that stood where they are longer than their own limit: in one of
   * the {@code limits}' stage (and, for opportunities, funnel position) since before its
   * {@code standingSince}; oldest first. Each stage is held to its own limit in the query, so leads
   * within a long limit (nurturing) never crowd the stuck ones out of the batch.
   */
  List<Candidate> findCandidates(List<Threshold> limits, int limit);

  /**
   * Stuck when standing in {@code stage} ({@code OPPORTUNITY}: in {@code position}, null for none)
   * since before {@code standingSince}.
   */
  final class Threshold {
    private final String stage;
    private final String position;
    private final Instant standingSince;

    public Threshold(String stage, String position, Instant standingSince) {
      this.stage = stage;
      this.position = position;
      this.standingSince = standingSince;
    }

    public String getStage() {
      return stage;
    }

    public String getPosition() {
      return position;
    }

    public Instant getStandingSince() {
      return standingSince;
    }

    public boolean isOpportunity() {
      return "OPPORTUNITY".equals(stage);
    }
  }

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
