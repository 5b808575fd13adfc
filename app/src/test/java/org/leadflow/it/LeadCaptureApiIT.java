package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leadflow.identity.Roles;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.process.LeadNurture;
import org.leadflow.process.SdrQualification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** POST/GET /api/leads through real HTTP: good, malformed, duplicate, re-engaged, unauthenticated, wrong role. */
class LeadCaptureApiIT extends IntegrationTestBase {

  @Autowired IdentityService identity;


  @Test
  void demoRequestIsCreatedAndReachesTheSdrQueueInTheSameRequest() {
    // given
    String tag = unique();
    ObjectNode lead = submission("DEMO_REQUEST", tag);
    lead.put("email", "  Ada." + tag + "@ACME-analytics.io ");
    String digits = uniqueDigits();
    lead.put("phone", "030 " + digits);

    // when
    ResponseEntity<JsonNode> response = post("mia", "/api/leads", lead);

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = response.getBody().path("lead");
    String leadId = created.path("id").asText();
    assertThat(response.getHeaders().getLocation().getPath()).isEqualTo("/api/leads/" + leadId);
    assertThat(response.getBody().path("outcome").asText()).isEqualTo("CREATED");
    assertThat(created.path("email").asText()).isEqualTo("ada." + tag + "@acme-analytics.io");
    assertThat(created.path("phone").asText()).isEqualTo("+4930" + digits);
    assertThat(created.path("stage").asText()).isEqualTo("MQL");

    ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processDefinitionKey(LeadLifecycle.KEY)
        .processInstanceBusinessKey(leadId).singleResult();
    assertThat(lifecycle).isWaitingAt(LeadLifecycle.Tasks.QUALIFY_WITH_SDR);
    Task sdrTask = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    assertThat(sdrTask).hasCandidateGroupAssociated("sdr");
    assertThat(sdrTask.getAssignee()).as("routed to an SDR of sdr-desk").isIn("sam", "sara");
    assertThat(sdrTask.getDueDate()).isNotNull();
    assertThat(stages(leadId)).containsExactly("CAPTURED", "MQL");
  }

  @Test
  void sameSourceAndExternalIdAgainReturnsTheExistingLeadAndCreatesNothing() {
    // given
    ObjectNode lead = submission("INQUIRY", unique());
    String leadId = capture(lead);

    // when
    ResponseEntity<JsonNode> again = post("mia", "/api/leads", lead);

    // then
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(again.getBody().path("outcome").asText()).isEqualTo("ALREADY_CAPTURED");
    assertThat(again.getBody().path("lead").path("id").asText()).isEqualTo(leadId);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LeadLifecycle.KEY)
        .processInstanceBusinessKey(leadId).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from lead where email = ?", Integer.class,
        lead.get("email").asText())).isEqualTo(1);
  }

  @Test
  void newSubmissionOfAnOpenLeadsContactIsAttachedAsReengagementAndWakesTheNurtureTrack() {
    // given a lead below the threshold, waiting in nurture
    String tag = unique();
    ObjectNode first = submission("CONTENT_DOWNLOAD", tag);
    first.remove("title");
    first.remove("companySize");
    String leadId = capture(first);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LeadNurture.KEY)
        .processInstanceBusinessKey(leadId).singleResult()).isWaitingAt(LeadNurture.Gateways.WHAT_HAPPENS_NEXT);

    // when the same person asks for a demo through another channel, email in other case
    ObjectNode second = submission("DEMO_REQUEST", tag);
    second.put("source", "linkedin-ads");
    second.put("email", first.get("email").asText().toUpperCase());
    ResponseEntity<JsonNode> response = post("mia", "/api/leads", second);

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody().path("outcome").asText()).isEqualTo("ATTACHED_TO_OPEN_LEAD");
    assertThat(response.getBody().path("lead").path("id").asText()).isEqualTo(leadId);
    assertThat(stages(leadId)).containsExactly("CAPTURED", "NURTURING", "MQL");
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD)).isNotNull();
    JsonNode timeline = get("mia", "/api/leads/" + leadId).getBody().path("timeline");
    assertThat(timeline.findValuesAsText("kind")).contains("REENGAGEMENT", "SUBMISSION", "SCORE", "STAGE");
  }

  @Test
  void onePersonSubmittingTwiceAtTheSameMomentBecomesOneLead() throws Exception {
    ExecutorService twoChannels = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 8; round++) {
        // given the same person on two channels (different source:externalId keys)
        String tag = unique();
        ObjectNode webForm = submission("INQUIRY", tag);
        ObjectNode webinar = submission("EVENT_SIGNUP", tag);
        webinar.put("source", "webinar");
        webinar.put("externalId", "wb-" + tag);
        CyclicBarrier together = new CyclicBarrier(2);

        // when both arrive at once
        CompletableFuture<ResponseEntity<JsonNode>> first = CompletableFuture.supplyAsync(
            () -> postTogether(together, webForm), twoChannels);
        CompletableFuture<ResponseEntity<JsonNode>> second = CompletableFuture.supplyAsync(
            () -> postTogether(together, webinar), twoChannels);

        // then one of them created the lead and the other was attached to it
        List<ResponseEntity<JsonNode>> responses = List.of(first.get(), second.get());
        assertThat(responses).allSatisfy(response -> assertThat(response.getStatusCode().is2xxSuccessful())
            .as(String.valueOf(response.getBody())).isTrue());
        assertThat(responses.stream().map(response -> response.getBody().path("lead").path("id").asText()).distinct())
            .as("round %d", round).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from lead where email = ?", Integer.class,
            webForm.path("email").asText())).as("round %d", round).isEqualTo(1);
      }
    } finally {
      twoChannels.shutdownNow();
    }
  }

  private ResponseEntity<JsonNode> postTogether(CyclicBarrier together, ObjectNode submission) {
    try {
      together.await();
    } catch (Exception interrupted) {
      throw new IllegalStateException(interrupted);
    }
    return post("mia", "/api/leads", submission);
  }

  @Test
  void malformedSubmissionIsRejectedWithEveryBadFieldNamed() {
    // given
    ObjectNode lead = submission("INQUIRY", unique());
    lead.put("email", "not-an-email");
    lead.put("country", "Germany");
    lead.put("companySize", -3);
    lead.remove("consent");
    lead.put("externalId", "");

    // when
    ResponseEntity<JsonNode> response = post("mia", "/api/leads", lead);

    // then
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(fields(response)).containsExactlyInAnyOrder("email", "country", "companySize", "consent", "externalId");
  }

  @Test
  void unknownIntentUnknownFieldInvalidPhoneAndBrokenJsonAreClientErrors() {
    ObjectNode badIntent = submission("CALL_ME_MAYBE", unique());
    assertThat(fields(post("mia", "/api/leads", badIntent))).containsExactly("intent");

    ObjectNode unknownField = submission("INQUIRY", unique());
    unknownField.put("favouriteColour", "green");
    assertThat(fields(post("mia", "/api/leads", unknownField))).containsExactly("favouriteColour");

    ObjectNode badPhone = submission("INQUIRY", unique());
    badPhone.put("phone", "12");
    assertThat(fields(post("mia", "/api/leads", badPhone))).containsExactly("phone");

    ObjectNode noContact = submission("INQUIRY", unique());
    noContact.remove("email");
    assertThat(fields(post("mia", "/api/leads", noContact))).containsExactlyInAnyOrder("email", "phone");

    ResponseEntity<JsonNode> broken = post("mia", "/api/leads", "{\"source\": ");
    assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(broken)).containsExactly("body");
  }

  @Test
  void automaticChecksEndTestLeadsAsInvalidWithTheirReason() {
    // given
    ObjectNode lead = submission("INQUIRY", unique());
    lead.put("firstName", "Test");

    // when
    String leadId = capture(lead);

    // then
    JsonNode stored = get("mia", "/api/leads/" + leadId).getBody().path("lead");
    assertThat(stored.path("stage").asText()).isEqualTo("INVALID");
    assertThat(stored.path("invalidReason").asText()).isEqualTo("TEST");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(leadId)
        .processDefinitionKey(LeadLifecycle.KEY).singleResult().getEndActivityId())
        .isEqualTo(LeadLifecycle.Events.LEAD_INVALID);
  }

  @Test
  void captureNeedsAuthenticationAndACapturingRole() {
    ObjectNode lead = submission("INQUIRY", unique());

    ResponseEntity<JsonNode> anonymous = post(null, "/api/leads", lead);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

    assertThat(post("sam", "/api/leads", lead).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // a wrong password delays that user's next login (Camunda's login throttling): a user of this test alone
    String someone = "capture-" + unique();
    User user = identity.newUser(someone);
    user.setPassword(someone);
    identity.saveUser(user);
    identity.createMembership(someone, Roles.MARKETING);
    assertThat(http.withBasicAuth(someone, "wrong").postForEntity("/api/leads", lead, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get(null, "/api/leads").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(jdbc.queryForObject("select count(*) from lead_submission where external_id = ?", Integer.class,
        lead.get("externalId").asText())).isZero();

    assertThat(post("demo", "/api/leads", lead).getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void leadsAreListedWithFiltersAndPagingAndReadWithTheirTimeline() {
    // given
    String campaign = "spring-" + unique();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ObjectNode lead = submission("DEMO_REQUEST", unique());
      lead.put("campaign", campaign);
      ids.add(capture(lead));
    }

    // when
    JsonNode page = get("sam", "/api/leads?campaign=" + campaign + "&size=2&page=0").getBody();
    JsonNode one = get("leo", "/api/leads/" + ids.get(0)).getBody();

    // then
    assertThat(page.path("total").asLong()).isEqualTo(3);
    assertThat(page.path("items")).hasSize(2);
    assertThat(one.path("lead").path("id").asText()).isEqualTo(ids.get(0));
    assertThat(one.path("timeline").findValuesAsText("summary")).anyMatch(s -> s.contains("CAPTURED -> MQL"));
    assertThat(get("sam", "/api/leads/no-such-lead").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(fields(get("sam", "/api/leads?stage=HOT"))).containsExactly("stage");
    assertThat(get("sam", "/api/leads?size=5000").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void theApiIsDescribedInOpenApi() {
    ResponseEntity<JsonNode> docs = get(null, "/v3/api-docs");

    assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(docs.getBody().path("paths").has("/api/leads")).isTrue();
    assertThat(docs.getBody().path("paths").has("/api/leads/{id}")).isTrue();
  }

  private static List<String> fields(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    return response.getBody().path("errors").findValuesAsText("field");
  }
}
