package org.leadflow.handover;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code lead_handover} and {@code lead_handover_item}, and the open leads a rep owns. */
@Mapper
interface HandoverMapper {

  /** The row to insert; {@code id} is filled in by the database. */
  final class NewHandover {
    public Long id;
    public String departingRep;
    public String kind;
    public LocalDate returnsOn;
    public boolean handBack;
    public String chosenSuccessor;
    public String note;
    public String processInstanceId;
    public String startedBy;
    public Instant startedAt;
  }

  @Insert("insert into lead_handover (departing_rep, kind, returns_on, hand_back, chosen_successor, note, "
      + "process_instance_id, status, started_by, started_at) values (#{departingRep}, #{kind}, #{returnsOn}, "
      + "#{handBack}, #{chosenSuccessor}, #{note}, #{processInstanceId}, 'IN_PROGRESS', #{startedBy}, #{startedAt})")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insert(NewHandover handover);

  @Update("update lead_handover set status = #{status}, leads_moved = #{leads}, tasks_moved = #{tasks}, "
      + "timers_moved = #{timers} where id = #{id}")
  void recordMoved(@Param("id") long id, @Param("status") String status, @Param("leads") int leads,
      @Param("tasks") int tasks, @Param("timers") int timers);

  @Update("update lead_handover set status = 'HANDED_BACK', handed_back_at = #{at} where id = #{id}")
  void recordHandedBack(@Param("id") long id, @Param("at") Instant at);

  @Insert("insert into lead_handover_item (handover_id, lead_id, seq, band, stage, successor, tasks_moved, "
      + "timers_moved) values (#{handoverId}, #{leadId}, #{seq}, #{band}, #{stage}, #{successor}, #{tasks}, #{timers})")
  void insertItem(@Param("handoverId") long handoverId, @Param("leadId") String leadId, @Param("seq") int seq,
      @Param("band") FunnelBand band, @Param("stage") String stage, @Param("successor") String successor,
      @Param("tasks") int tasks, @Param("timers") int timers);

  @Update("update lead_handover_item set handed_back_at = #{at}, hand_back_note = #{note} "
      + "where handover_id = #{handoverId} and lead_id = #{leadId}")
  void recordItemHandBack(@Param("handoverId") long handoverId, @Param("leadId") String leadId,
      @Param("at") Instant at, @Param("note") String note);

  @Select("select id, departing_rep, kind, returns_on, hand_back, chosen_successor, note, process_instance_id, "
      + "status, leads_moved, tasks_moved, timers_moved, started_by, started_at, handed_back_at "
      + "from lead_handover where id = #{id}")
  Optional<Handover> find(long id);

  @Select("select id, departing_rep, kind, returns_on, hand_back, chosen_successor, note, process_instance_id, "
      + "status, leads_moved, tasks_moved, timers_moved, started_by, started_at, handed_back_at "
      + "from lead_handover where (#{rep} is null or departing_rep = #{rep}) order by started_at desc, id desc limit 100")
  List<Handover> findRecent(@Param("rep") String rep);

  @Select("select lead_id, seq, band, stage, successor, tasks_moved, timers_moved, handed_back_at, hand_back_note "
      + "from lead_handover_item where handover_id = #{handoverId} order by seq")
  List<Handover.Item> items(long handoverId);

  /** A lead the rep owns that is still open, with what decides its band; the rows are locked. */
  record OwnedLead(String id, String stage, String funnelPosition) {}

  @Select("select id, stage, funnel_position from lead where owner_id = #{rep} "
      + "and stage not in ('INVALID', 'WON', 'LOST', 'DISQUALIFIED', 'DORMANT') order by id for update")
  List<OwnedLead> lockOpenLeadsOf(String rep);

  @Select("select count(*) from lead where owner_id = #{rep} "
      + "and stage not in ('INVALID', 'WON', 'LOST', 'DISQUALIFIED', 'DORMANT')")
  int countOpenLeadsOf(String rep);
}
