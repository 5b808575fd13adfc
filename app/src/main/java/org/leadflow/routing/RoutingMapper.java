package org.leadflow.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** What routing reads about reps' loads and results, its fairness ledger and the assignment log (mapper/RoutingMapper.xml). */
@Mapper
public interface RoutingMapper {

  /** The supervisor of the rep's team. */
  @Select("select t.supervisor_id from lead_team t join lead_rep r on r.team_id = t.id where r.user_id = #{userId}")
  Optional<String> supervisorOf(String userId);

  @Insert("insert into lead_assignment (lead_id, role, assignee, previous_assignee, reason, assigned_at, actor) "
      + "values (#{leadId}, #{role}, #{assignee}, #{previousAssignee}, #{reason}, #{assignedAt}, #{actor})")
  void insertAssignment(String leadId, String role, String assignee, String previousAssignee, String reason,
      Instant assignedAt, String actor);

  /** Open leads (MQL, SQL, SAL, OPPORTUNITY) per owner; owners without any are missing. */
  List<Load> openLoads(Collection<String> userIds);

  record Load(String userId, int openLeads) {}

  /** Won and lost leads per owner, closed at or after {@code since}. */
  List<Results> resultsSince(Collection<String> userIds, Instant since);

  record Results(String userId, int won, int lost) {}

  List<Credit> credits(String teamId);

  /**
   * A rep's place in the team's smooth weighted round robin: {@code credit} grows by their weight on
   * every lead they are eligible for and shrinks by the sum of the weights when they get one.
   */
  record Credit(String userId, double credit, int assigned, boolean eligible) {}

  /** Writes the credits of reps who have a row already. */
  int updateCredits(String teamId, Collection<Credit> credits, Instant at);

  void insertCredit(String teamId, Credit credit, Instant at);
}
