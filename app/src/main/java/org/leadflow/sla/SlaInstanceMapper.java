package org.leadflow.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The SLA instances ({@code lead_sla}) and the append-only tier log ({@code lead_sla_event}). */
@Mapper
public interface SlaInstanceMapper {

  String COLUMNS = "id, lead_id, sla_type, owner_id, team_id, rule_ref, rule_note, started_at, remind_at, due_at, "
      + "escalate_at, reassign_at, recycle_at, tiers_fired, breached_at, status, outcome, ended_at, overdue_seconds, "
      + "process_instance_id, task_id";

  /** The row to insert; {@code id} is filled in. */
  final class NewInstance {
    public Long id;
    public final SlaInstance sla;

    NewInstance(SlaInstance sla) {
      this.sla = sla;
    }
  }

  @Insert("insert into lead_sla (lead_id, sla_type, owner_id, team_id, rule_ref, rule_note, started_at, remind_at, "
      + "due_at, escalate_at, reassign_at, recycle_at, tiers_fired, status, process_instance_id, task_id) values ("
      + "#{sla.leadId}, #{sla.slaType}, #{sla.ownerId}, #{sla.teamId}, #{sla.ruleRef}, #{sla.ruleNote}, "
      + "#{sla.startedAt}, #{sla.remindAt}, #{sla.dueAt}, #{sla.escalateAt}, #{sla.reassignAt}, #{sla.recycleAt}, "
      + "'', 'OPEN', #{sla.processInstanceId}, #{sla.taskId})")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insert(NewInstance row);

  /** The latest instance of this SLA of the lead, open or not. */
  @Select("select " + COLUMNS + " from lead_sla where lead_id = #{leadId} and sla_type = #{type} "
      + "order by started_at desc, id desc limit 1")
  Optional<SlaInstance> findLatest(@Param("leadId") String leadId, @Param("type") SlaType type);

  @Select("select " + COLUMNS + " from lead_sla where lead_id = #{leadId} and sla_type = #{type} and status = 'OPEN' "
      + "order by id")
  List<SlaInstance> findOpen(@Param("leadId") String leadId, @Param("type") SlaType type);

  /** {@code breachedAt} null keeps the breach instant as it is. */
  @Update("update lead_sla set tiers_fired = #{tiersFired}, breached_at = coalesce(breached_at, #{breachedAt}) "
      + "where id = #{id}")
  void recordTier(@Param("id") long id, @Param("tiersFired") String tiersFired, @Param("breachedAt") Instant breachedAt);

  @Update("update lead_sla set status = 'CLOSED', outcome = #{outcome}, ended_at = #{at}, overdue_seconds = #{overdue} "
      + "where id = #{id}")
  void close(@Param("id") long id, @Param("outcome") SlaInstance.Outcome outcome, @Param("at") Instant at,
      @Param("overdue") long overdueSeconds);

  /** A tier's closing word: the outcome changes, the end and the overrun stay. */
  @Update("update lead_sla set outcome = #{outcome} where id = #{id}")
  void setOutcome(@Param("id") long id, @Param("outcome") SlaInstance.Outcome outcome);

  @Insert("insert into lead_sla_event (lead_id, sla_type, tier, owner_id, occurred_at) "
      + "values (#{leadId}, #{slaType}, #{tier}, #{ownerId}, #{occurredAt})")
  void insertTierEvent(@Param("leadId") String leadId, @Param("slaType") SlaType slaType, @Param("tier") SlaTier tier,
      @Param("ownerId") String ownerId, @Param("occurredAt") Instant occurredAt);

  @Select("select " + COLUMNS + " from lead_sla where lead_id = #{leadId} order by started_at, id")
  List<SlaInstance> findByLead(String leadId);

  /** Instances that started in [from, to), optionally of one type, team, owner or status; newest first. */
  @Select("<script>select " + COLUMNS + " from lead_sla where started_at &gt;= #{from} and started_at &lt; #{to}"
      + "<if test='type != null'> and sla_type = #{type}</if>"
      + "<if test='teamId != null'> and team_id = #{teamId}</if>"
      + "<if test='ownerId != null'> and owner_id = #{ownerId}</if>"
      + "<if test='status != null'> and status = #{status}</if>"
      + " order by started_at desc, id desc limit #{limit}</script>")
  List<SlaInstance> find(@Param("from") Instant from, @Param("to") Instant to, @Param("type") SlaType type,
      @Param("teamId") String teamId, @Param("ownerId") String ownerId, @Param("status") SlaInstance.Status status,
      @Param("limit") int limit);

  /** Compliance per SLA type of the instances that started in [from, to) (optionally one team). */
  @Select("<script>select sla_type, count(*) as started, "
      + "sum(case when outcome = 'MET' then 1 else 0 end) as met, "
      + "sum(case when outcome = 'MET_LATE' then 1 else 0 end) as met_late, "
      + "sum(case when breached_at is not null then 1 else 0 end) as breached, "
      + "sum(case when status = 'OPEN' then 1 else 0 end) as still_open, "
      + "sum(case when outcome = 'REASSIGNED' then 1 else 0 end) as reassigned, "
      + "sum(case when outcome = 'RECYCLED' then 1 else 0 end) as recycled, "
      + "sum(case when outcome = 'CANCELLED' then 1 else 0 end) as cancelled, "
      + "max(coalesce(overdue_seconds, 0)) as max_overdue_seconds "
      + "from lead_sla where started_at &gt;= #{from} and started_at &lt; #{to}"
      + "<if test='teamId != null'> and team_id = #{teamId}</if>"
      + " group by sla_type order by sla_type</script>")
  List<SlaCompliance> compliance(@Param("from") Instant from, @Param("to") Instant to, @Param("teamId") String teamId);
}
