package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.process.SdrQualification;
import org.leadflow.rules.RuleBook;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The rules API as a process owner uses it: change the sla-policy's catch-all accept deadline and see
 * the next lead's accept timer follow it; a broken edit is refused and the running table stays.
 * Every test puts the shipped table back afterwards (the ITs share one engine).
 */
class RulesApiIT extends IntegrationTestBase {

  private static final String TABLE = "/api/rules/sla-policy";

  @Autowired RuleBook rules;

  @AfterEach
  void putTheShippedTableBack() throws IOException {
    if (!put("paul", TABLE + "?note=RulesApiIT restores the shipped table", shipped()).getStatusCode().is2xxSuccessful()) {
      throw new AssertionError("could not restore the shipped sla-policy");
    }
  }

  @Test
  void aProcessOwnersChangedAcceptDeadlineGivesTheNextLeadItsAcceptTimer() throws IOException {
    // given
    int version = version();
    String edited = shipped().replace(
        "<outputEntry id=\"LiteralExpression_AcceptDefaultDueAfter\"><text>\"PT8H\"</text>",
        "<outputEntry id=\"LiteralExpression_AcceptDefaultDueAfter\"><text>\"PT6H\"</text>");

    // when
    ResponseEntity<JsonNode> deployed = put("paul", TABLE + "?note=accept within 6 hours, as agreed with sales", edited);

    // then
    assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(deployed.getBody().path("version").asInt()).isEqualTo(version + 1);
    assertThat(deployed.getBody().path("deployedBy").asText()).isEqualTo("paul");
    assertThat(deployed.getBody().path("deploymentName").asText()).isEqualTo("rules:sla-policy");
    JsonNode listed = listed("mia");
    assertThat(listed.path("version").asInt()).isEqualTo(version + 1);
    assertThat(listed.path("changeNote").asText()).isEqualTo("accept within 6 hours, as agreed with sales");
    assertThat(jdbc.queryForObject("select count(*) from lead_rule_deployment where decision_key = 'sla-policy' "
        + "and version = ? and deployed_by = 'paul'", Integer.class, version + 1)).isEqualTo(1);
    ResponseEntity<String> xml = http.withBasicAuth("paul", "paul").getForEntity(TABLE, String.class);
    assertThat(xml.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
    assertThat(xml.getBody()).contains("\"PT6H\"");

    // when a lead the catch-all decides reaches the rep
    Instant start = Instant.now();
    String leadId = leadWaitingForAcceptance();
    Instant end = Instant.now();

    // then its accept SLA falls due after the new six business hours of its rep's team calendar
    Job deadline = management.createJobQuery().timers().activityId(SalesFollowUp.Events.ACCEPT_SLA_DUE).list()
        .stream().filter(job -> runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
            .processInstanceBusinessKey(leadId).count() == 1).findFirst().orElseThrow();
    String ref = "sla-policy:v" + (version + 1) + "/Rule_AcceptDefault";
    String team = jdbc.queryForObject("select team_id from lead_sla where lead_id = ? "
        + "and sla_type = 'SALES_ACCEPT' and rule_ref = ?", String.class, leadId, ref);
    java.sql.Timestamp slaDue = jdbc.queryForObject("select due_at from lead_sla where lead_id = ? "
        + "and sla_type = 'SALES_ACCEPT' and rule_ref = ?", java.sql.Timestamp.class, leadId, ref);
    assertThat(deadline.getDuedate().toInstant()).isBetween(
        businessTime.plus(team, start, Duration.ofHours(6)).minusSeconds(1),
        businessTime.plus(team, end, Duration.ofHours(6)).plusSeconds(1));
    assertThat(slaDue.toInstant()).isEqualTo(deadline.getDuedate().toInstant());
    JsonNode timeline = get("mia", "/api/leads/" + leadId).getBody().path("timeline");
    assertThat(timeline.findValues("summary").stream().map(JsonNode::asText)
        .filter(summary -> summary.startsWith("SALES_ACCEPT started by " + ref)).toList())
        .singleElement().asString().contains("due ");
  }

  @Test
  void aBrokenEditIsRejectedAndThePreviousVersionStillDecides() throws IOException {
    // given
    int version = version();
    String unique = shipped().replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"");

    // when
    ResponseEntity<JsonNode> rejected = put("paul", TABLE + "?note=unique rows", unique);
    ResponseEntity<JsonNode> unreadable = put("demo", TABLE + "?note=oops", "<definitions");
    ResponseEntity<JsonNode> withoutNote = put("paul", TABLE, shipped());

    // then
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(rejected.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(rejected.getBody().path("decision").asText()).isEqualTo("sla-policy");
    assertThat(rejected.getBody().path("errors").get(0).path("field").asText()).isEqualTo("decision");
    assertThat(rejected.getBody().path("detail").asText()).contains("UNIQUE").contains("These rules match together: Rule_");
    assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(unreadable.getBody().path("errors").get(0).path("field").asText()).isEqualTo("body");
    assertThat(withoutNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutNote.getBody().path("errors").get(0).path("field").asText()).isEqualTo("note");
    assertThat(version()).isEqualTo(version);
    Map<String, Object> standardLead = new HashMap<>();
    standardLead.put("sla", "SALES_ACCEPT");
    standardLead.put("channel", "web-form");
    assertThat(rules.evaluate("sla-policy", standardLead).version()).isEqualTo(version);
    assertThat(put("paul", "/api/rules/no-such-table?note=x", shipped()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void onlyProcessOwnersAndAdminsChangeRulesAndSdrsDoNotReadThem() throws IOException {
    assertThat(put("sam", TABLE + "?note=faster", shipped()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("max", TABLE + "?note=faster", shipped()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sam", "/api/rules").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("leo", TABLE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("max", "/api/rules").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(put("demo", TABLE, shipped()).getStatusCode()).as("admin, but no note").isEqualTo(HttpStatus.BAD_REQUEST);
  }

  /** An inquiry with a warm score from a web form, no region: the catch-all row decides. */
  private String leadWaitingForAcceptance() {
    ObjectNode submission = submission("INQUIRY", unique());
    submission.put("productInterest", "analytics platform");
    String leadId = capture(submission);
    completeOk("sam", task(leadId, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "REACHED",
        "realNeed", true, "authority", "DECISION_MAKER", "timing", "THIS_QUARTER", "objection", "NONE",
        "qualification", "SALES_READY"));
    runAsyncJobs(leadId);
    assertThat(task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD)).as("accept task of %s", leadId).isNotNull();
    return leadId;
  }

  private int version() {
    return listed("paul").path("version").asInt();
  }

  private JsonNode listed(String user) {
    ResponseEntity<JsonNode> list = get(user, "/api/rules");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    for (JsonNode rule : list.getBody()) {
      if (rule.path("key").asText().equals("sla-policy")) {
        return rule;
      }
    }
    throw new AssertionError("sla-policy is not listed: " + list.getBody());
  }

  private ResponseEntity<JsonNode> put(String user, String path, String xml) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.PUT, new HttpEntity<>(xml, headers), JsonNode.class);
  }

  private static String shipped() throws IOException {
    try (InputStream xml = RulesApiIT.class.getClassLoader().getResourceAsStream("processes/sla-policy.dmn")) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
