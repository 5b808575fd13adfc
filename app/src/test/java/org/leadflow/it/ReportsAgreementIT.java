package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.process.Opportunity;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.process.SdrQualification;
import org.leadflow.reports.ReportService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The reports agree with an independent count: leads of one campaign of this test driven through the real
 * app (POST /api/leads as mia, SDR and sales tasks completed through engine REST as the demo people with the
 * forms' variables, SDR retry timers fired), then the JSON of /api/reports/funnel, quality, speed-to-lead and
 * sla compared with figures this test counts by SQL over the primary tables (lead, lead_stage_history,
 * lead_activity, lead_assignment, lead_sla; never report_*). Every figure that differs fails with both
 * numbers.
 *
 * <p>The clock is pinned (Monday 2032-06-07 10:00 UTC, moved on by the test between steps) so the leads have
 * a day of their own and the working time between capture and first call is not zero. Leads:
 * <ul>
 *   <li>won: web-form demo request, qualified by sam, accepted, first contact, opportunity won</li>
 *   <li>recycled: sem demo request recycled by the SDR (NOT_NOW), re-engaged by a new demo request,
 *       qualified, accepted (left in SAL)</li>
 *   <li>unreachable: web-form demo request, three unanswered call attempts: INVALID (UNREACHABLE)</li>
 *   <li>test lead: event inquiry named "Test": INVALID (TEST) at capture</li>
 *   <li>inquiry: event inquiry, never called</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsAgreementIT extends IntegrationTestBase {

  private static final Instant T0 = Instant.parse("2032-06-07T10:00:00Z");
  private static final String PERIOD = "from=2032-06-07&to=2032-06-07";
  private static final List<String> CONTACTS = List.of("CALL_ATTEMPT", "FIRST_CONTACT");

  @Autowired ItClock.PinnableClock clock;

  private final String campaign = "agree-" + unique();
  private final List<String> leads = new ArrayList<>();

  @BeforeAll
  void driveLeadsThroughTheApp() {
    clock.pin(T0);
    try {
      String won = lead("web-form", "DEMO_REQUEST", null);
      String recycled = lead("sem", "DEMO_REQUEST", null);
      String unreachable = lead("web-form", "DEMO_REQUEST", null);
      lead("event", "INQUIRY", "Test");
      lead("event", "INQUIRY", null);

      later(30);
      qualify("sam", won, "SALES_READY");
      later(20);
      qualify("sara", recycled, "RECYCLE");
      later(10);
      for (int attempt = 1; attempt <= 3; attempt++) {
        completeOk("sam", task(unreachable, attempt == 1 ? SdrQualification.Tasks.QUALIFY_LEAD
            : SdrQualification.Tasks.CALL_LEAD_AGAIN), Map.of("callOutcome", "NO_ANSWER"));
        if (attempt < 3) {
          fireTimer(unreachable, SdrQualification.Events.NEXT_CALL_ATTEMPT_DUE);
        }
      }

      later(60);
      String rep = accept(won);
      later(45);
      completeOk(rep, task(won, SalesFollowUp.Tasks.MAKE_FIRST_CONTACT), Map.of("salesOutcome", "OPPORTUNITY",
          "dealValue", 40_000L, "funnelPosition", "MIDDLE", "objection", "NONE"));
      later(90);
      completeOk(rep, task(won, Opportunity.Tasks.UPDATE_OPPORTUNITY), Map.of("funnelPosition", "BOTTOM",
          "dealValue", 40_000L, "opportunityOutcome", "WON", "closeReason", "PRODUCT_FIT", "newCustomer", true));
      completeOk("mia", task(won, LeadLifecycle.Tasks.REVIEW_WIN_LOSS), Map.of("reviewFinding", "NOTHING_TO_CHANGE"));

      // the recycled lead asks for a demo again: back to the SDR, qualified, accepted
      later(120);
      ObjectNode again = submission("DEMO_REQUEST", unique()).put("source", "sem").put("campaign", campaign);
      again.put("email", jdbc.queryForObject("select email from lead where id = ?", String.class, recycled));
      assertThat(post("mia", "/api/leads", again).getBody().path("outcome").asText()).isEqualTo("ATTACHED_TO_OPEN_LEAD");
      runAsyncJobs(recycled);
      later(15);
      qualify("sara", recycled, "SALES_READY");
      later(30);
      accept(recycled);
    } finally {
      clock.release();
    }
    // the journeys this test relies on really happened
    assertThat(stages(won())).containsExactly("CAPTURED", "MQL", "SQL", "SAL", "OPPORTUNITY", "WON");
    assertThat(stages(leads.get(1))).containsSubsequence("CAPTURED", "MQL", "RECYCLED", "NURTURING", "MQL", "SQL",
        "SAL");
    assertThat(stages(leads.get(2))).containsExactly("CAPTURED", "MQL", "INVALID");
    assertThat(stages(leads.get(3))).containsExactly("CAPTURED", "INVALID");
  }

  @AfterAll
  void releaseTheClock() {
    clock.release();
  }

  @Test
  void funnelStagesAreTheLeadsAndPassesOfTheStageHistory() {
    JsonNode funnel = report("funnel");
    List<String> differences = new ArrayList<>();
    Map<String, Long> leadsPerStage = new LinkedHashMap<>();
    for (JsonNode line : funnel.path("stages")) {
      String stage = line.path("stage").asText();
      long[] counted = stage.equals("VALID") ? validLeads() : historyCount(stage);
      compare(differences, "funnel " + stage + " leads", line.path("leads").asLong(), counted[0]);
      compare(differences, "funnel " + stage + " passes", line.path("passes").asLong(), counted[1]);
      leadsPerStage.put(stage, counted[0]);
    }
    assertThat(leadsPerStage.keySet()).containsExactlyElementsOf(ReportService.STAGES);
    for (JsonNode conversion : funnel.path("conversions")) {
      long from = leadsPerStage.get(conversion.path("from").asText());
      long to = leadsPerStage.get(conversion.path("to").asText());
      String name = "conversion " + conversion.path("from").asText() + "->" + conversion.path("to").asText();
      compare(differences, name + " from", conversion.path("fromLeads").asLong(), from);
      compare(differences, name + " to", conversion.path("toLeads").asLong(), to);
      compare(differences, name + " rate", decimal(conversion.path("rate")), rate(to, from));
    }
    compare(differences, "capture to won", decimal(funnel.path("captureToWon").path("rate")),
        rate(leadsPerStage.get("WON"), leadsPerStage.get("CAPTURED")));
    assertThat(differences).as("report vs independent count").isEmpty();
    assertThat(leadsPerStage).containsEntry("CAPTURED", 5L).containsEntry("WON", 1L).containsEntry("INVALID", 2L);
  }

  @Test
  void qualityIsTheLeadsValidityVerdicts() {
    JsonNode quality = report("quality");
    Map<String, Object> counted = jdbc.queryForMap("select count(*) captured, "
        + "sum(case when valid = true then 1 else 0 end) valid, sum(case when valid = false then 1 else 0 end) invalid "
        + "from lead where campaign = ?", campaign);
    List<String> differences = new ArrayList<>();
    compare(differences, "captured", quality.path("captured").asLong(), number(counted.get("captured")));
    compare(differences, "valid", quality.path("valid").asLong(), number(counted.get("valid")));
    compare(differences, "invalid", quality.path("invalid").asLong(), number(counted.get("invalid")));
    compare(differences, "valid rate", decimal(quality.path("validRate")),
        rate(number(counted.get("valid")), number(counted.get("captured"))));
    Map<String, Long> reasons = new TreeMap<>();
    jdbc.query("select invalid_reason, count(*) n from lead where campaign = ? and valid = false group by invalid_reason",
        rs -> { reasons.put(rs.getString(1), rs.getLong(2)); }, campaign);
    Map<String, Long> shown = new TreeMap<>();
    quality.path("invalidByReason").forEach(r -> shown.put(r.path("reason").asText(), r.path("leads").asLong()));
    compare(differences, "invalid by reason", shown, reasons);
    assertThat(differences).as("report vs independent count").isEmpty();
    assertThat(reasons).containsOnlyKeys("TEST", "UNREACHABLE");
  }

  @Test
  void speedToLeadIsCaptureToTheFirstCallInTheOwnersWorkingTime() {
    JsonNode speed = report("speed-to-lead");
    List<Long> seconds = new ArrayList<>();
    for (String lead : leads) {
      List<Timestamp> contacts = jdbc.queryForList("select min(occurred_at) from lead_activity where lead_id = ? "
          + "and type in ('CALL_ATTEMPT', 'FIRST_CONTACT')", Timestamp.class, lead);
      if (contacts.get(0) == null) {
        continue;
      }
      Instant contacted = contacts.get(0).toInstant();
      Instant captured = jdbc.queryForObject("select captured_at from lead where id = ?", Timestamp.class, lead)
          .toInstant();
      // the owner then: the latest assignment up to the contact
      List<String> owners = jdbc.queryForList("select assignee from lead_assignment where lead_id = ? "
          + "and assigned_at <= ? order by assigned_at desc, id desc", String.class, lead, Timestamp.from(contacted));
      List<String> teams = owners.isEmpty() ? List.of()
          : jdbc.queryForList("select team_id from lead_rep where user_id = ?", String.class, owners.get(0));
      seconds.add(businessTime.between(teams.isEmpty() ? null : teams.get(0), captured, contacted).getSeconds());
    }
    seconds.sort(null);
    List<String> differences = new ArrayList<>();
    compare(differences, "leads", speed.path("leads").asLong(), (long) leads.size());
    compare(differences, "contacted", speed.path("contacted").asLong(), (long) seconds.size());
    compare(differences, "median", speed.path("medianBusinessSeconds").asLong(), nearestRank(seconds, 0.5));
    compare(differences, "p90", speed.path("p90BusinessSeconds").asLong(), nearestRank(seconds, 0.9));
    assertThat(differences).as("report vs independent count").isEmpty();
    assertThat(seconds).as("three leads were called, each after some working time").hasSize(3)
        .allMatch(s -> s > 0);
  }

  @Test
  void slaComplianceIsTheLeadsSlaClocks() {
    JsonNode slas = report("sla");
    Map<String, List<Long>> counted = new TreeMap<>();
    jdbc.query("select s.sla_type, count(*) total, "
        + "sum(case when s.breached_at is null and s.status = 'CLOSED' then 1 else 0 end) met, "
        + "sum(case when s.breached_at is not null then 1 else 0 end) breached, "
        + "sum(case when s.breached_at is null and s.status = 'OPEN' then 1 else 0 end) open_clocks "
        + "from lead_sla s join lead l on l.id = s.lead_id where l.campaign = ? group by s.sla_type", rs -> {
          counted.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
        }, campaign);
    Map<String, List<Long>> shown = new TreeMap<>();
    slas.path("slas").forEach(s -> shown.put(s.path("slaType").asText(), List.of(s.path("total").asLong(),
        s.path("met").asLong(), s.path("breached").asLong(), s.path("open").asLong())));
    List<String> differences = new ArrayList<>();
    compare(differences, "sla [total, met, breached, open] per type", shown, counted);
    assertThat(differences).as("report vs independent count").isEmpty();
    assertThat(counted).as("the flow started SLA clocks").isNotEmpty();
  }

  // ---- the flow

  private String lead(String source, String intent, String firstName) {
    ObjectNode submission = submission(intent, unique()).put("source", source).put("campaign", campaign);
    if (firstName != null) {
      submission.put("firstName", firstName);
    }
    String id = capture(submission);
    runAsyncJobs(id);
    leads.add(id);
    return id;
  }

  private String won() {
    return leads.get(0);
  }

  private void qualify(String sdr, String lead, String qualification) {
    Map<String, Object> variables = qualification.equals("SALES_READY")
        ? Map.of("callOutcome", "REACHED", "realNeed", true, "authority", "DECISION_MAKER", "timing", "THIS_QUARTER",
            "objection", "NONE", "qualification", "SALES_READY")
        : Map.of("callOutcome", "REACHED", "realNeed", false, "qualification", "RECYCLE", "recycleReason", "NOT_NOW");
    completeOk(sdr, task(lead, SdrQualification.Tasks.QUALIFY_LEAD), variables);
    runAsyncJobs(lead);
  }

  private String accept(String lead) {
    var accept = task(lead, SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(accept).as("accept task of %s", lead).isNotNull();
    completeOk(accept.getAssignee(), accept, Map.of("acceptance", "ACCEPTED"));
    runAsyncJobs(lead);
    return accept.getAssignee();
  }

  private void later(long minutes) {
    clock.pin(clock.instant().plus(Duration.ofMinutes(minutes)));
  }

  // ---- the independent counts

  /** Leads of the campaign that entered the stage, and how often (lead_stage_history). */
  private long[] historyCount(String stage) {
    Map<String, Object> row = jdbc.queryForMap("select count(distinct h.lead_id) leads, count(*) passes "
        + "from lead_stage_history h join lead l on l.id = h.lead_id where l.campaign = ? and h.to_stage = ?",
        campaign, stage);
    return new long[] {number(row.get("leads")), number(row.get("passes"))};
  }

  /** Leads whose validity check passed: they went on to a stage other than CAPTURED and INVALID (once each). */
  private long[] validLeads() {
    long valid = number(jdbc.queryForObject("select count(distinct h.lead_id) from lead_stage_history h "
        + "join lead l on l.id = h.lead_id where l.campaign = ? and h.to_stage not in ('CAPTURED', 'INVALID')",
        Long.class, campaign));
    return new long[] {valid, valid};
  }

  private JsonNode report(String name) {
    ResponseEntity<JsonNode> response = get("mia", "/api/reports/" + name + "?" + PERIOD + "&campaign=" + campaign);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static void compare(List<String> differences, String what, Object report, Object counted) {
    if (!java.util.Objects.equals(report, counted)) {
      differences.add(what + ": report " + report + ", counted " + counted);
    }
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static java.math.BigDecimal decimal(JsonNode value) {
    return value.isNull() || value.isMissingNode() ? null : value.decimalValue().setScale(4);
  }

  private static java.math.BigDecimal rate(long numerator, long denominator) {
    return denominator == 0 ? null : java.math.BigDecimal.valueOf(numerator)
        .divide(java.math.BigDecimal.valueOf(denominator), 4, java.math.RoundingMode.HALF_UP);
  }

  /** Nearest rank: the value at rank ceil(q × n), 1-based (0 when there is none, as asLong reads a null). */
  private static long nearestRank(List<Long> sorted, double q) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(q * sorted.size()) - 1);
  }
}
