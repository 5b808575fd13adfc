package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leadflow.process.SdrQualification;
import org.leadflow.process.UncalledLeadReview;
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

  @Test
  void sdrTasksAreAuthorisedOnTheirProcessDefinitionNotOneRowPerTask() {
    // given a hand-raiser routed to an SDR
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    assertThat(qualify.getAssignee()).isIn("sam", "sara");

    // then the engine wrote no authorization for the task (neither group sdr nor the assignee)
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(qualify.getId()).count()).isZero();
    // and both SDRs still see it, in the SDR queue too
    String filterId = filterId("sam", "SDR queue");
    for (String sdr : java.util.List.of("sam", "sara")) {
      assertThat(get(sdr, "/engine-rest/filter/" + filterId + "/list?maxResults=1000").getBody()
          .findValuesAsText("id")).as(sdr).contains(qualify.getId());
    }
  }

  @Test
  void anSdrTaskGivenToSomeoneOutsideTheSdrGroupIsAuthorisedForThemPerTask() {
    // given
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    String path = "/engine-rest/task/" + qualify.getId();
    assertThat(get("leo", path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // when an admin gives the call to a sales rep
    tasks.setAssignee(qualify.getId(), "leo");

    // then the definition grant does not cover leo, so the engine's row for the assignee does
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
        .resourceId(qualify.getId()).userIdIn("leo").count()).isOne();
    assertThat(get("leo", path).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("lena", path).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anUnclaimedSdrTaskIsClaimedAndCompletedThroughItsFormByAnSdrOnly() {
    // given a call nobody has claimed (as when no SDR was eligible)
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    tasks.setAssignee(qualify.getId(), null);
    String claim = "/engine-rest/task/" + qualify.getId() + "/claim";

    // then a sales rep and a marketing user can neither see nor claim it
    assertThat(get("leo", "/engine-rest/task/" + qualify.getId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("leo", claim, Map.of("userId", "leo")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("mia", claim, Map.of("userId", "mia")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD).getAssignee()).isNull();

    // when sara claims it and submits the form
    assertThat(post("sara", claim, Map.of("userId", "sara")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD).getAssignee()).isEqualTo("sara");
    ResponseEntity<JsonNode> submitted = post("sara", "/engine-rest/task/" + qualify.getId() + "/submit-form",
        Map.of("variables", Map.of("callOutcome", Map.of("value", "NO_ANSWER", "type", "String"))));

    // then the attempt is recorded, and the next one is in the SDR queue after the retry interval
    assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD)).isNull();
    fireTimer(leadId, SdrQualification.Events.NEXT_CALL_ATTEMPT_DUE);
    Task again = task(leadId, SdrQualification.Tasks.CALL_LEAD_AGAIN);
    assertThat(get("sara", "/engine-rest/task/" + again.getId()).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theSupervisorReviewsAnUncalledLeadTheSdrsDoNotSeeTheReview() {
    // given a call attempt whose SLA escalated to the SDR team's supervisor
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    fireTimer(leadId, "BoundaryEvent_CallAttemptEscalationDue");
    Task review = task(leadId, UncalledLeadReview.Tasks.REVIEW_UNCALLED_LEAD);
    assertThat(review).as("review task").isNotNull();
    assertThat(candidateGroups(review)).containsExactly("sales-manager");
    String manager = review.getAssignee() == null ? "max" : review.getAssignee();
    String query = "/engine-rest/task?processInstanceBusinessKey=" + leadId + "&taskDefinitionKey="
        + UncalledLeadReview.Tasks.REVIEW_UNCALLED_LEAD;

    // then the manager sees it, the SDRs (who see every task of sdr-qualification) and a sales rep do not
    assertThat(get(manager, query).getBody()).hasSize(1);
    assertThat(get("sam", query).getBody()).isEmpty();
    assertThat(get("sara", query).getBody()).isEmpty();
    assertThat(get("leo", query).getBody()).isEmpty();
    assertThat(get("sam", "/engine-rest/task/" + review.getId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // when the manager reassigns now
    completeOk(manager, review, Map.of("managerDecision", "REASSIGN_NOW", "managerNotes", "on leave"));

    // then the call goes to another SDR, in the SDR queue again
    Task reassigned = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    assertThat(reassigned).isNotNull();
    assertThat(get("sam", "/engine-rest/task?processInstanceBusinessKey=" + leadId).getBody()).hasSize(1);
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
