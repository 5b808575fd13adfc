package org.leadflow.engagement;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

/** {@code lead_engagement_event}, the engagement inbox. SQL in resources/mapper/EngagementMapper.xml. */
@Mapper
public interface EngagementMapper {

  boolean exists(String eventId);

  /** Fails with a duplicate key when the event id is stored already (check {@link #exists} first). */
  void insert(StoredEngagement event);

  /** Events of this email that no lead has yet, oldest first. */
  List<StoredEngagement> findPendingByEmail(String email);

  /** Gives a pending event to a lead; 0 when another transaction attached it already. */
  int attach(String eventId, String leadId, Instant attachedAt);

  List<StoredEngagement> findByLead(String leadId);
}
