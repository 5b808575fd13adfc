package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.Intent;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadMapper;
import org.leadflow.lead.LeadStage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The rules as users meet them: validity reasons through POST /api/leads, the score and its ledger
 * through GET /api/leads/{id}, and back-tests of candidate tables through POST /api/rules/.../backtest.
 */
class RulesIT extends IntegrationTestBase {

  @Autowired LeadMapper leadMapper;

  // --- validity ---

  @Test
  void aDisposableMailboxLandsInvalidWithItsReasonRuleAndDetail() {
    // given
    ObjectNode submission = submission("INQUIRY", unique());
    submission.put("email", "ada." + unique() + "@mailinator.com");

    // when
    String leadId = capture(submission);

    // then
    JsonNode body = get("mia", "/api/leads/" + leadId).getBody();
    JsonNode lead = body.path("lead");
    assertThat(lead.path("stage").asText()).isEqualTo("INVALID");
    assertThat(lead.path("invalidReason").asText()).isEqualTo("DISPOSABLE_EMAIL");
    assertThat(lead.path("validityRule").asText()).startsWith("lead-validity:v").endsWith("/Rule_DisposableEmail");
    assertThat(lead.path("invalidDetail").asText()).isEqualTo("disposable email domain mailinator.com");
    assertThat(body.path("timeline").findValuesAsText("summary")).anyMatch(summary ->
        summary.startsWith("CAPTURED -> INVALID: DISPOSABLE_EMAIL - disposable email domain mailinator.com (lead-validity:v")
            && summary.endsWith("/Rule_DisposableEmail)"));
    assertThat(stages(leadId)).containsExactly("CAPTURED", "INVALID");
  }

  @Test
  void aRoleAddressIsInvalidWithoutAPhoneAndValidWithOne() {
    // given
    ObjectNode withoutPhone = submission("INQUIRY", unique());
    withoutPhone.put("email", "info@" + unique() + "-acme.io");
    ObjectNode withPhone = submission("INQUIRY", unique());
    withPhone.put("email", "sales@" + unique() + "-acme.io");
    withPhone.put("phone", "030 " + uniqueDigits());

    // when
    String invalid = capture(withoutPhone);
    String valid = capture(withPhone);

    // then
    assertThat(get("mia", "/api/leads/" + invalid).getBody().path("lead").path("invalidReason").asText())
        .isEqualTo("ROLE_EMAIL");
    JsonNode validLead = get("mia", "/api/leads/" + valid).getBody().path("lead");
    assertThat(validLead.path("valid").asBoolean()).isTrue();
    assertThat(validLead.path("validityRule").asText()).endsWith("/Rule_Valid");
    assertThat(stages(valid)).doesNotContain("INVALID");
  }

  // --- score and ledger ---

  @Test
  void theLeadShowsWhyItsScoreIsWhatItIs() {
    // given a senior inquiry: 20 title + 15 size fit, 30 engagement = 65, an MQL
    String leadId = capture(submission("INQUIRY", unique()));

    // when
    JsonNode body = get("sam", "/api/leads/" + leadId).getBody();

    // then
    JsonNode score = body.path("score");
    assertThat(score.path("fit").asInt()).isEqualTo(35);
    assertThat(score.path("engagement").asInt()).isEqualTo(30);
    assertThat(score.path("total").asInt()).isEqualTo(65).isEqualTo(body.path("lead").path("score").asInt());
    assertThat(score.path("threshold").asInt()).isEqualTo(60);
    assertThat(score.path("salesReady").asBoolean()).isTrue();
    assertThat(score.path("decidedBy").asText()).startsWith("lead-sales-ready:v").endsWith("/Rule_AtThreshold");
    assertThat(score.path("engagementHalfLife").asText()).isEqualTo("30 days");
    assertThat(score.path("ledger").findValuesAsText("ruleId")).anyMatch(rule -> rule.endsWith("/Rule_SeniorTitle"))
        .anyMatch(rule -> rule.endsWith("/Rule_LargeCompany")).anyMatch(rule -> rule.endsWith("/Rule_IntentInquiry"))
        .anyMatch(rule -> rule.endsWith("/Rule_AtThreshold"));
    int sum = 0;
    for (JsonNode line : score.path("ledger")) {
      sum += line.path("points").asInt();
    }
    assertThat(sum).isEqualTo(65).isEqualTo(score.path("ledgerSum").asInt());
    assertThat(jdbc.queryForObject("select sum(points) from lead_score_event where lead_id = ?", Integer.class, leadId))
        .isEqualTo(65);
    assertThat(body.path("timeline").findValuesAsText("summary"))
        .anyMatch(summary -> summary.startsWith("FIT lead-fit-score:v") && summary.contains("/Rule_SeniorTitle 20: "));
  }

  // --- back-test ---

  @Test
  void aStricterThresholdWouldHaveCalledFewerWonAndLostLeadsSalesReady() throws IOException {
    // given a candidate with threshold 70 instead of 60, and what the closed leads of other tests give
    String candidate = deployed("lead-sales-ready").replace("&gt;= 60", "&gt;= 70").replace("<text>60</text>", "<text>70</text>");
    JsonNode before = backtest("mia", "lead-sales-ready", candidate).getBody();
    // won: 65 (ready now, not at 70), 65 (same), 75 (both), a demo request at 55 (both, hand-raiser)
    String w1 = closed(LeadStage.WON, Intent.INQUIRY, null, 35, 30);
    String w2 = closed(LeadStage.WON, Intent.INQUIRY, null, 20, 45);
    closed(LeadStage.WON, Intent.INQUIRY, null, 40, 35);
    closed(LeadStage.WON, Intent.DEMO_REQUEST, null, 5, 50);
    // lost: 45 (neither), 65 (ready now, not at 70)
    closed(LeadStage.LOST, Intent.NEWSLETTER, null, 15, 30);
    String l2 = closed(LeadStage.LOST, Intent.INQUIRY, null, 30, 35);

    // when
    ResponseEntity<JsonNode> response = backtest("demo", "lead-sales-ready", candidate);

    // then
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    JsonNode after = response.getBody();
    assertThat(after.path("decision").asText()).isEqualTo("lead-sales-ready");
    assertThat(after.path("current").asText()).startsWith("lead-sales-ready:v");
    assertDelta(before, after, "won", 4, 4, 2);
    assertDelta(before, after, "lost", 2, 1, 0);
    assertDelta(before, after, "total", 6, 5, 2);
    assertThat(after.path("changed").findValuesAsText("leadId")).contains(w1, w2, l2);
  }

  @Test
  void aFitTableThatValuesSeniorTitlesMoreWouldHaveCalledALostLeadSalesReady() throws IOException {
    // given a candidate fit table giving senior titles 40 instead of 20
    String candidate = deployed("lead-fit-score").replaceFirst("<text>20</text>", "<text>40</text>");
    JsonNode before = backtest("mia", "lead-fit-score", candidate).getBody();
    // a lost CTO of a 250-people company with 20 engagement: 35 + 20 = 55 now, 55 + 20 = 75 with the candidate
    String lost = closed(LeadStage.LOST, Intent.EVENT_SIGNUP, "CTO", 35, 20);
    // a won staff member: no title points either way, 15 + 50 = 65
    closed(LeadStage.WON, Intent.INQUIRY, "Engineer", 15, 50);

    // when
    JsonNode after = backtest("mia", "lead-fit-score", candidate).getBody();

    // then
    assertDelta(before, after, "lost", 1, 0, 1);
    assertDelta(before, after, "won", 1, 1, 1);
    assertThat(after.path("changed").findParents("leadId").stream()
        .filter(changed -> lost.equals(changed.path("leadId").asText())).findFirst())
        .hasValueSatisfying(changed -> {
          assertThat(changed.path("scoreCurrent").asInt()).isEqualTo(55);
          assertThat(changed.path("scoreCandidate").asInt()).isEqualTo(75);
        });
  }

  @Test
  void aCandidateThatDoesNotParseIsRejectedWithTheParsersMessage() throws IOException {
    ResponseEntity<JsonNode> notXml = backtest("mia", "lead-sales-ready", "<definitions");
    assertThat(notXml.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(notXml.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(notXml.getBody().path("detail").asText()).contains("lead-sales-ready");

    String otherDecision = deployed("lead-fit-score");
    ResponseEntity<JsonNode> wrongTable = backtest("mia", "lead-sales-ready", otherDecision);
    assertThat(wrongTable.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(wrongTable.getBody().path("detail").asText()).contains("lead-sales-ready does not parse");

    String broken = deployed("lead-sales-ready").replace("&gt;= 60", "&gt;= = 60");
    closed(LeadStage.WON, Intent.INQUIRY, null, 10, 10);
    ResponseEntity<JsonNode> badEntry = backtest("mia", "lead-sales-ready", broken);
    assertThat(badEntry.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

    assertThat(backtest("mia", "lead-sales-ready", "").getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
  }

  @Test
  void backTestsAreForProcessOwnersMarketingAndAdmins() throws IOException {
    String candidate = deployed("lead-sales-ready");
    assertThat(backtest("sam", "lead-sales-ready", candidate).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(backtest("leo", "lead-sales-ready", candidate).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(backtest(null, "lead-sales-ready", candidate).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(backtest("mia", "lead-routing", candidate).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private void assertDelta(JsonNode before, JsonNode after, String group, int leads, int current, int candidate) {
    assertThat(after.path(group).path("leads").asInt() - before.path(group).path("leads").asInt())
        .as("%s leads", group).isEqualTo(leads);
    assertThat(after.path(group).path("salesReadyCurrent").asInt() - before.path(group).path("salesReadyCurrent").asInt())
        .as("%s sales-ready by the current table", group).isEqualTo(current);
    assertThat(after.path(group).path("salesReadyCandidate").asInt()
        - before.path(group).path("salesReadyCandidate").asInt())
        .as("%s sales-ready by the candidate", group).isEqualTo(candidate);
  }

  private ResponseEntity<JsonNode> backtest(String user, String decision, String xml) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_XML);
    return (user == null ? http : http.withBasicAuth(user, user)).exchange("/api/rules/" + decision + "/backtest",
        HttpMethod.POST, new HttpEntity<>(xml, headers), JsonNode.class);
  }

  private static String deployed(String decision) throws IOException {
    try (InputStream in = RulesIT.class.getClassLoader().getResourceAsStream("processes/" + decision + ".dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A closed lead with its stored scores (a company of 250 in DE, so the fit table gives 15 for the size). */
  private String closed(LeadStage stage, Intent intent, String title, int fit, int engagement) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String id = UUID.randomUUID().toString();
    leadMapper.insert(new Lead(id, "backtest", id, null, null, intent, "Ada", "Closed", "closed." + id + "@acme.io",
        null, "Acme", title, 250, null, "DE", null, null, true, at, null, stage, at, "leo", fit, engagement, true, null,
        null, 0, null, null, null, null, null, at, null, null));
    return id;
  }
}
