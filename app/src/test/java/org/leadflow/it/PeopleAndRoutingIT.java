package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.process.SdrQualification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * People and teams through REST (read by the working groups, changed by sales managers and admins),
 * and routing as users meet it: MQLs assigned to an SDR, an absent rep gets no leads, a manager's
 * reassignment task moves the lead. Changes to the shared demo people are undone at the end.
 */
class PeopleAndRoutingIT extends IntegrationTestBase {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired IdentityService identity;

  private ResponseEntity<JsonNode> exchange(HttpMethod method, String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private ResponseEntity<JsonNode> put(String user, String path, Object body) {
    return exchange(HttpMethod.PUT, user, path, body);
  }

  private static List<String> fields(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    return response.getBody().path("errors").findValuesAsText("field");
  }

  private ObjectNode team(String name, String role, String supervisor, String timeZone) {
    ObjectNode team = json.createObjectNode();
    team.put("name", name);
    team.put("role", role);
    team.put("supervisorId", supervisor);
    team.put("timeZone", timeZone);
    return team;
  }

  private ObjectNode rep(String teamId, Object capacity, String status) {
    ObjectNode rep = json.createObjectNode();
    rep.put("teamId", teamId);
    rep.putPOJO("capacity", capacity);
    rep.put("status", status);
    return rep;
  }

  private ObjectNode absence(LocalDate from, LocalDate to, String reason) {
    ObjectNode absence = json.createObjectNode();
    absence.put("from", from.toString());
    absence.put("to", to.toString());
    absence.put("reason", reason);
    return absence;
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  @Test
  void everyWorkingGroupReadsTheDemoTeamsWithTheirReps() {
    ResponseEntity<JsonNode> teams = get("sam", "/api/teams");

    assertThat(teams.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(teams.getBody().findValuesAsText("id")).contains("sales-north", "sales-west", "sdr-desk");
    JsonNode north = get("leo", "/api/teams/sales-north").getBody();
    assertThat(north.path("team").path("supervisorId").asText()).isEqualTo("max");
    assertThat(north.path("team").path("timeZone").asText()).isEqualTo("Europe/Berlin");
    assertThat(north.path("reps").findValuesAsText("userId")).containsExactly("lena", "leo");
    JsonNode nick = get("mia", "/api/reps/nick").getBody();
    assertThat(nick.path("rep").path("capacity").asInt()).isEqualTo(15);
    assertThat(nick.path("rep").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(get("sam", "/api/teams/no-such-team").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("sam", "/api/reps/mia").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlySalesManagersAndAdminsChangePeople() {
    ObjectNode body = team("Sales East", "SALES", "max", "Europe/Warsaw");

    assertThat(put("sam", "/api/teams/sales-east", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("leo", "/api/reps/leo", rep("sales-north", 99, "ACTIVE")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange(HttpMethod.POST, "sara", "/api/reps/sam/absences",
        absence(LocalDate.now(BERLIN), LocalDate.now(BERLIN), "beach")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> created = put("max", "/api/teams/sales-east", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(created.getBody().path("value").path("timeZone").asText()).isEqualTo("Europe/Warsaw");
    assertThat(created.getBody().path("warnings")).isEmpty();
    assertThat(put("demo", "/api/teams/sales-east", team("Sales East", "SALES", "mona", "Europe/Warsaw"))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void badChangesAreRejectedNamingTheField() {
    assertThat(fields(put("max", "/api/reps/nobody-such", rep("sales-north", 10, "ACTIVE")))).containsExactly("userId");
    assertThat(fields(put("max", "/api/reps/mia", rep("sales-north", 10, "ACTIVE")))).containsExactly("userId");
    assertThat(fields(put("max", "/api/reps/leo", rep("no-such-team", 10, "ACTIVE")))).containsExactly("teamId");
    assertThat(fields(put("max", "/api/reps/leo", rep("sales-north", -1, "ACTIVE")))).containsExactly("capacity");
    assertThat(fields(put("max", "/api/reps/leo", rep("sales-north", 10, "RETIRED")))).containsExactly("status");
    assertThat(fields(put("max", "/api/teams/t1", team("T", "SALES", "leo", "Europe/Berlin"))))
        .containsExactly("supervisorId");
    assertThat(fields(put("max", "/api/teams/t1", team("T", "SALES", "max", "Mars/Olympus"))))
        .containsExactly("timeZone");
    assertThat(fields(put("max", "/api/teams/t1", team("T", "MARKETING", "max", "UTC")))).containsExactly("role");
    LocalDate today = LocalDate.now(BERLIN);
    assertThat(fields(exchange(HttpMethod.POST, "max", "/api/reps/leo/absences",
        absence(today, today.minusDays(1), "vacation")))).containsExactly("to");
    assertThat(exchange(HttpMethod.POST, "max", "/api/reps/mia/absences", absence(today, today, "x"))
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aSupervisorWithMoreThanSevenRepsIsWarnedAboutButNotRefused() {
    user("it-boss", "sales-manager");
    assertThat(put("max", "/api/teams/it-big", team("Big team", "SALES", "it-boss", "UTC")).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> last = null;
    for (int i = 1; i <= 8; i++) {
      user("it-rep-" + i, "sales");
      last = put("demo", "/api/reps/it-rep-" + i, rep("it-big", 10, "ACTIVE"));
      assertThat(last.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(last.getBody().path("warnings")).as("rep %d", i).hasSize(i <= 7 ? 0 : 1);
    }
    assertThat(last.getBody().path("warnings").get(0).asText()).startsWith("it-boss supervises 8 active reps");
  }

  @Test
  void anMqlIsAssignedToAnSdrWhoFindsItInTheSdrQueue() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));

    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    assertThat(qualify.getAssignee()).isIn("sam", "sara");
    assertThat(candidateGroups(qualify)).containsExactly("sdr");
    assertThat(jdbc.queryForObject("select reason from lead_assignment where lead_id = ? and role = 'SDR'",
        String.class, leadId)).startsWith("MQL: lead-routing:v").contains("/Rule_SdrDesk", "team sdr-desk");
    assertThat(jdbc.queryForObject("select owner_id from lead where id = ?", String.class, leadId))
        .isEqualTo(qualify.getAssignee());
  }

  @Test
  void anAbsentRepGetsNoNewLeadsAndTheReasonSaysWhy() {
    LocalDate today = LocalDate.now(BERLIN);
    ResponseEntity<JsonNode> absent = exchange(HttpMethod.POST, "max", "/api/reps/lena/absences",
        absence(today.minusDays(1), today.plusDays(3), "vacation"));
    assertThat(absent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long absenceId = absent.getBody().path("id").asLong();
    try {
      assertThat(get("sam", "/api/reps/lena/absences").getBody().findValuesAsText("reason")).contains("vacation");
      for (int i = 0; i < 3; i++) {
        String leadId = sqlLead();
        assertThat(task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee()).isEqualTo("leo");
        assertThat(jdbc.queryForObject("select reason from lead_assignment where lead_id = ? and role = 'SALES'",
            String.class, leadId)).contains("lena (absent until " + today.plusDays(3) + ": vacation)");
      }
    } finally {
      assertThat(exchange(HttpMethod.DELETE, "max", "/api/reps/lena/absences/" + absenceId, null).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
  }

  @Test
  void aManagerReassignsALeadThroughATaskAndTheLeadAndItsTaskMove() {
    // given a lead waiting for its rep
    String leadId = sqlLead();
    String firstRep = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee();
    String otherRep = "leo".equals(firstRep) ? "lena" : "leo";

    // when a rep tries, then the manager asks
    assertThat(post("leo", "/api/leads/" + leadId + "/reassignment", null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> requested = post("max", "/api/leads/" + leadId + "/reassignment", null);

    // then max has the reassign task and completes it choosing the other rep
    assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    Task reassign = task(leadId, SalesFollowUp.Tasks.REASSIGN_LEAD);
    assertThat(reassign.getId()).isEqualTo(requested.getBody().path("taskId").asText());
    assertThat(reassign.getAssignee()).isEqualTo("max");
    assertThat(candidateGroups(reassign)).containsExactly("sales-manager");
    completeOk("max", reassign, Map.of("reassignTo", otherRep));

    // then
    assertThat(task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee()).isEqualTo(otherRep);
    assertThat(jdbc.queryForObject("select owner_id from lead where id = ?", String.class, leadId)).isEqualTo(otherRep);
    Map<String, Object> last = jdbc.queryForList("select assignee, previous_assignee, actor, reason from "
        + "lead_assignment where lead_id = ? order by id desc", leadId).get(0);
    assertThat(last).containsEntry("assignee", otherRep).containsEntry("previous_assignee", firstRep)
        .containsEntry("actor", "max");
    assertThat((String) last.get("reason")).startsWith("manager reassigned: max chose " + otherRep);
  }

  @Test
  void aLeadNotInSalesFollowUpCannotBeReassigned() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));

    ResponseEntity<JsonNode> response = post("max", "/api/leads/" + leadId + "/reassignment", null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(post("max", "/api/leads/no-such-lead/reassignment", null).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String sqlLead() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    completeOk(qualify.getAssignee() == null ? "sam" : qualify.getAssignee(), qualify, Map.of("callOutcome",
        "REACHED", "realNeed", true, "qualification", "SALES_READY"));
    runAsyncJobs(leadId);
    return leadId;
  }
}
