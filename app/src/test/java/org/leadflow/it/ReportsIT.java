package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadMapper;
import org.leadflow.lead.TestLeads;
import org.leadflow.reports.ReportProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The core reports against a dataset whose figures are counted by hand below: six leads captured on Monday
 * 2026-10-05 10:00 UTC in a region of their own (every request filters on it), written through the read
 * model's maintenance ({@link ReportProjection}, with the instants given) and the lead mapper.
 * <ul>
 *   <li>L1 web-form/cA: recycled twice then won (MQL x3, SQL x3, SAL x2, NURTURING x2), owner leo</li>
 *   <li>L2 web-form/cA: reassigned sam -> leo -> lena, opportunity lost, owner leo</li>
 *   <li>L3 sem/cB: invalid at once (SPAM)</li>
 *   <li>L4 sem/cB: valid, MQL, then invalid on the call (NO_NEED)</li>
 *   <li>L5 event/cB: recycled, re-engaged (MQL, SQL again), still in SQL; sara</li>
 *   <li>L6 event/cA: SQL without MQL (off the strict line), won</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIT extends IntegrationTestBase {

  private static final Instant T0 = Instant.parse("2026-10-05T10:00:00Z");
  private static final String PERIOD = "from=2026-10-01&to=2026-10-31";

  @Autowired ReportProjection projection;
  @Autowired LeadMapper leadMapper;

  private final String region = "reports-" + unique();
  private final Map<String, String> ids = new LinkedHashMap<>();

  @BeforeAll
  void theDataset() {
    {
      Lead l1 = lead("L1", "web-form", "cA", "leo");
      path(l1, "CAPTURED", 0, "VALID", 1, "MQL", 1, "SQL", 3, "SAL", 5, "RECYCLED:timing", 6, "NURTURING", 7, "MQL", 10,
          "SQL", 12, "RECYCLED:no-budget", 13, "NURTURING", 14, "MQL", 20, "SQL", 22, "SAL", 24, "OPPORTUNITY", 26,
          "WON", 30);
      projection.assigned(l1.id(), "leo", at(1));
      close(l1, "WON", "price-fit", true);
      Lead l2 = lead("L2", "web-form", "cA", "leo");
      path(l2, "CAPTURED", 0, "VALID", 2, "MQL", 2, "SQL", 4, "SAL", 8, "OPPORTUNITY", 9, "LOST", 12);
      projection.assigned(l2.id(), "sam", at(2));
      projection.assigned(l2.id(), "leo", at(4));
      projection.assigned(l2.id(), "lena", at(9));
      projection.assigned(l2.id(), "leo", at(10));   // back to leo: still one attribution
      close(l2, "LOST", "competitor", true);
      Lead l3 = lead("L3", "sem", "cB", null);
      path(l3, "CAPTURED", 0, "INVALID", 1);
      invalid(l3, "SPAM");
      Lead l4 = lead("L4", "sem", "cB", null);
      path(l4, "CAPTURED", 0, "VALID", 1, "MQL", 1, "INVALID", 3);
      invalid(l4, "NO_NEED");
      Lead l5 = lead("L5", "event", "cB", null);
      path(l5, "CAPTURED", 0, "VALID", 1, "MQL", 1, "SQL", 2, "RECYCLED:timing", 4, "MQL", 8, "SQL", 9);
      projection.assigned(l5.id(), "sara", at(1));
      verdict(l5, true, null);
      update(l5, "update lead set valid = true, stage = 'SQL' where id = ?");
      Lead l6 = lead("L6", "event", "cA", null);
      path(l6, "CAPTURED", 0, "VALID", 1, "SQL", 2, "SAL", 3, "OPPORTUNITY", 4, "WON", 5);
      close(l6, "WON", "price-fit", true);

      activity(l1, "CALL_ATTEMPT", "too-expensive", T0.plus(Duration.ofMinutes(30)));
      activity(l1, "FIRST_CONTACT", "too-expensive", at(4));
      activity(l2, "FIRST_CONTACT", "no-budget", at(2));
      activity(l5, "OPPORTUNITY_UPDATE", "too-expensive", at(3));
      sla(l1, "FIRST_CALL", "CLOSED", false);
      sla(l2, "FIRST_CALL", "CLOSED", true);
      sla(l2, "ACCEPT", "OPEN", false);
    }
  }

  @Test
  void funnelCountsEveryPassAndEveryStageALeadReallyReached() {
    JsonNode funnel = report("mia", "funnel", "");
    assertThat(funnel.path("semantics").asText()).isEqualTo("any");
    assertThat(funnel.path("basis").asText()).isEqualTo("cohort");
    assertThat(funnel.path("filter").path("region").asText()).isEqualTo(region);
    assertThat(stages(funnel)).containsExactly(
        "CAPTURED 6/6", "VALID 5/5", "INVALID 2/2", "NURTURING 1/2", "MQL 4/7", "SQL 4/7", "SAL 3/4",
        "OPPORTUNITY 3/3", "WON 2/2", "LOST 1/1", "RECYCLED 2/3", "DISQUALIFIED 0/0");
    assertThat(conversion(funnel, "CAPTURED", "VALID")).isEqualTo("6->5 0.8333");
    assertThat(conversion(funnel, "VALID", "MQL")).isEqualTo("5->4 0.8");
    assertThat(conversion(funnel, "SQL", "SAL")).isEqualTo("4->3 0.75");
    assertThat(conversion(funnel, "OPPORTUNITY", "WON")).isEqualTo("3->2 0.6667");
    assertThat(conversion(funnel, "MQL", "WON")).isEqualTo("4->2 0.5");
    assertThat(funnel.path("conversions")).hasSize(21);
    assertThat(funnel.path("captureToWon").path("rate").decimalValue()).isEqualByComparingTo("0.3333");
  }

  @Test
  void strictFunnelCountsOnlyTheMainLineInOrder() {
    JsonNode funnel = report("mia", "funnel", "&semantics=strict");
    assertThat(funnel.path("semantics").asText()).isEqualTo("strict");
    // L6 skipped MQL: CAPTURED and VALID only; L4 stopped at MQL; L5 at SQL; L2 at OPPORTUNITY
    assertThat(stages(funnel)).containsExactly(
        "CAPTURED 6/6", "VALID 5/5", "INVALID 2/2", "NURTURING 1/2", "MQL 4/4", "SQL 3/3", "SAL 2/2",
        "OPPORTUNITY 2/2", "WON 1/1", "LOST 1/1", "RECYCLED 2/3", "DISQUALIFIED 0/0");
    assertThat(funnel.path("captureToWon").path("rate").decimalValue()).isEqualByComparingTo("0.1667");
  }

  @Test
  void teamAndRepFiltersFollowEveryAssignment() {
    JsonNode sdrDesk = report("sam", "funnel", "&team=sdr-desk");
    assertThat(stages(sdrDesk).get(0)).isEqualTo("CAPTURED 2/2");   // L2 (sam), L5 (sara)
    JsonNode leo = report("mia", "funnel", "&rep=leo");
    assertThat(stages(leo)).contains("CAPTURED 2/2", "WON 1/1", "LOST 1/1");
    JsonNode channel = report("mia", "funnel", "&channel=sem");
    assertThat(stages(channel)).contains("CAPTURED 2/2", "VALID 1/1", "INVALID 2/2");
    JsonNode campaign = report("mia", "funnel", "&campaign=cA");
    assertThat(stages(campaign)).contains("CAPTURED 3/3", "WON 2/2");
  }

  @Test
  void filtersOfSeveralDimensionsCountTheLeadsOfAllOfThem() {
    // (the dataset's region is in every filter) L1 and L2: web-form, cA, leo
    for (String filter : List.of("&channel=web-form&campaign=cA", "&rep=leo&channel=web-form",
        "&rep=leo&campaign=cA&channel=web-form", "&rep=leo&team=" + teamOf("leo"))) {
      assertThat(stages(report("mia", "funnel", filter))).as(filter)
          .contains("CAPTURED 2/2", "SQL 2/4", "WON 1/1", "LOST 1/1", "RECYCLED 1/2");
    }
    // a rep and a team of different assignments: L2 (sam of sdr-desk, then leo)
    assertThat(stages(report("mia", "funnel", "&rep=leo&team=sdr-desk")))
        .contains("CAPTURED 1/1", "SQL 1/1", "WON 0/0", "LOST 1/1");
    assertThat(stages(report("mia", "funnel", "&rep=leo&team=sdr-desk&campaign=cA")))
        .contains("CAPTURED 1/1", "LOST 1/1");
    assertThat(stages(report("sam", "funnel", "&team=sdr-desk&channel=event")))     // L5 (sara)
        .contains("CAPTURED 1/1", "MQL 1/2", "RECYCLED 1/1", "WON 0/0");
    assertThat(stages(report("mia", "funnel", "&channel=sem&campaign=cA")))          // no such lead
        .contains("CAPTURED 0/0", "INVALID 0/0");
    assertThat(stages(report("mia", "funnel", "&channel=sem&landingPage=/lp/none")))  // no such profile
        .contains("CAPTURED 0/0");
  }

  @Test
  void eventBasisCountsWhatHappenedInThePeriod() {
    JsonNode day2 = report("mia", "funnel", "&basis=event&from=2026-10-06&to=2026-10-06");
    // on 10-06 (from 00:00): L1's MQL at +20h, SQL +22h, SAL +24h, OPPORTUNITY +26h, WON +30h and NURTURING +14h
    assertThat(stages(day2)).contains("CAPTURED 0/0", "NURTURING 1/1", "MQL 1/1", "WON 1/1", "LOST 0/0");
  }

  @Test
  void quality() {
    JsonNode quality = report("mia", "quality", "");
    assertThat(quality.path("captured").asLong()).isEqualTo(6);
    assertThat(quality.path("valid").asLong()).isEqualTo(4);
    assertThat(quality.path("invalid").asLong()).isEqualTo(2);
    assertThat(quality.path("validRate").decimalValue()).isEqualByComparingTo("0.6667");
    assertThat(quality.path("invalidByReason").toString())
        .isEqualTo("[{\"reason\":\"NO_NEED\",\"leads\":1},{\"reason\":\"SPAM\",\"leads\":1}]");
  }

  @Test
  void stageTimesAreNearestRankMedianAndP90OfCompletedPasses() {
    JsonNode times = report("mia", "stage-times", "");
    List<String> lines = new ArrayList<>();
    times.path("stages").forEach(s -> lines.add(s.path("stage").asText() + " " + s.path("passes").asLong() + " "
        + s.path("medianSeconds").asText() + " " + s.path("p90Seconds").asText()));
    assertThat(lines).containsExactly(
        "CAPTURED 6 3600 7200",        // 1,1,1,1,1,2 h
        "NURTURING 2 10800 21600",     // 3,6 h
        "MQL 7 7200 7200",             // 1,1,2,2,2,2,2 h
        "SQL 6 7200 14400",            // 1,1,2,2,2,4 h (L5's second SQL is still open)
        "SAL 4 3600 7200",             // 1,1,1,2 h
        "OPPORTUNITY 3 10800 14400",   // 1,3,4 h
        "RECYCLED 3 3600 14400");      // 1,1,4 h
  }

  @Test
  void speedToLeadInTheOwnersBusinessHours() {
    JsonNode speed = report("mia", "speed-to-lead", "");
    // L1 30 min, L2 2 h, both inside sales-north's Berlin hours (07:00-15:00 UTC in October)
    assertThat(speed.path("leads").asLong()).isEqualTo(6);
    assertThat(speed.path("contacted").asLong()).isEqualTo(2);
    assertThat(speed.path("medianBusinessSeconds").asLong()).isEqualTo(1800);
    assertThat(speed.path("p90BusinessSeconds").asLong()).isEqualTo(7200);
  }

  @Test
  void slaCompliancePerType() {
    JsonNode sla = report("mia", "sla", "");
    assertThat(sla.path("slas").toString()).isEqualTo(
        "[{\"slaType\":\"ACCEPT\",\"total\":1,\"met\":0,\"breached\":0,\"open\":1,\"compliance\":null},"
            + "{\"slaType\":\"FIRST_CALL\",\"total\":2,\"met\":1,\"breached\":1,\"open\":0,\"compliance\":0.5}]");
  }

  @Test
  void recyclesWithReasons() {
    JsonNode recycles = report("mia", "recycles", "");
    assertThat(recycles.path("recycles").asLong()).isEqualTo(3);
    assertThat(recycles.path("recycledLeads").asLong()).isEqualTo(2);
    assertThat(recycles.path("byReason").toString())
        .isEqualTo("[{\"reason\":\"timing\",\"count\":2},{\"reason\":\"no-budget\",\"count\":1}]");
  }

  @Test
  void outcomesWithReasonsAndObjectionsByChannel() {
    JsonNode outcomes = report("mia", "outcomes", "");
    assertThat(outcomes.path("won").asLong()).isEqualTo(2);
    assertThat(outcomes.path("lost").asLong()).isEqualTo(1);
    assertThat(outcomes.path("winReasons").toString()).isEqualTo("[{\"reason\":\"price-fit\",\"count\":2}]");
    assertThat(outcomes.path("lossReasons").toString()).isEqualTo("[{\"reason\":\"competitor\",\"count\":1}]");
    assertThat(outcomes.path("objectionsByChannel").toString()).isEqualTo(
        "[{\"channel\":\"event\",\"objection\":\"too-expensive\",\"count\":1},"
            + "{\"channel\":\"web-form\",\"objection\":\"too-expensive\",\"count\":2},"
            + "{\"channel\":\"web-form\",\"objection\":\"no-budget\",\"count\":1}]");
  }

  @Test
  void trendPerDayOnBothBases() {
    JsonNode cohort = report("mia", "trend", "&measure=mql&interval=day&from=2026-10-05&to=2026-10-07");
    assertThat(cohort.path("points").toString()).isEqualTo("[{\"period\":\"2026-10-05\",\"value\":4},"
        + "{\"period\":\"2026-10-06\",\"value\":0},{\"period\":\"2026-10-07\",\"value\":0}]");
    JsonNode event = report("mia", "trend", "&measure=mql&interval=day&basis=event&from=2026-10-05&to=2026-10-06");
    assertThat(event.path("points").toString())
        .isEqualTo("[{\"period\":\"2026-10-05\",\"value\":4},{\"period\":\"2026-10-06\",\"value\":1}]");
    JsonNode month = report("mia", "trend", "&measure=won&interval=month");
    assertThat(month.path("points").toString()).isEqualTo("[{\"period\":\"2026-10-01\",\"value\":2}]");
  }

  @Test
  void csvExportOfTheMainTable() {
    HttpHeaders headers = new HttpHeaders();
    ResponseEntity<String> csv = http.withBasicAuth("mia", "mia").exchange(
        "/api/reports/funnel?" + PERIOD + "&region=" + region + "&format=csv", HttpMethod.GET, new HttpEntity<>(headers),
        String.class);
    assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"funnel-2026-10-01-2026-10-31.csv\"");
    assertThat(csv.getBody()).startsWith("stage,leads,passes\r\nCAPTURED,6,6\r\nVALID,5,5\r\n")
        .endsWith("DISQUALIFIED,0,0\r\n");
  }

  @Test
  void badFiltersAre400sNamingTheParameter() {
    assertThat(badParameter("/api/reports/funnel?from=2026-11-02&to=2026-11-01")).isEqualTo("from");
    assertThat(badParameter("/api/reports/funnel?basis=weekly")).isEqualTo("basis");
    assertThat(badParameter("/api/reports/quality?from=2020-01-01&to=2026-01-01")).isEqualTo("to");
    assertThat(badParameter("/api/reports/sla?to=yesterday")).isEqualTo("to");
    assertThat(badParameter("/api/reports/funnel?semantics=loose")).isEqualTo("semantics");
    assertThat(badParameter("/api/reports/trend?measure=revenue")).isEqualTo("measure");
    assertThat(badParameter("/api/reports/trend?interval=hour")).isEqualTo("interval");
  }

  @Test
  void accessRules() {
    assertThat(get("sam", "/api/reports/funnel?rep=leo").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sam", "/api/reports/funnel").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sam", "/api/reports/funnel?rep=nobody").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sam", "/api/reports/funnel?team=sales-north").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("sam", "/api/reports/funnel?team=sdr-desk").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("sam", "/api/reports/quality?rep=sara").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("leo", "/api/reports/outcomes?rep=leo").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("mia", "/api/reports/funnel").getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("max", "/api/reports/stage-times").getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> paul = get("paul", "/api/reports/funnel");
    assertThat(paul.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(paul.getBody().path("detail").asText()).contains("marketing");
    assertThat(get(null, "/api/reports/funnel").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aLeadCapturedThroughTheApiIsInTheReadModel() {
    String campaign = "report-hook-" + unique();
    capture(submission("DEMO_REQUEST", unique()).put("campaign", campaign));
    JsonNode funnel = get("mia", "/api/reports/funnel?campaign=" + campaign).getBody();
    assertThat(stages(funnel).get(0)).isEqualTo("CAPTURED 1/1");
  }

  // ---- helpers

  private JsonNode report(String user, String name, String query) {
    String period = query.contains("from=") ? "" : PERIOD + "&";
    ResponseEntity<JsonNode> response = get(user, "/api/reports/" + name + "?" + period + "region=" + region + query);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private String badParameter(String path) {
    ResponseEntity<JsonNode> response = get("mia", path);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    return response.getBody().path("errors").path(0).path("field").asText();
  }

  private static List<String> stages(JsonNode funnel) {
    List<String> lines = new ArrayList<>();
    funnel.path("stages").forEach(s -> lines.add(s.path("stage").asText() + " " + s.path("leads").asLong() + "/"
        + s.path("passes").asLong()));
    return lines;
  }

  private static String conversion(JsonNode funnel, String from, String to) {
    for (JsonNode c : funnel.path("conversions")) {
      if (c.path("from").asText().equals(from) && c.path("to").asText().equals(to)) {
        return c.path("fromLeads").asLong() + "->" + c.path("toLeads").asLong() + " "
            + c.path("rate").decimalValue().stripTrailingZeros().toPlainString();
      }
    }
    throw new AssertionError("no conversion " + from + "->" + to + " in " + funnel);
  }

  private static Instant at(double hours) {
    return T0.plus(Duration.ofMinutes((long) (hours * 60)));
  }

  private String teamOf(String rep) {
    return jdbc.queryForObject("select team_id from lead_rep where user_id = ?", String.class, rep);
  }

  private Lead lead(String name, String source, String campaign, String owner) {
    String id = UUID.randomUUID().toString();
    ids.put(name, id);
    Lead lead = TestLeads.lead(id).source(source).externalId(name + "-" + id).campaign(campaign)
        .landingPage("/lp/" + campaign).region(region).capturedAt(T0).ownerId(owner)
        .email(name.toLowerCase() + "." + id + "@reports.example").phone(null).build();
    leadMapper.insert(lead);
    return lead;
  }

  private void path(Lead lead, Object... steps) {
    ReportPaths.path(projection, lead, T0, steps);
  }

  private void close(Lead lead, String stage, String reason, boolean valid) {
    verdict(lead, valid, null);
    update(lead, "update lead set stage = ?, close_reason = ?, valid = ? where id = ?", stage, reason, valid);
  }

  /** A change of the lead's row and its move in the outcome and money rollups, as LeadService does both. */
  private void update(Lead lead, String sql, Object... args) {
    Lead before = leadMapper.findById(lead.id()).orElseThrow();
    Object[] withId = java.util.Arrays.copyOf(args, args.length + 1);
    withId[args.length] = lead.id();
    jdbc.update(sql, withId);
    projection.changed(before, leadMapper.findById(lead.id()).orElseThrow());
  }

  private void invalid(Lead lead, String reason) {
    verdict(lead, false, reason);
    update(lead, "update lead set stage = 'INVALID', valid = false, invalid_reason = ? where id = ?", reason);
  }

  /** A validity verdict as LeadService.markValid / markInvalid records it for the reports (the quality rollup). */
  private void verdict(Lead lead, boolean valid, String reason) {
    projection.verdictChanged(leadMapper.findById(lead.id()).orElseThrow(), valid, reason);
  }

  /**
   * An activity as LeadService.recordActivity writes it: a call attempt or first contact also feeds the read model,
   * an objection the objection rollup.
   */
  private void activity(Lead lead, String type, String objection, Instant when) {
    leadMapper.insertActivity(lead.id(), type, null, objection, "leo", when, null);
    if (objection != null) {
      projection.objected(lead, when, objection);
    }
    if (type.equals("CALL_ATTEMPT") || type.equals("FIRST_CONTACT")) {
      projection.contacted(lead, when);
    }
  }

  /** An SLA clock as SlaService writes it: started, then breached or closed, each change moved in the rollup. */
  private void sla(Lead lead, String type, String status, boolean breached) {
    projection.slaMoved(lead, type, at(1), null, ReportProjection.SlaState.OPEN);
    projection.slaMoved(lead, type, at(1), ReportProjection.SlaState.OPEN,
        ReportProjection.SlaState.of(breached ? at(3) : null, status.equals("CLOSED")));
    jdbc.update("insert into lead_sla (lead_id, sla_type, owner_id, team_id, rule_ref, started_at, remind_at, due_at,"
        + " escalate_at, reassign_at, recycle_at, tiers_fired, breached_at, status) values (?, ?, 'leo', 'sales-north',"
        + " 'test', ?, ?, ?, ?, ?, ?, '', ?, ?)", lead.id(), type, at(1), at(2), at(3), at(4), at(5), at(6),
        breached ? at(3) : null, status);
  }
}
