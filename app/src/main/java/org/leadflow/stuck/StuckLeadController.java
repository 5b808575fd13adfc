package org.leadflow.stuck;

import java.time.Clock;
import java.util.List;
import org.leadflow.capture.FieldError;
import org.leadflow.capture.InvalidSubmissionException;
import org.leadflow.people.PeopleService;
import org.leadflow.people.Team;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/stuck-leads?team=...}: the open stuck leads, by team (sales managers, process owners, admins). */
@RestController
@RequestMapping("/api/stuck-leads")
class StuckLeadController {

  private final StuckLeadService stuck;
  private final PeopleService people;
  private final Clock clock;

  StuckLeadController(StuckLeadService stuck, PeopleService people, Clock clock) {
    this.stuck = stuck;
    this.people = people;
    this.clock = clock;
  }

  @GetMapping
  List<StuckLeadView> stuckLeads(@RequestParam(required = false) String team) {
    if (team != null && people.teams().stream().map(Team::id).noneMatch(team::equals)) {
      throw new InvalidSubmissionException(List.of(new FieldError("team", "no team '" + team + "'; teams: "
          + String.join(", ", people.teams().stream().map(Team::id).toList()))));
    }
    return stuck.open(team).stream().map(row -> StuckLeadView.of(row, clock)).toList();
  }
}
