package org.leadflow.sla;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

/** Append-only SLA record ({@code lead_sla_event}). */
@Mapper
public interface SlaEventMapper {

  @Insert("insert into lead_sla_event (lead_id, sla_type, tier, owner_id, occurred_at) "
      + "values (#{leadId}, #{slaType}, #{tier}, #{ownerId}, #{occurredAt})")
  void insert(String leadId, String slaType, String tier, String ownerId, Instant occurredAt);
}
