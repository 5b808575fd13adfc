package org.leadflow.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Teams, rep profiles and absences: everyone who works leads may read, sales managers and admins change. */
@RestController
@Validated
@Tag(name = "People", description = "Teams, rep profiles (capacity, status) and absences that routing uses")
@SecurityRequirement(name = "basic")
class PeopleController {

  private final PeopleService people;

  PeopleController(PeopleService people) {
    this.people = people;
  }

  record TeamRequest(@NotBlank @Size(max = 100) String name, @NotNull TeamRole role,
      @Size(max = 64) String supervisorId, @Size(max = 100) String region, @Size(max = 100) String productLine,
      @NotBlank String timeZone) {}

  record TeamView(Team team, List<Rep> reps) {}

  record RepRequest(@NotBlank String teamId, @NotNull @Min(0) Integer capacity, @NotNull RepStatus status) {}

  record RepView(Rep rep, List<Absence> absences) {}

  record AbsenceRequest(@NotNull LocalDate from, @NotNull LocalDate to, @NotBlank @Size(max = 200) String reason) {}

  /** A change and what the caller should know about it (e.g. a supervisor with too many reps). */
  record ChangeResponse<T>(T value, List<String> warnings) {}

  @GetMapping("/api/teams")
  @Operation(summary = "All teams with their reps")
  List<TeamView> teams() {
    return people.teams().stream().map(team -> new TeamView(team, people.repsOf(team.id()))).toList();
  }

  @GetMapping("/api/teams/{teamId}")
  @Operation(summary = "A team with its reps")
  TeamView team(@PathVariable String teamId) {
    return new TeamView(people.team(teamId), people.repsOf(teamId));
  }

  @PutMapping("/api/teams/{teamId}")
  @Operation(summary = "Create or change a team",
      description = "warnings name a supervisor with more than 7 active reps (allowed, but teams should stay small)")
  ChangeResponse<Team> saveTeam(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String teamId,
      @Valid @RequestBody TeamRequest request) {
    PeopleService.Changed<Team> changed = people.saveTeam(new Team(teamId, request.name().strip(), request.role(),
        blankToNull(request.supervisorId()), blankToNull(request.region()), blankToNull(request.productLine()),
        request.timeZone().strip()));
    return new ChangeResponse<>(changed.value(), changed.warnings());
  }

  @GetMapping("/api/reps")
  @Operation(summary = "All rep profiles")
  List<Rep> reps() {
    return people.reps();
  }

  @GetMapping("/api/reps/{userId}")
  @Operation(summary = "A rep's profile with their absences")
  RepView rep(@PathVariable String userId) {
    return new RepView(people.rep(userId), people.absences(userId));
  }

  @PutMapping("/api/reps/{userId}")
  @Operation(summary = "Create or change a rep's profile (team, capacity, ACTIVE or DEPARTED)",
      description = "the user must exist in the Camunda identity and be in the group of the team's pool")
  ChangeResponse<Rep> saveRep(@PathVariable String userId, @Valid @RequestBody RepRequest request) {
    PeopleService.Changed<Rep> changed = people.saveRep(
        new Rep(userId, request.teamId().strip(), request.capacity(), request.status()));
    return new ChangeResponse<>(changed.value(), changed.warnings());
  }

  @GetMapping("/api/reps/{userId}/absences")
  @Operation(summary = "A rep's absences")
  List<Absence> absences(@PathVariable String userId) {
    return people.absences(userId);
  }

  @PostMapping("/api/reps/{userId}/absences")
  @Operation(summary = "Record an absence (both dates inclusive); routing skips the rep while it lasts")
  ResponseEntity<Absence> addAbsence(@PathVariable String userId, @Valid @RequestBody AbsenceRequest request,
      Principal principal) {
    Absence absence = people.addAbsence(userId, request.from(), request.to(), request.reason(), principal.getName());
    URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(absence.id()).toUri();
    return ResponseEntity.created(location).body(absence);
  }

  @DeleteMapping("/api/reps/{userId}/absences/{absenceId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove an absence")
  void removeAbsence(@PathVariable String userId, @PathVariable long absenceId) {
    people.removeAbsence(userId, absenceId);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
