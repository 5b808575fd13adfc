package org.leadflow.sla;

import java.time.Instant;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** Append-only record of the sla-policy decisions per lead ({@code lead_sla_decision}). */
@Mapper
public interface SlaDecisionMapper {

  /** One stored decision: durations as ISO-8601 text. */
  record Row(String leadId, String ruleRef, String ruleNote, String channel, String intent, Integer score,
      String region, String sdrAttemptWithin, String acceptReminderAfter, String acceptEscalationAfter,
      String acceptWithin, String firstContactWithin, String followUpEvery, Instant decidedAt) {

    static Row of(String leadId, SlaFacts facts, SlaTerms terms, Instant decidedAt) {
      return new Row(leadId, terms.ruleRef(), terms.ruleNote(), facts.channel(), facts.intent(), facts.score(),
          facts.region(), terms.sdrAttemptWithin().toString(), terms.acceptReminderAfter().toString(),
          terms.acceptEscalationAfter().toString(), terms.acceptWithin().toString(),
          terms.firstContactWithin().toString(), terms.followUpEvery().toString(), decidedAt);
    }
  }

  @Select("select count(*) from lead_sla_decision where lead_id = #{leadId} and rule_ref = #{ruleRef}")
  int count(String leadId, String ruleRef);

  @Insert("insert into lead_sla_decision (lead_id, rule_ref, rule_note, channel, intent, score, region, "
      + "sdr_attempt_within, accept_reminder_after, accept_escalation_after, accept_within, first_contact_within, "
      + "follow_up_every, decided_at) values (#{leadId}, #{ruleRef}, #{ruleNote}, #{channel}, #{intent}, #{score}, "
      + "#{region}, #{sdrAttemptWithin}, #{acceptReminderAfter}, #{acceptEscalationAfter}, #{acceptWithin}, "
      + "#{firstContactWithin}, #{followUpEvery}, #{decidedAt})")
  void insert(Row row);

  @Select("select lead_id, rule_ref, rule_note, channel, intent, score, region, sdr_attempt_within, "
      + "accept_reminder_after, accept_escalation_after, accept_within, first_contact_within, follow_up_every, "
      + "decided_at from lead_sla_decision where lead_id = #{leadId} order by decided_at, id")
  java.util.List<Row> findByLead(String leadId);
}
