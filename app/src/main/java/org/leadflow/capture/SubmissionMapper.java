package org.leadflow.capture;

import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Every submission received, unique by source + external id ({@code lead_submission}). */
@Mapper
public interface SubmissionMapper {

  @Insert("insert into lead_submission (source, external_id, lead_id, outcome, intent, received_at, received_by) "
      + "values (#{source}, #{externalId}, #{leadId}, #{outcome}, #{intent}, #{receivedAt}, #{receivedBy})")
  void insert(String source, String externalId, String leadId, String outcome, String intent, Instant receivedAt,
      String receivedBy);

  @Select("select lead_id from lead_submission where source = #{source} and external_id = #{externalId}")
  Optional<String> findLeadId(String source, String externalId);
}
