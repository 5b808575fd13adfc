package org.leadflow.people;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

/** Teams, rep profiles and absences (mapper/PeopleMapper.xml). */
@Mapper
public interface PeopleMapper {

  List<Team> findTeams();

  Optional<Team> findTeam(String id);

  /** The team's row, locked for the rest of the transaction: routing into one team takes turns. */
  Optional<Team> lockTeam(String id);

  void insertTeam(Team team);

  int updateTeam(Team team);

  List<Rep> findReps();

  List<Rep> findRepsOfTeam(String teamId);

  Optional<Rep> findRep(String userId);

  void insertRep(Rep rep, Instant at);

  int updateRep(Rep rep, Instant at);

  /** Active reps of all teams this user supervises. */
  int countActiveRepsSupervisedBy(String supervisorId);

  List<Absence> findAbsences(String userId);

  /** Absences of these users that have not ended before {@code day}. */
  List<Absence> findAbsencesNotEndedBefore(Collection<String> userIds, LocalDate day);

  void insertAbsence(AbsenceRow absence);

  int deleteAbsence(String userId, long id);

  /** Insertable absence; MyBatis writes the generated id back. */
  final class AbsenceRow {
    public Long id;
    public final String userId;
    public final LocalDate fromDate;
    public final LocalDate toDate;
    public final String reason;
    public final Instant createdAt;
    public final String createdBy;

    public AbsenceRow(String userId, LocalDate fromDate, LocalDate toDate, String reason, Instant createdAt,
        String createdBy) {
      this.userId = userId;
      this.fromDate = fromDate;
      this.toDate = toDate;
      this.reason = reason;
      this.createdAt = createdAt;
      this.createdBy = createdBy;
    }

    public Absence toAbsence() {
      return new Absence(id, userId, fromDate, toDate, reason, createdAt, createdBy);
    }
  }
}
