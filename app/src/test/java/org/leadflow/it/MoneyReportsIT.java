package org.leadflow.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.leadflow.reports.ReportProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The money side of the reports against a hand-built dataset in March 2031 (the app's clock stands at
 * Wednesday 2031-03-19 10:00 UTC; March 2031 has 21 working days), every expected figure computed by
 * hand below. Leads carry a campaign of their own so other tests' leads do not count.
 *
 * <p>The shared context's clock ({@link ItClock}) is pinned to that instant for this class only and released
 * afterwards, and the dataset's leads (open opportunities owned by leo and nick) are deleted again, so the
 * tests after it see neither.
 */
class MoneyReportsIT extends IntegrationTestBase {

  static final Instant NOW = Instant.parse("2031-03-19T10:00:00Z");

  @Autowired ReportProjection projection;
  @Autowired org.leadflow.lead.LeadMapper leadMapper;

  private static String campaign;
  private static String north;
  private static String south;

  @BeforeAll
  static void pinTheClock(@Autowired ItClock.PinnableClock clock) {
    clock.pin(NOW);
  }

  @AfterAll
  static void removeTheDataset(@Autowired JdbcTemplate jdbc, @Autowired ItClock.PinnableClock clock,
      @Autowired ReportProjection projection, @Autowired org.leadflow.lead.LeadMapper leadMapper) {
    clock.release();
    String leads = "select id from lead where campaign = ?";
    for (String id : jdbc.queryForList(leads, String.class, campaign)) {
      projection.changed(leadMapper.findById(id).orElseThrow(), null);   // out of the rollups (V021) too
    }
    for (String table : new String[] {"lead_assignment", "report_lead_rep", "report_stage_pass",
        "lead_stage_history"}) {
      jdbc.update("delete from " + table + " where lead_id in (" + leads + ")", campaign);
    }
    jdbc.update("delete from lead where campaign = ?", campaign);
  }

  /** Once for the class: the board counts every win of the month, whatever the campaign. */
  @BeforeEach
  void dataset() {
    if (campaign != null) {
      return;
    }
    String u = unique();
    campaign = "spring-" + u;
    north = "north-" + u;
    south = "south-" + u;
    // open opportunities: weighted = value × 0.25 (top or no position), 0.50 (middle), 0.75 (bottom)
    lead("sem", "2031-03-12T09:00:00Z", "OPPORTUNITY", "2031-03-14T09:00:00Z", "leo", north, "TOP", "1000000", null, true);
    lead("sem", "2031-03-12T09:00:00Z", "OPPORTUNITY", "2031-03-14T09:00:00Z", "leo", south, "MIDDLE", "10000", null, true);
    lead("sem", "2031-03-12T09:00:00Z", "OPPORTUNITY", "2031-03-14T09:00:00Z", "nick", north, "BOTTOM", "20000", null, true);
    lead("sem", "2031-03-12T09:00:00Z", "OPPORTUNITY", "2031-03-14T09:00:00Z", "nick", null, null, "4000", null, true);
    // wins (owner, captured, won, value, new customer?)
    lead("sem", "2031-03-01T08:00:00Z", "WON", "2031-03-05T10:00:00Z", "leo", north, "BOTTOM", "4000", true, true);
    lead("sem", "2031-03-18T08:00:00Z", "WON", "2031-03-19T09:00:00Z", "leo", north, "BOTTOM", "2000", false, true);
    lead("sem", "2031-02-20T08:00:00Z", "WON", "2031-03-10T10:00:00Z", "lena", north, "BOTTOM", "5000", true, true);
    lead("sem", "2031-03-02T08:00:00Z", "WON", "2031-03-19T08:00:00Z", "nick", south, "BOTTOM", "21000", true, true);
    lead("sem", "2031-02-01T08:00:00Z", "WON", "2031-02-28T12:00:00Z", "leo", north, "BOTTOM", "7000", false, true);
    // no revenue: invalid, lost, just captured
    lead("sem", "2031-03-04T08:00:00Z", "INVALID", "2031-03-04T09:00:00Z", null, north, null, null, null, false);
    lead("sem", "2031-03-20T08:00:00Z", "INVALID", "2031-03-20T09:00:00Z", null, north, null, null, null, false);
    lead("sem", "2031-03-25T08:00:00Z", "CAPTURED", "2031-03-25T08:00:00Z", null, north, null, null, null, null);
    lead("social", "2031-03-06T08:00:00Z", "LOST", "2031-03-19T09:30:00Z", "leo", north, "TOP", "9000", null, true);
    lead("social", "2031-03-07T08:00:00Z", "NURTURING", "2031-03-07T08:00:00Z", null, north, null, null, null, true);
    lead("social", "2031-03-08T08:00:00Z", "INVALID", "2031-03-08T09:00:00Z", null, north, null, null, null, false);
  }

  @Test
  void pipelineWeighsOpenDealsByFunnelPositionPerRepAndTerritory() {
    JsonNode pipeline = get("max", "/api/reports/pipeline?campaign=" + campaign).getBody();

    // 1,000,000×.25 + 10,000×.50 + 20,000×.75 + 4,000×.25 = 250,000 + 5,000 + 15,000 + 1,000
    assertThat(pipeline.at("/total/open").asLong()).isEqualTo(4);
    assertThat(pipeline.at("/total/value").decimalValue()).isEqualByComparingTo("1034000");
    assertThat(pipeline.at("/total/weighted").decimalValue()).isEqualByComparingTo("271000");
    assertThat(pipeline.at("/byRep/0/rep").asText()).isEqualTo("leo");
    assertThat(pipeline.at("/byRep/0/team").asText()).isEqualTo("sales-north");
    assertThat(pipeline.at("/byRep/0/value").decimalValue()).isEqualByComparingTo("1010000");
    assertThat(pipeline.at("/byRep/0/weighted").decimalValue()).isEqualByComparingTo("255000");
    assertThat(pipeline.at("/byRep/1/rep").asText()).isEqualTo("nick");
    assertThat(pipeline.at("/byRep/1/weighted").decimalValue()).isEqualByComparingTo("16000");
    assertThat(pipeline.at("/byTerritory/0/territory").asText()).isEqualTo(north);
    assertThat(pipeline.at("/byTerritory/0/open").asLong()).isEqualTo(2);
    assertThat(pipeline.at("/byTerritory/0/weighted").decimalValue()).isEqualByComparingTo("265000");
    assertThat(pipeline.at("/byTerritory/1/territory").asText()).isEqualTo(south);
    assertThat(pipeline.at("/byTerritory/1/weighted").decimalValue()).isEqualByComparingTo("5000");
    assertThat(pipeline.at("/byTerritory/2/territory").asText()).isEqualTo("(none)");
    assertThat(pipeline.at("/byTerritory/2/weighted").decimalValue()).isEqualByComparingTo("1000");

    // leo may ask for his own figures: only the deals ever assigned to him
    JsonNode own = get("leo", "/api/reports/pipeline?campaign=" + campaign + "&rep=leo").getBody();
    assertThat(own.at("/total/open").asLong()).isEqualTo(2);
    assertThat(own.at("/total/weighted").decimalValue()).isEqualByComparingTo("255000");
  }

  @Test
  void revenueSplitsNewCustomersFromRepeatBusinessByCohortOrEvent() {
    String period = "?from=2031-03-01&to=2031-03-31&campaign=" + campaign;
    // captured in March and won: 4,000 (new) + 2,000 (repeat) + 21,000 (new)
    JsonNode cohort = get("mia", "/api/reports/revenue" + period).getBody();
    assertThat(cohort.path("won").asLong()).isEqualTo(3);
    assertThat(cohort.path("revenue").decimalValue()).isEqualByComparingTo("27000");
    assertThat(cohort.path("newCustomerRevenue").decimalValue()).isEqualByComparingTo("25000");
    assertThat(cohort.path("repeatRevenue").decimalValue()).isEqualByComparingTo("2000");
    assertThat(cohort.at("/filter/basis").asText()).isEqualTo("cohort");
    // won in March: plus lena's 5,000 (new, captured in February); not the 7,000 won on 28 February
    JsonNode event = get("mia", "/api/reports/revenue" + period + "&basis=event").getBody();
    assertThat(event.path("won").asLong()).isEqualTo(4);
    assertThat(event.path("revenue").decimalValue()).isEqualByComparingTo("32000");
    assertThat(event.path("newCustomerRevenue").decimalValue()).isEqualByComparingTo("30000");
    assertThat(event.path("repeatRevenue").decimalValue()).isEqualByComparingTo("2000");
  }

  @Test
  void costPerLeadAndRoiFollowTheCampaignCostEntered() {
    String march = "/api/reports/costs?from=2031-03-01&to=2031-03-31&campaign=" + campaign;
    // before any cost: 10 sem leads (7 valid, 3 won for 27,000), 3 social leads (2 valid)
    JsonNode before = get("mia", march).getBody();
    JsonNode sem = line(before, "sem");
    assertThat(sem.path("leads").asLong()).isEqualTo(10);
    assertThat(sem.path("validLeads").asLong()).isEqualTo(7);
    assertThat(sem.path("customers").asLong()).isEqualTo(3);
    assertThat(sem.path("revenue").decimalValue()).isEqualByComparingTo("27000");
    assertThat(sem.path("cost").decimalValue()).isEqualByComparingTo("0");
    assertThat(sem.path("roi").isNull()).isTrue();

    // when marketing enters March's cost of the sem line
    ResponseEntity<JsonNode> created = post("mia", "/api/campaign-costs", cost(campaign, "sem", "2031-03-01",
        "2031-03-31", "3100"));
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);

    // then 3,100 / 10 leads, / 7 valid, / 3 customers; ROI (27,000 − 3,100) / 3,100
    sem = line(get("mia", march).getBody(), "sem");
    assertThat(sem.path("cost").decimalValue()).isEqualByComparingTo("3100");
    assertThat(sem.path("costPerLead").decimalValue()).isEqualByComparingTo("310.00");
    assertThat(sem.path("costPerValidLead").decimalValue()).isEqualByComparingTo("442.86");
    assertThat(sem.path("costPerCustomer").decimalValue()).isEqualByComparingTo("1033.33");
    assertThat(sem.path("roi").decimalValue()).isEqualByComparingTo("7.7097");
    JsonNode total = get("mia", march).getBody().path("total");
    assertThat(total.path("leads").asLong()).isEqualTo(13);
    assertThat(total.path("validLeads").asLong()).isEqualTo(9);
    assertThat(total.path("costPerLead").decimalValue()).isEqualByComparingTo("238.46");

    // half a month: 15 of the cost's 31 days = 1,500; leads captured 1-15 March: 7 (6 valid, 2 won for 25,000)
    sem = line(get("mia", "/api/reports/costs?from=2031-03-01&to=2031-03-15&campaign=" + campaign).getBody(), "sem");
    assertThat(sem.path("cost").decimalValue()).isEqualByComparingTo("1500");
    assertThat(sem.path("leads").asLong()).isEqualTo(7);
    assertThat(sem.path("costPerLead").decimalValue()).isEqualByComparingTo("214.29");
    assertThat(sem.path("costPerCustomer").decimalValue()).isEqualByComparingTo("750.00");
    assertThat(sem.path("roi").decimalValue()).isEqualByComparingTo("15.6667");

    // the same table as CSV
    ResponseEntity<String> csv = http.withBasicAuth("mia", "mia").getForEntity(march + "&format=csv", String.class);
    assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
    assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"costs-2031-03-01-2031-03-31.csv\"");
    assertThat(csv.getBody()).startsWith("campaign,channel,cost,leads,validLeads,customers,revenue,costPerLead,")
        .contains(campaign + ",sem,3100.00,10,7,3,27000.00,310.00,442.86,1033.33,7.7097");
  }

  @Test
  void aCsvUploadWithBadRowsNamesEveryRowAndStoresNothing() {
    String upload = "upload-" + unique();
    String csv = "campaign,channel,periodStart,periodEnd,amount,currency\n"
        + upload + ",sem,2031-01-01,2031-01-31,1200.00,EUR\n"
        + upload + ",sem,2031-02-30,2031-02-28,100,EUR\n"
        + upload + ",social,2031-01-01,2031-01-31,-5,USD\n"
        + upload + ",web-form,2031-01-10,2031-01-01,10,\n";

    ResponseEntity<JsonNode> rejected = postCsv("mia", "/api/campaign-costs", csv);

    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> errors = new ArrayList<>();
    rejected.getBody().path("errors").forEach(e -> errors.add(e.path("row").asInt() + " " + e.path("field").asText()));
    assertThat(errors).containsExactly("3 periodStart", "4 amount", "4 currency", "5 periodEnd");
    assertThat(get("mia", "/api/campaign-costs?campaign=" + upload).getBody()).isEmpty();

    // the good rows alone go in; the same again is a duplicate unless replace=true
    String good = "campaign,channel,periodStart,periodEnd,amount\n" + upload + ",sem,2031-01-01,2031-01-31,1200.00\n"
        + upload + ",social,2031-01-01,2031-01-31,300\n";
    ResponseEntity<JsonNode> stored = postCsv("mia", "/api/campaign-costs", good);
    assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(stored.getBody().path("created").asInt()).isEqualTo(2);
    ResponseEntity<JsonNode> duplicate = postCsv("mia", "/api/campaign-costs", good);
    assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(duplicate.getBody().at("/errors/0/row").asInt()).isEqualTo(2);
    assertThat(duplicate.getBody().at("/errors/0/message").asText()).contains("replace=true");
    ResponseEntity<JsonNode> replaced = postCsv("mia", "/api/campaign-costs?replace=true", good);
    assertThat(replaced.getBody().path("replaced").asInt()).isEqualTo(2);
    assertThat(get("mia", "/api/campaign-costs?campaign=" + upload).getBody()).hasSize(2);
    // an overlapping period of the same line would count money twice
    ResponseEntity<JsonNode> overlap = post("mia", "/api/campaign-costs", cost(upload, "sem", "2031-01-20", "2031-02-10",
        "50"));
    assertThat(overlap.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(overlap.getBody().at("/errors/0/field").asText()).isEqualTo("periodStart");

    // plans: a bad scope and an unknown rep; nothing stored
    ResponseEntity<JsonNode> badPlans = postCsv("max", "/api/plans", "month,scope,subject,amount\n"
        + "2031-05,REP,leo,1000\n2031-05,PERSON,leo,1000\n2031-05,REP,nobody-" + upload + ",1000\n2031-13,TEAM,sales-north,5\n");
    assertThat(badPlans.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    List<String> planErrors = new ArrayList<>();
    badPlans.getBody().path("errors").forEach(e -> planErrors.add(e.path("row").asInt() + " " + e.path("field").asText()));
    assertThat(planErrors).containsExactly("3 scope", "4 subject", "5 month");
    assertThat(get("max", "/api/plans?month=2031-05").getBody()).isEmpty();
  }

  @Test
  void whoMayWriteCostsAndPlansAndReadReports() {
    JsonNode body = cost("auth-" + unique(), "sem", "2031-04-01", "2031-04-30", "10");
    assertThat(post("sam", "/api/campaign-costs", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("max", "/api/campaign-costs", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(null, "/api/campaign-costs", body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    ResponseEntity<JsonNode> created = post("mia", "/api/campaign-costs", body);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = created.getBody().at("/costs/0/id").asLong();
    assertThat(http.withBasicAuth("sam", "sam").exchange("/api/campaign-costs/" + id, HttpMethod.DELETE,
        HttpEntity.EMPTY, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(http.withBasicAuth("mia", "mia").exchange("/api/campaign-costs/" + id, HttpMethod.DELETE,
        HttpEntity.EMPTY, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode plan = json.createObjectNode().put("month", "2031-06").put("scope", "REP").put("subject", "leo")
        .put("amount", 1000);
    assertThat(post("mia", "/api/plans", plan).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("leo", "/api/plans", plan).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // replace: the plan stays in a kept database (-Pmysql run twice), and a second create would be a duplicate
    assertThat(post("max", "/api/plans?replace=true", plan).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(get("sam", "/api/plans").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    assertThat(get("paul", "/api/reports/costs").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("paul", "/api/reports/leaderboard").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(null, "/api/reports/pipeline").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    // sdr and sales users: own team's figures only
    assertThat(get("sam", "/api/reports/pipeline?rep=leo").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sam", "/api/reports/revenue").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sam", "/api/reports/revenue?team=sdr-desk").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("leo", "/api/reports/revenue?team=sales-west").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("leo", "/api/reports/leaderboard?team=sales-west").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    // bad parameters name the parameter
    ResponseEntity<JsonNode> bad = get("mia", "/api/reports/revenue?from=2031-03-10&to=2031-03-01");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().at("/errors/0/field").asText()).isEqualTo("from");
    assertThat(get("mia", "/api/reports/revenue?basis=ever").getBody().at("/errors/0/field").asText()).isEqualTo("basis");
  }

  @Test
  void leaderboardRanksRepsByMonthAttainmentAndShowsTodaysPace() {
    ResponseEntity<JsonNode> plans = postCsv("max", "/api/plans?replace=true", "month,scope,subject,amount\n"
        + "2031-03,REP,leo,21000\n2031-03,REP,lena,10000\n2031-03,REP,nick,42000\n2031-03,TEAM,sales-north,31000\n");
    assertThat(plans.getStatusCode()).as(String.valueOf(plans.getBody())).isEqualTo(HttpStatus.CREATED);

    JsonNode board = get("max", "/api/reports/leaderboard?month=2031-03").getBody();

    // nick 21,000 of 42,000 = 0.5, lena 5,000 of 10,000 = 0.5 (less closed: second), leo 6,000 of 21,000;
    // today's pace: plan / 21 working days, so leo's 2,000 today = 2.0 days' worth, nick's 21,000 = 10.5
    assertThat(board.path("workingDays").asInt()).isEqualTo(21);
    assertThat(board.path("today").asText()).isEqualTo("2031-03-19");
    JsonNode nick = board.at("/lines/0");
    assertThat(nick.path("rep").asText()).isEqualTo("nick");
    assertThat(nick.path("rank").asInt()).isEqualTo(1);
    assertThat(nick.path("closedMonth").decimalValue()).isEqualByComparingTo("21000");
    assertThat(nick.path("attainmentMonth").decimalValue()).isEqualByComparingTo("0.5000");
    assertThat(nick.path("attainmentToday").decimalValue()).isEqualByComparingTo("10.5000");
    JsonNode lena = board.at("/lines/1");
    assertThat(lena.path("rep").asText()).isEqualTo("lena");
    assertThat(lena.path("rank").asInt()).isEqualTo(2);
    assertThat(lena.path("closedToday").decimalValue()).isEqualByComparingTo("0");
    assertThat(lena.path("attainmentToday").decimalValue()).isEqualByComparingTo("0");
    JsonNode leo = board.at("/lines/2");
    assertThat(leo.path("rep").asText()).isEqualTo("leo");
    assertThat(leo.path("name").asText()).isEqualTo("Leo " + leoLastName());
    assertThat(leo.path("team").asText()).isEqualTo("sales-north");
    assertThat(leo.path("plan").decimalValue()).isEqualByComparingTo("21000");
    assertThat(leo.path("closedToday").decimalValue()).isEqualByComparingTo("2000");
    assertThat(leo.path("closedMonth").decimalValue()).isEqualByComparingTo("6000");
    assertThat(leo.path("attainmentMonth").decimalValue()).isEqualByComparingTo("0.2857");
    assertThat(leo.path("attainmentToday").decimalValue()).isEqualByComparingTo("2.0000");
    assertThat(board.at("/teams/0/team").asText()).isEqualTo("sales-north");
    assertThat(board.at("/teams/0/closedMonth").decimalValue()).isEqualByComparingTo("11000");

    // leo sees his own line, within his team only
    JsonNode leosView = get("leo", "/api/reports/leaderboard?month=2031-03").getBody();
    List<String> reps = new ArrayList<>();
    leosView.path("lines").forEach(line -> {
      assertThat(line.path("team").asText()).isEqualTo("sales-north");
      reps.add(line.path("rep").asText());
    });
    assertThat(reps).contains("leo", "lena").doesNotContain("nick");
  }

  @Test
  void theMoneyDoorsAreInTheOpenApiDescription() {
    JsonNode paths = get(null, "/v3/api-docs").getBody().path("paths");
    assertThat(paths.has("/api/campaign-costs")).isTrue();
    assertThat(paths.path("/api/campaign-costs").path("post").path("requestBody").path("content").has("text/csv"))
        .isTrue();
    assertThat(paths.has("/api/campaign-costs/{id}")).isTrue();
    assertThat(paths.has("/api/plans")).isTrue();
    assertThat(paths.has("/api/reports/pipeline")).isTrue();
    assertThat(paths.has("/api/reports/revenue")).isTrue();
    assertThat(paths.has("/api/reports/costs")).isTrue();
    assertThat(paths.has("/api/reports/leaderboard")).isTrue();
  }

  private String leoLastName() {
    return jdbc.queryForObject("select LAST_ from ACT_ID_USER where ID_ = 'leo'", String.class);
  }

  private static JsonNode line(JsonNode costs, String channel) {
    for (JsonNode line : costs.path("campaigns")) {
      if (line.path("channel").asText().equals(channel)) {
        return line;
      }
    }
    throw new AssertionError("no " + channel + " line in " + costs);
  }

  private JsonNode cost(String campaign, String channel, String start, String end, String amount) {
    return json.createObjectNode().put("campaign", campaign).put("channel", channel).put("periodStart", start)
        .put("periodEnd", end).put("amount", amount).put("currency", "EUR");
  }

  private ResponseEntity<JsonNode> postCsv(String user, String path, String csv) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.POST, new HttpEntity<>(csv, headers),
        JsonNode.class);
  }

  /** One lead of this test's campaign; an owner also gets an assignment (rep attribution). */
  private void lead(String source, String capturedAt, String stage, String stageAt, String owner, String region,
      String position, String value, Boolean newCustomer, Boolean valid) {
    String id = UUID.randomUUID().toString();
    Timestamp captured = Timestamp.from(Instant.parse(capturedAt));
    Timestamp changed = Timestamp.from(Instant.parse(stageAt));
    jdbc.update("insert into lead (id, source, external_id, campaign, intent, consent, captured_at, stage, "
        + "stage_changed_at, owner_id, region, funnel_position, deal_value, new_customer, valid, updated_at) "
        + "values (?, ?, ?, ?, 'DEMO_REQUEST', true, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, source, "money-" + id, campaign,
        captured, stage, changed, owner, region, position, value == null ? null : new java.math.BigDecimal(value),
        newCustomer, valid, changed);
    projection.changed(null, leadMapper.findById(id).orElseThrow());   // stored by SQL: now in the rollups (V021)
    if (owner != null) {
      jdbc.update("insert into lead_assignment (lead_id, role, assignee, reason, assigned_at, actor) "
          + "values (?, 'SALES', ?, 'test dataset', ?, 'test')", id, owner, captured);
      projection.assigned(id, owner, captured.toInstant());   // as RoutingService records an assignment
    }
  }
}
