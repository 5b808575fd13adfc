package org.leadflow.routing;

import java.time.Instant;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Round-robin cursors, teams and the assignment log. */
@Mapper
public interface RoutingMapper {

  /** The pool's cursor, locked for the rest of the transaction. */
  @Select("select pool, last_assignee from lead_routing_cursor where pool = #{pool} for update")
  Optional<RoutingCursor> lockCursor(String pool);

  record RoutingCursor(String pool, String lastAssignee) {}

  @Update("update lead_routing_cursor set last_assignee = #{assignee} where pool = #{pool}")
  void moveCursor(String pool, String assignee);

  @Select("select t.supervisor_id from lead_team t join lead_team_member m on m.team_id = t.id "
      + "where m.user_id = #{userId} order by t.id limit 1")
  Optional<String> supervisorOf(String userId);

  @Insert("insert into lead_assignment (lead_id, role, assignee, previous_assignee, reason, assigned_at, actor) "
      + "values (#{leadId}, #{role}, #{assignee}, #{previousAssignee}, #{reason}, #{assignedAt}, #{actor})")
  void insertAssignment(String leadId, String role, String assignee, String previousAssignee, String reason,
      Instant assignedAt, String actor);

  @Insert("insert into lead_team (id, name, supervisor_id) values (#{id}, #{name}, #{supervisorId})")
  void insertTeam(String id, String name, String supervisorId);

  @Insert("insert into lead_team_member (team_id, user_id) values (#{teamId}, #{userId})")
  void insertTeamMember(String teamId, String userId);

  @Select("select count(*) from lead_team where id = #{id}")
  int countTeam(String id);
}
