package org.leadflow.scoring;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The append-only score ledger ({@code lead_score_event}). */
@Mapper
public interface ScoreLedgerMapper {

  @Insert("insert into lead_score_event (lead_id, kind, rule_id, points, reason, scored_at) "
      + "values (#{leadId}, #{kind}, #{ruleId}, #{points}, #{reason}, #{scoredAt})")
  void insert(String leadId, String kind, String ruleId, int points, String reason, Instant scoredAt);

  @Select("select lead_id, kind, rule_id, points, reason, scored_at from lead_score_event "
      + "where lead_id = #{leadId} order by scored_at, id")
  List<ScoreLine> findByLead(String leadId);
}
