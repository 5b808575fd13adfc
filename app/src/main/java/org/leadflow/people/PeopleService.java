package org.leadflow.people;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.leadflow.capture.FieldError;
import org.leadflow.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams, rep profiles and absences: validated against the Camunda identity (a rep must be a user in
 * the group of their team's pool, a supervisor a sales manager). Teams stay small: more than
 * {@value #MAX_REPS_PER_SUPERVISOR} active reps under one supervisor is allowed but warned about.
 */
@Service
@Transactional
public class PeopleService {

  static final int MAX_REPS_PER_SUPERVISOR = 7;

  private static final Logger log = LoggerFactory.getLogger(PeopleService.class);

  private final PeopleMapper people;
  private final IdentityService identity;
  private final Clock clock;

  public PeopleService(PeopleMapper people, IdentityService identity, Clock clock) {
    this.people = people;
    this.identity = identity;
    this.clock = clock;
  }

  /** The result of a change, with warnings that did not stop it. */
  public record Changed<T>(T value, List<String> warnings) {}

  @Transactional(readOnly = true)
  public List<Team> teams() {
    return people.findTeams();
  }

  @Transactional(readOnly = true)
  public Team team(String teamId) {
    return people.findTeam(teamId).orElseThrow(() -> new PeopleNotFoundException("No team " + teamId));
  }

  @Transactional(readOnly = true)
  public List<Rep> repsOf(String teamId) {
    team(teamId);
    return people.findRepsOfTeam(teamId);
  }

  @Transactional(readOnly = true)
  public List<Rep> reps() {
    return people.findReps();
  }

  @Transactional(readOnly = true)
  public Rep rep(String userId) {
    return people.findRep(userId).orElseThrow(() -> new PeopleNotFoundException("No rep profile for " + userId));
  }

  @Transactional(readOnly = true)
  public List<Absence> absences(String userId) {
    rep(userId);
    return people.findAbsences(userId);
  }

  /** Creates the team or changes it (the id stays). */
  public Changed<Team> saveTeam(Team team) {
    List<FieldError> errors = new ArrayList<>();
    required(errors, "name", team.name());
    if (team.role() == null) {
      errors.add(new FieldError("role", "must be one of SALES, SDR"));
    }
    if (team.supervisorId() != null && !inGroup(team.supervisorId(), Roles.SALES_MANAGER)) {
      errors.add(new FieldError("supervisorId", isUser(team.supervisorId())
          ? "is not in group " + Roles.SALES_MANAGER : "is not a known user"));
    }
    if (team.timeZone() == null || !validZone(team.timeZone())) {
      errors.add(new FieldError("timeZone", "must be an IANA time zone id such as Europe/Berlin"));
    }
    if (team.role() != null && people.findTeam(team.id()).map(Team::role).filter(r -> r != team.role()).isPresent()
        && !people.findRepsOfTeam(team.id()).isEmpty()) {
      errors.add(new FieldError("role", "cannot change while the team has reps"));
    }
    fail(errors);
    if (people.updateTeam(team) == 0) {
      people.insertTeam(team);
    }
    return new Changed<>(team, supervisorWarnings(team.supervisorId()));
  }

  /** Creates or changes a rep's profile. */
  public Changed<Rep> saveRep(Rep rep) {
    List<FieldError> errors = new ArrayList<>();
    Optional<Team> team = rep.teamId() == null ? Optional.empty() : people.findTeam(rep.teamId());
    if (!isUser(rep.userId())) {
      errors.add(new FieldError("userId", "is not a known user"));
    } else if (team.isPresent() && !inGroup(rep.userId(), team.get().role().group())) {
      errors.add(new FieldError("userId", "is not in group " + team.get().role().group()
          + " (team " + rep.teamId() + " works the " + team.get().role() + " pool)"));
    }
    if (team.isEmpty()) {
      errors.add(new FieldError("teamId", rep.teamId() == null ? "must not be null" : "is not a known team"));
    }
    if (rep.capacity() < 0) {
      errors.add(new FieldError("capacity", "must be 0 or more"));
    }
    if (rep.status() == null) {
      errors.add(new FieldError("status", "must be one of ACTIVE, DEPARTED"));
    }
    fail(errors);
    if (people.updateRep(rep, clock.instant()) == 0) {
      people.insertRep(rep, clock.instant());
    }
    return new Changed<>(rep, supervisorWarnings(team.get().supervisorId()));
  }

  public Absence addAbsence(String userId, LocalDate from, LocalDate to, String reason, String actor) {
    rep(userId);
    List<FieldError> errors = new ArrayList<>();
    if (from == null) {
      errors.add(new FieldError("from", "must not be null"));
    }
    if (to == null) {
      errors.add(new FieldError("to", "must not be null"));
    } else if (from != null && to.isBefore(from)) {
      errors.add(new FieldError("to", "must not be before from"));
    }
    required(errors, "reason", reason);
    if (reason != null && reason.length() > 200) {
      errors.add(new FieldError("reason", "must be at most 200 characters"));
    }
    fail(errors);
    PeopleMapper.AbsenceRow row = new PeopleMapper.AbsenceRow(userId, from, to, reason.strip(), clock.instant(), actor);
    people.insertAbsence(row);
    log.info("{} is absent from {} to {} ({}), recorded by {}", userId, from, to, reason, actor);
    return row.toAbsence();
  }

  public void removeAbsence(String userId, long absenceId) {
    if (people.deleteAbsence(userId, absenceId) == 0) {
      throw new PeopleNotFoundException("No absence " + absenceId + " of " + userId);
    }
  }

  private List<String> supervisorWarnings(String supervisorId) {
    if (supervisorId == null) {
      return List.of();
    }
    int reps = people.countActiveRepsSupervisedBy(supervisorId);
    if (reps <= MAX_REPS_PER_SUPERVISOR) {
      return List.of();
    }
    String warning = supervisorId + " supervises " + reps + " active reps; teams stay small: at most "
        + MAX_REPS_PER_SUPERVISOR + " per supervisor (split the team)";
    log.warn(warning);
    return List.of(warning);
  }

  private boolean isUser(String userId) {
    return userId != null && identity.createUserQuery().userId(userId).count() == 1;
  }

  private boolean inGroup(String userId, String group) {
    return userId != null && identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 1;
  }

  private static boolean validZone(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static void required(List<FieldError> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "must not be blank"));
    }
  }

  private static void fail(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new InvalidPeopleChangeException(errors);
    }
  }
}
