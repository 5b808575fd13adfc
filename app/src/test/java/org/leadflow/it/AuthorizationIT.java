package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leadflow.process.SdrQualification;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Camunda authorizations as each role meets them through engine REST. */
class AuthorizationIT extends IntegrationTestBase {

  @Test
  void engineRestRequiresAuthentication() {
    assertThat(get(null, "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(null, "/engine-rest/process-instance").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("sam", "/engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void eachRoleSeesOnlyItsOwnTasks() {
    // given a hand-raiser in the SDR queue
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    String query = "/engine-rest/task?processInstanceBusinessKey=" + leadId;

    // then SDRs see it, other roles do not, admins see everything
    assertThat(get("sam", query).getBody()).hasSize(1);
    assertThat(get("sara", query).getBody()).hasSize(1);
    assertThat(get("leo", query).getBody()).isEmpty();
    assertThat(get("mia", query).getBody()).isEmpty();
    assertThat(get("max", query).getBody()).isEmpty();
    assertThat(get("demo", query).getBody()).hasSize(1);

    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    assertThat(complete("mia", qualify, Map.of("callOutcome", "NO_ANSWER")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD)).isNotNull();
  }

  @Test
  void processOwnersSeeRunningLeadsOtherRolesDoNot() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    String query = "/engine-rest/process-instance?businessKey=" + leadId;

    assertThat(get("paul", query).getBody()).isNotEmpty();
    assertThat(get("sam", query).getBody()).isEmpty();
    assertThat(get("mia", query).getBody()).isEmpty();
  }

  @Test
  void everyRoleGetsItsTasklistFilters() {
    assertThat(filterNames("sam")).contains("SDR queue", "My open tasks", "Overdue").doesNotContain("Leads to accept");
    assertThat(filterNames("leo")).contains("Leads to accept", "My open tasks", "Overdue").doesNotContain("SDR queue");
    assertThat(filterNames("max")).contains("Escalations");
    assertThat(filterNames("mia")).contains("Win/loss reviews");
  }

  @Test
  void sdrQueueFilterListsTheNewMql() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    String filterId = filterId("sam", "SDR queue");

    ResponseEntity<JsonNode> list = get("sam", "/engine-rest/filter/" + filterId + "/list?maxResults=1000");

    assertThat(list.getBody().findValuesAsText("id")).contains(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD).getId());
  }

  private java.util.List<String> filterNames(String user) {
    return get(user, "/engine-rest/filter?resourceType=Task").getBody().findValuesAsText("name");
  }

  private String filterId(String user, String name) {
    for (JsonNode filter : get(user, "/engine-rest/filter?resourceType=Task").getBody()) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("No filter " + name + " for " + user);
  }
}
