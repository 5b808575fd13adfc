package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import db.migration.V021__ReportOutcomeAndMoneyRollups;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.InvalidReason;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadMapper;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;
import org.leadflow.reports.LeadFigures;
import org.leadflow.reports.ReportMapper;
import org.leadflow.reports.ReportProjection;
import org.leadflow.sla.SlaSchedule;
import org.leadflow.sla.SlaService;
import org.leadflow.sla.SlaTerms;
import org.leadflow.sla.SlaTier;
import org.leadflow.sla.SlaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The daily rollups (V019, V020) equal a recount: leads captured on a day of their own (far in the future, so no
 * other test writes passes on it or the days after), driven through {@link ReportProjection} with recycles
 * (passes of one stage on one day and on later days), assignments before and after passes (a rep's slice gets
 * the lead's earlier rows), two reps of one team (the team counts the lead once), verdict changes, first contacts
 * (one replaced by an earlier one, one left without working time as V018 left them and then timed as
 * FirstContactBackfill does) and SLA clocks through SlaService (breached then done, done in time, cancelled, open).
 * Then every rollup row of those days (the profile slices of V022 too) is compared with the same figures counted
 * from report_stage_pass, report_first_contact, lead_sla, report_lead_rep, report_profile and lead, and a report
 * over several dimensions at once (the profile slices, a rep and a team's pair, a rep with an attribute: the
 * read model's path) agrees with the same report per single dimension.
 *
 * <p>V021's rollups (outcomes' close reasons and objections, revenue, costs, the open pipeline): leads of a day
 * of their own in 2042 driven through {@link LeadService} with the clock pinned, so that every write the app
 * does moves them (a win reopened and won again with another reason and value, a loss recycled, an owner
 * change, a verdict); their figures by hand, the reports of one dimension equal to those of the profile slices,
 * and V021's backfill of those leads equal to what the maintenance wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRollupsIT extends IntegrationTestBase {

  @Autowired ReportProjection projection;
  @Autowired LeadMapper leadMapper;
  @Autowired ReportMapper reportMapper;
  @Autowired SlaService slas;
  @Autowired LeadService leadService;
  @Autowired ItClock.PinnableClock clock;
  @Autowired DataSource dataSource;

  private final String u = unique();
  private final String region = "rollup-" + u;
  private final String campaign = "rollup-c-" + u;
  /** A day of this run's own in 2041 (UTC). */
  private final LocalDate day = LocalDate.of(2041, 1, 1).plusDays(Math.floorMod(u.hashCode(), 300));
  private final Instant t0 = day.atTime(9, 0).toInstant(ZoneOffset.UTC);

  @BeforeAll
  void theDataset() {
    Lead a = lead("web-form", campaign, "/lp/a");
    path(a, "CAPTURED", 0, "VALID", 1, "MQL", 1, "RECYCLED:timing", 2, "MQL", 3, "RECYCLED:timing", 30,
        "NURTURING", 31, "MQL", 50, "SQL", 51);
    projection.contacted(a, at(30));
    projection.contacted(a, at(0.5));                // recorded late, earlier: replaces the first contact
    sla(a, SlaType.SDR_CALL_ATTEMPT, 0.25);
    slas.recordTier(a.id(), SlaType.SDR_CALL_ATTEMPT, SlaTier.BREACH);
    slas.complete(a.id(), SlaType.SDR_CALL_ATTEMPT);   // done after the breach: still breached
    projection.assigned(a.id(), "leo", at(52));     // after its passes: they join leo's slice then
    projection.assigned(a.id(), "lena", at(53));    // same team as leo: the team counts the lead once
    path(a, "SAL", 54, "OPPORTUNITY", 60, "WON", 80);
    sla(a, SlaType.SALES_ACCEPT, 54);
    slas.complete(a.id(), SlaType.SALES_ACCEPT);       // in time
    verdict(a, true, null);
    Lead b = lead("sem", campaign, null);
    projection.assigned(b.id(), "sam", at(0));
    path(b, "CAPTURED", 0, "MQL", 1, "SQL", 2, "RECYCLED:no-budget", 26, "MQL", 27, "SQL", 28);
    projection.contacted(b, at(26));                 // first contacted the next day (event basis)
    sla(b, SlaType.SDR_CALL_ATTEMPT, 0);                // still open
    verdict(b, true, null);
    verdict(b, false, "NO_NEED");                    // valid first, invalid later: moved, not added
    Lead c = lead("event", null, "/lp/a");
    path(c, "CAPTURED", 0, "INVALID", 0.5);
    verdict(c, false, "SPAM");
    sla(c, SlaType.SDR_CALL_ATTEMPT, 0.2);
    slas.cancel(c.id(), SlaType.SDR_CALL_ATTEMPT);     // closed without a breach: met
    untimedContact(c, at(0.4));                      // as V018 left it, counted by V020's backfill
    projection.assigned(c.id(), "leo", at(1));       // its contact and clock join leo's slice
    timeContact(c, 5_400);                           // FirstContactBackfill: now with its working time
  }

  private final String region2 = "rollup2-" + u;
  private final String campaign2 = "rollup2-c-" + u;
  private final String landing2 = "/lp/rollup2-" + u;
  /** A day of this run's own in 2042 (UTC): V021's dataset, through LeadService. */
  private final LocalDate day2 = LocalDate.of(2042, 1, 1).plusDays(Math.floorMod(u.hashCode(), 300));

  @BeforeAll
  void theLeadServiceDataset() {
    try {
      Lead a = capture("web-form");
      leadService.markValid(a, "test");
      move(a, 1, LeadStage.MQL, null);
      on(2, () -> projection.assigned(a.id(), "leo", clock.instant()));
      move(a, 2, LeadStage.SQL, "leo");
      on(3, () -> leadService.updateOpportunity(a.id(), "MIDDLE", new BigDecimal("10000")));
      move(a, 3, LeadStage.OPPORTUNITY, "leo");
      on(3, () -> leadService.recordActivity(a.id(), ActivityType.FIRST_CONTACT, "OPPORTUNITY", "too-expensive",
          "leo", null));
      on(5, () -> leadService.recordClose(a.id(), "price-fit", true));
      move(a, 5, LeadStage.WON, "leo");
      move(a, 24, LeadStage.OPPORTUNITY, "leo");                    // reopened the next day
      on(30, () -> leadService.updateOpportunity(a.id(), "BOTTOM", new BigDecimal("12000")));
      on(48, () -> leadService.recordClose(a.id(), "timing", false));
      move(a, 48, LeadStage.WON, "leo");                            // won again, another reason and value
      Lead b = capture("sem");
      on(1, () -> projection.assigned(b.id(), "nick", clock.instant()));
      on(1, () -> leadService.updateOpportunity(b.id(), "TOP", new BigDecimal("5000")));
      move(b, 1, LeadStage.OPPORTUNITY, "nick");
      on(1, () -> leadService.recordActivity(b.id(), ActivityType.CALL_ATTEMPT, null, "no-budget", "nick", null));
      on(25, () -> leadService.recordClose(b.id(), "competitor", null));
      move(b, 25, LeadStage.LOST, "nick");
      on(72, () -> leadService.recycle(b.id(), "timing", "test"));    // recycled after the loss
      Lead c = capture("event");
      on(2, () -> leadService.updateOpportunity(c.id(), "BOTTOM", new BigDecimal("20000")));
      move(c, 2, LeadStage.OPPORTUNITY, "leo");
      on(4, () -> leadService.assignOwner(c.id(), "nick"));
      on(4, () -> projection.assigned(c.id(), "nick", clock.instant()));
      Lead d = capture("web-form");
      on(1, () -> leadService.markInvalid(d.id(), InvalidReason.SPAM, null, "test", null));
      Lead e = capture("sem");
      on(26, () -> leadService.recordClose(e.id(), "competitor", null));
      move(e, 26, LeadStage.LOST, null);
    } finally {
      clock.release();
    }
  }

  @AfterAll
  void releaseTheClock() {
    clock.release();
  }

  @Test
  void outcomesAndMoneyFromTheRollupsMoveWithTheLeads() {
    String r = "&region=" + region2;
    JsonNode outcomes = report2("outcomes", r, day2);
    assertThat(outcomes.path("won").asLong()).isEqualTo(1);
    assertThat(outcomes.path("lost").asLong()).isEqualTo(2);                // b entered LOST, recycled later
    // a's reason is its last close's; b, recycled, has no loss reason any more
    assertThat(outcomes.path("winReasons").toString()).isEqualTo("[{\"reason\":\"timing\",\"count\":1}]");
    assertThat(outcomes.path("lossReasons").toString()).isEqualTo("[{\"reason\":\"competitor\",\"count\":1}]");
    assertThat(outcomes.path("objectionsByChannel").toString()).isEqualTo(
        "[{\"channel\":\"sem\",\"objection\":\"no-budget\",\"count\":1},"
            + "{\"channel\":\"web-form\",\"objection\":\"too-expensive\",\"count\":1}]");
    // event basis on the first day only: a won then (reason as it stands now), but its last win is two days later
    String firstDay = r + "&basis=event&to=" + day2;
    assertThat(report2("outcomes", firstDay, day2).path("winReasons").toString())
        .isEqualTo("[{\"reason\":\"timing\",\"count\":1}]");
    assertThat(report2("revenue", firstDay, day2).path("won").asLong()).isZero();
    JsonNode revenue = report2("revenue", r + "&basis=event", day2.plusDays(1));
    assertThat(revenue.path("won").asLong()).isEqualTo(1);
    assertThat(revenue.path("revenue").decimalValue()).isEqualByComparingTo("12000");
    assertThat(revenue.path("repeatRevenue").decimalValue()).isEqualByComparingTo("12000");
    // open now: c only (a won, b recycled), moved from leo to nick
    JsonNode pipeline = report2("pipeline", r, day2);
    assertThat(pipeline.at("/total/open").asLong()).isEqualTo(1);
    assertThat(pipeline.at("/total/weighted").decimalValue()).isEqualByComparingTo("15000");
    assertThat(pipeline.at("/byRep/0/rep").asText()).isEqualTo("nick");
    JsonNode costs = report2("costs", r, day2);
    assertThat(costs.at("/total/leads").asLong()).isEqualTo(5);
    assertThat(costs.at("/total/validLeads").asLong()).isEqualTo(1);        // a; d invalid
    assertThat(costs.at("/total/customers").asLong()).isEqualTo(1);
    assertThat(costs.at("/total/revenue").decimalValue()).isEqualByComparingTo("12000");
  }

  @Test
  void outcomesAndMoneyFromTheRollupsAreTheReadModelsFigures() {
    // every lead of region2 has landing2: region alone reads the region's slice, region and landing page the
    // slices of their profiles
    for (String report : List.of("outcomes", "revenue", "costs", "pipeline")) {
      for (String basis : List.of("cohort", "event")) {
        for (int from = 0; from <= 3; from++) {
          String query = "&basis=" + basis + "&region=" + region2;
          LocalDate since = day2.plusDays(from);
          assertThat(figures(report2(report, query, since))).as(report + " " + query + " from +" + from)
              .isEqualTo(figures(report2(report, query + "&landingPage=" + landing2, since)));
        }
      }
    }
  }

  @Test
  void v021sBackfillOfTheLeadsIsWhatTheMaintenanceWrote() throws Exception {
    Map<LeadFigures.Key, BigDecimal[]> sums;
    try (Connection connection = dataSource.getConnection()) {
      Instant start = day2.atStartOfDay().toInstant(ZoneOffset.UTC);
      sums = V021__ReportOutcomeAndMoneyRollups.sums(connection, start, start.plus(Duration.ofDays(1)));
    }
    List<String> backfilled = new java.util.ArrayList<>();
    sums.forEach((key, amounts) -> {
      boolean ofTheDays = !key.table().equals(LeadFigures.PIPELINE) || List.of(region2, campaign2, landing2)
          .contains(key.values().get(1));
      if (ofTheDays && java.util.Arrays.stream(amounts).anyMatch(a -> a.signum() != 0)) {
        List<Object> row = new java.util.ArrayList<>(key.values());
        row.addAll(List.of(amounts));
        backfilled.add(key.table().name() + " " + text(row));
      }
    });
    List<String> stored = new java.util.ArrayList<>();
    for (LeadFigures.Table table : LeadFigures.TABLES) {
      String where = table.equals(LeadFigures.PIPELINE) ? "dim_value in (?, ?, ?)" : "on_day between ? and ?";
      Object[] args = table.equals(LeadFigures.PIPELINE) ? new Object[] {region2, campaign2, landing2}
          : new Object[] {day2, day2.plusDays(10)};
      String nonZero = String.join(" or ", table.amounts().stream().map(a -> a + " <> 0").toList());
      stored.addAll(jdbc.query("select " + table.columns() + " from " + table.name() + " where " + where
          + " and (" + nonZero + ")", (rs, n) -> {
            List<Object> row = new java.util.ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
              // dates as LocalDate: java.sql.Date would show 1000-01-01 in the Julian calendar
              row.add(rs.getMetaData().getColumnType(i) == java.sql.Types.DATE ? rs.getObject(i, LocalDate.class)
                  : rs.getObject(i));
            }
            return table.name() + " " + text(row);
          }, args));
    }
    assertThat(stored).hasSizeGreaterThan(50);
    assertThat(stored.stream().sorted().toList()).isEqualTo(backfilled.stream().sorted().toList());
  }

  private static String text(List<Object> values) {
    return values.stream().map(v -> v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros()
        .toPlainString() : String.valueOf(v)).toList().toString();
  }

  private Lead capture(String source) {
    String id = UUID.randomUUID().toString();
    Instant at = day2.atTime(9, 0).toInstant(ZoneOffset.UTC);
    clock.pin(at);
    Lead lead = TestLeads.lead(id).source(source).externalId("rollup2-" + id).campaign(campaign2)
        .landingPage(landing2).region(region2).capturedAt(at).ownerId(null)
        .email("rollup2." + id + "@reports.example").phone(null).build();
    leadService.create(lead, "test");
    return lead;
  }

  private void move(Lead lead, double hours, LeadStage to, String owner) {
    on(hours, () -> leadService.moveToStage(lead.id(), to, owner, "test", "to " + to));
  }

  /** Runs {@code step} with the clock at {@code hours} after 09:00 of day2. */
  private void on(double hours, Runnable step) {
    clock.pin(day2.atTime(9, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes((long) (hours * 60))));
    step.run();
  }

  private JsonNode report2(String name, String query, LocalDate from) {
    String to = query.contains("&to=") ? "" : "&to=" + day2.plusDays(10);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("mia", "mia");
    ResponseEntity<String> response = http.exchange("/api/reports/" + name + "?from=" + from + to + query,
        HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    try {
      return json.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report without its filter echo and clock reading. */
  private static String figures(JsonNode report) {
    ((com.fasterxml.jackson.databind.node.ObjectNode) report).remove(List.of("filter", "asOf"));
    return report.toString();
  }

  @Test
  void everyRollupRowOfTheDaysIsTheRecount() {
    String days = "on_day between ? and ?";
    Object[] period = {day, day.plusDays(10)};
    assertThat(rows("select basis, dim, dim_value, stage, on_day, prev_day, passes, first_passes, strict_passes"
        + " from report_daily_pass where " + days, period))
        .isEqualTo(rows(recountPasses(), period))
        .isNotEmpty();
    assertThat(rows("select basis, dim, dim_value, on_day, reason, passes from report_daily_recycle where " + days,
        period)).isEqualTo(rows(recountRecycles(), period)).hasSizeGreaterThan(4);
    assertThat(rows("select dim, dim_value, on_day, verdict, reason, leads from report_daily_quality where " + days
        + " and leads <> 0", period)).isEqualTo(rows(recountQuality(), period)).isNotEmpty();
    assertThat(rows("select basis, dim, dim_value, on_day, bucket, leads from report_daily_contact where " + days
        + " and leads <> 0", period)).isEqualTo(rows(recountContacts(), period)).hasSizeGreaterThan(10);
    assertThat(rows("select basis, dim, dim_value, on_day, sla_type, clocks, met, breached, still_open"
        + " from report_daily_sla where " + days, period)).isEqualTo(rows(recountSlas(), period))
        .hasSizeGreaterThan(10);
  }

  @Test
  void speedToLeadAndSlaComplianceFromTheRollupsAsCountedByHand() {
    // a: contacted at +0.5 h (its +30 h contact replaced), b at +26 h, c at +0.4 h (5,400 s filled in later)
    JsonNode speed = report("speed-to-lead", "&region=" + region);
    assertThat(speed.path("leads").asLong()).isEqualTo(3);
    assertThat(speed.path("contacted").asLong()).isEqualTo(3);
    assertThat(speed.path("approximate").asBoolean()).isFalse();
    List<Long> seconds = jdbc.queryForList("select business_seconds from report_first_contact where lead_id in"
        + " (select id from lead where region = ?) order by business_seconds", Long.class, region);
    assertThat(seconds).hasSize(3).contains(5_400L);
    assertThat(speed.path("medianBusinessSeconds").asLong()).isEqualTo(seconds.get(1));
    assertThat(speed.path("p90BusinessSeconds").asLong()).isEqualTo(seconds.get(2));
    // event basis from the second day: b only
    assertThat(report("speed-to-lead", "&basis=event&region=" + region, day.plusDays(1)).path("contacted")
        .asLong()).isEqualTo(1);
    // leo's slice: a (assigned after its contact and clock) and c (its contact timed after the assignment)
    JsonNode leo = report("speed-to-lead", "&rep=leo");
    assertThat(leo.path("leads").asLong() + "/" + leo.path("contacted").asLong()).isEqualTo("2/2");

    // a's first-call clock breached then done, b's open, c's cancelled (closed without breach: met); a's accept met
    assertThat(report("sla", "&region=" + region).path("slas").toString()).isEqualTo(
        "[{\"slaType\":\"SALES_ACCEPT\",\"total\":1,\"met\":1,\"breached\":0,\"open\":0,\"compliance\":1.0},"
            + "{\"slaType\":\"SDR_CALL_ATTEMPT\",\"total\":3,\"met\":1,\"breached\":1,\"open\":1,"
            + "\"compliance\":0.5}]");
    assertThat(report("sla", "&rep=leo").path("slas").toString()).isEqualTo(
        "[{\"slaType\":\"SALES_ACCEPT\",\"total\":1,\"met\":1,\"breached\":0,\"open\":0,\"compliance\":1.0},"
            + "{\"slaType\":\"SDR_CALL_ATTEMPT\",\"total\":2,\"met\":1,\"breached\":1,\"open\":0,"
            + "\"compliance\":0.5}]");
    // rep and region, and rep, team and region (the read model's path) agree with the rep's slice
    String team = "&team=" + teamOf("leo");
    for (String filter : List.of("&rep=leo&region=" + region, "&rep=leo&region=" + region + team)) {
      assertThat(report("sla", filter).path("slas")).as(filter).isEqualTo(report("sla", "&rep=leo").path("slas"));
      JsonNode both = report("speed-to-lead", filter);
      assertThat(List.of(both.path("leads"), both.path("contacted"), both.path("medianBusinessSeconds")))
          .as(filter)
          .isEqualTo(List.of(leo.path("leads"), leo.path("contacted"), leo.path("medianBusinessSeconds")));
    }
  }

  @Test
  void aRepsAndATeamsSliceHaveTheLeadsPassesFromBeforeTheAssignment() {
    // rep and campaign, with the team too: the read model's path; rep alone: leo's slice of the rollup
    for (String filter : List.of("&rep=leo&campaign=" + campaign, "&rep=leo&team=" + teamOf("leo") + "&campaign="
        + campaign)) {
      assertThat(stages(report("funnel", filter))).as(filter)
          .containsEntry("CAPTURED", "1/1").containsEntry("MQL", "1/3").containsEntry("RECYCLED", "1/2")
          .containsEntry("WON", "1/1").containsEntry("INVALID", "0/0");
    }
    // leo with his team: the pair's slice (a, c), as leo's
    assertThat(stages(report("funnel", "&rep=leo&team=" + teamOf("leo")))).isEqualTo(stages(report("funnel",
        "&rep=leo")));
    assertThat(stages(report("funnel", "&rep=leo")))
        .containsEntry("CAPTURED", "2/2").containsEntry("MQL", "1/3").containsEntry("RECYCLED", "1/2")
        .containsEntry("WON", "1/1").containsEntry("INVALID", "1/1");
    // leo and lena are of one team: the team counts lead a once
    assertThat(stages(report("funnel", "&team=" + teamOf("leo")))).containsEntry("MQL", "1/3");
    assertThat(report("quality", "&rep=leo").path("captured").asLong()).isEqualTo(2);
  }

  @Test
  void funnelFromTheRollupsCountsLeadsOnceInEitherBasis() {
    Map<String, Object> any = stages(report("funnel", "&region=" + region));
    assertThat(any.toString()).isEqualTo("{CAPTURED=3/3, DISQUALIFIED=0/0, INVALID=1/1, LOST=0/0, MQL=2/5,"
        + " NURTURING=1/1, OPPORTUNITY=1/1, RECYCLED=2/3, SAL=1/1, SQL=2/3, VALID=1/1, WON=1/1}");
    // b went CAPTURED -> MQL, off the strict line
    assertThat(stages(report("funnel", "&semantics=strict&region=" + region)).toString()).isEqualTo(
        "{CAPTURED=3/3, DISQUALIFIED=0/0, INVALID=1/1, LOST=0/0, MQL=1/1, NURTURING=1/1, OPPORTUNITY=1/1,"
        + " RECYCLED=2/3, SAL=1/1, SQL=1/1, VALID=1/1, WON=1/1}");
    // event basis from the second day: a's and b's later MQL passes count their leads once (their first passes
    // were on the first day)
    assertThat(stages(report("funnel", "&basis=event&region=" + region, day.plusDays(1))).toString()).isEqualTo(
        "{CAPTURED=0/0, DISQUALIFIED=0/0, INVALID=0/0, LOST=0/0, MQL=2/2, NURTURING=1/1, OPPORTUNITY=1/1,"
        + " RECYCLED=2/2, SAL=1/1, SQL=2/2, VALID=0/0, WON=1/1}");
  }

  @Test
  void qualityRecyclesAndTrendFromTheRollups() {
    JsonNode quality = report("quality", "&region=" + region);
    assertThat(quality.path("captured").asLong()).isEqualTo(3);
    assertThat(quality.path("valid").asLong()).isEqualTo(1);     // b: valid first, invalid later
    assertThat(quality.path("invalid").asLong()).isEqualTo(2);
    assertThat(quality.path("invalidByReason").toString())
        .isEqualTo("[{\"reason\":\"NO_NEED\",\"leads\":1},{\"reason\":\"SPAM\",\"leads\":1}]");
    JsonNode recycles = report("recycles", "&basis=event&region=" + region);
    assertThat(recycles.path("recycles").asLong()).isEqualTo(3);
    assertThat(recycles.path("recycledLeads").asLong()).isEqualTo(2);
    assertThat(recycles.path("byReason").toString())
        .isEqualTo("[{\"reason\":\"timing\",\"count\":2},{\"reason\":\"no-budget\",\"count\":1}]");
    // event basis per day: a entered MQL twice on the first day and counts once there
    JsonNode trend = report("trend", "&basis=event&measure=mql&interval=day&region=" + region);
    assertThat(trend.path("points").get(0).path("value").asLong()).isEqualTo(2);
    assertThat(trend.path("points").get(1).path("value").asLong()).isEqualTo(1);
    assertThat(trend.path("points").get(2).path("value").asLong()).isEqualTo(1);
  }

  private Lead lead(String source, String campaignOfLead, String landingPage) {
    String id = UUID.randomUUID().toString();
    Lead lead = TestLeads.lead(id).source(source).externalId("rollup-" + id).campaign(campaignOfLead)
        .landingPage(landingPage).region(region).capturedAt(t0).ownerId(null)
        .email("rollup." + id + "@reports.example").phone(null).build();
    leadMapper.insert(lead);
    return lead;
  }

  private void path(Lead lead, Object... steps) {
    ReportPaths.path(projection, lead, t0, steps);
  }

  private void verdict(Lead lead, boolean valid, String reason) {
    projection.verdictChanged(leadMapper.findById(lead.id()).orElseThrow(), valid, reason);
    jdbc.update("update lead set valid = ?, invalid_reason = ? where id = ?", valid, reason, lead.id());
  }

  /** An SLA clock of the lead started through SlaService (owner leo, due 2 h after the start). */
  private void sla(Lead lead, SlaType type, double startHours) {
    Instant start = at(startHours);
    Duration hour = Duration.ofHours(1);
    SlaTerms terms = new SlaTerms("test:rollups", null, hour, hour.multipliedBy(2), hour.multipliedBy(3),
        hour.multipliedBy(4), hour.multipliedBy(5));
    slas.start(lead.id(), new SlaSchedule(type, terms, "leo", "sales-north", start, start.plus(hour),
        start.plus(hour.multipliedBy(2)), start.plus(hour.multipliedBy(3)), start.plus(hour.multipliedBy(4)),
        start.plus(hour.multipliedBy(5))), null, null);
  }

  /** A first contact without working time, as V018 copied it, with the rows V020's backfill counts for it. */
  private void untimedContact(Lead lead, Instant contactedAt) {
    jdbc.update("insert into report_first_contact (lead_id, captured_at, contacted_at) values (?, ?, ?)", lead.id(),
        java.sql.Timestamp.from(lead.capturedAt()), java.sql.Timestamp.from(contactedAt));
    jdbc.update("insert into report_daily_contact (basis, dim, dim_value, on_day, bucket, leads) "
        + recountContacts().replace("where x.on_day between ? and ?", "where x.lead_id = ?"), lead.id());
  }

  /** What FirstContactBackfill does for a row it fills. */
  private void timeContact(Lead lead, long seconds) {
    ReportMapper.UntimedContact contact = new ReportMapper.UntimedContact(lead.id(), lead.capturedAt(),
        reportMapper.firstContact(lead.id()).contactedAt(), null, lead.source(), lead.campaign(),
        lead.landingPage(), lead.region());
    if (reportMapper.setBusinessSeconds(lead.id(), seconds) == 1) {   // else the app's own backfill was first
      projection.timed(contact, seconds);
    }
  }

  private Instant at(double hours) {
    return t0.plus(Duration.ofMinutes((long) (hours * 60)));
  }

  private String teamOf(String rep) {
    return jdbc.queryForObject("select team_id from lead_rep where user_id = ?", String.class, rep);
  }

  /** Rows as sorted lines (every column as text, numbers as whole numbers). */
  private List<String> rows(String sql, Object... args) {
    return jdbc.queryForList(sql, args).stream().map(row -> row.values().stream()
        .map(v -> v instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(v)).toList().toString())
        .sorted().toList();
  }

  /** Each distinct team of a lead's reps, as t. */
  private static final String TEAMS = "(select distinct lead_id, team_id from report_lead_rep where team_id is not"
      + " null) t";

  /** Each pair of a lead's reps and distinct teams, as p (lead_id, rep, team_id). */
  private static final String PAIRS = "(select r.lead_id, r.rep, t.team_id from report_lead_rep r join " + TEAMS
      + " on t.lead_id = r.lead_id) p";

  /**
   * The slices of a pass: all, its dimensions, and per lead its reps and distinct teams (V019's backfill), its
   * profile and the profile with each rep and team (V022).
   */
  private static final String SLICES = "select id, 'all' as dim, '' as dim_value from report_stage_pass"
      + " union all select id, 'channel', source from report_stage_pass"
      + " union all select id, 'campaign', campaign from report_stage_pass where campaign is not null"
      + " union all select id, 'landing', landing_page from report_stage_pass where landing_page is not null"
      + " union all select id, 'region', region from report_stage_pass where region is not null"
      + " union all select p.id, 'rep', r.rep from report_stage_pass p join report_lead_rep r on r.lead_id = p.lead_id"
      + " union all select p.id, 'team', t.team_id from report_stage_pass p join (select distinct lead_id, team_id"
      + " from report_lead_rep where team_id is not null) t on t.lead_id = p.lead_id"
      + " union all select s.id, 'rt', concat(p.rep, '|', p.team_id) from report_stage_pass s join " + PAIRS
      + " on p.lead_id = s.lead_id"
      + profileSlices("report_stage_pass", "id");

  private static String recountPasses() {
    String strict = "sum(case when p.strict_rank is not null then 1 else 0 end)";
    String first = "sum(case when p.pass_no = 1 then 1 else 0 end)";
    // per pass: the day the lead entered the same stage the time before (an independent definition: the
    // latest earlier pass, not pass_no - 1)
    String passes = "(select p.*, coalesce((select cast(max(q.entered_at) as date) from report_stage_pass q"
        + " where q.lead_id = p.lead_id and q.stage = p.stage and q.entered_at < p.entered_at),"
        + " date '1000-01-01') as prev_day from report_stage_pass p)";
    return "select * from ("
        + "select 'C' as basis, s.dim, s.dim_value, p.stage, cast(p.captured_at as date) as on_day,"
        + " date '1000-01-01' as prev_day, count(*) as passes, " + first + " as first_passes, " + strict
        + " as strict_passes from report_stage_pass p join (" + SLICES + ") s on s.id = p.id"
        + " group by s.dim, s.dim_value, p.stage, cast(p.captured_at as date)"
        + " union all select 'E', s.dim, s.dim_value, p.stage, cast(p.entered_at as date), p.prev_day, count(*), "
        + first + ", " + strict + " from " + passes + " p join (" + SLICES + ") s on s.id = p.id"
        + " group by s.dim, s.dim_value, p.stage, cast(p.entered_at as date), p.prev_day) x"
        + " where x.on_day between ? and ?";
  }

  private static String recountRecycles() {
    return "select * from ("
        + "select 'C' as basis, s.dim, s.dim_value, cast(p.captured_at as date) as on_day,"
        + " coalesce(p.reason, 'UNKNOWN') as reason, count(*) as passes"
        + " from report_stage_pass p join (" + SLICES + ") s on s.id = p.id where p.stage = 'RECYCLED'"
        + " group by s.dim, s.dim_value, cast(p.captured_at as date), coalesce(p.reason, 'UNKNOWN')"
        + " union all select 'E', s.dim, s.dim_value, cast(p.entered_at as date), coalesce(p.reason, 'UNKNOWN'),"
        + " count(*) from report_stage_pass p join (" + SLICES + ") s on s.id = p.id where p.stage = 'RECYCLED'"
        + " group by s.dim, s.dim_value, cast(p.entered_at as date), coalesce(p.reason, 'UNKNOWN')"
        + ") x where x.on_day between ? and ?";
  }

  private static String recountQuality() {
    String verdict = "case when l.valid = true then 'V' when l.valid = false then 'I' else 'U' end";
    String reason = "case when l.valid = false then coalesce(l.invalid_reason, 'UNKNOWN') else '' end";
    return "select s.dim, s.dim_value, cast(l.captured_at as date) as on_day, " + verdict + " as verdict, " + reason
        + " as reason, count(*) as leads from lead l join (" + LEAD_SLICES + ") s on s.id = l.id"
        + " where cast(l.captured_at as date) between ? and ?"
        + " group by s.dim, s.dim_value, cast(l.captured_at as date), " + verdict + ", " + reason;
  }

  /** The slices of a lead (by lead id): all, its dimensions, its reps and their distinct teams, its profile ones. */
  private static final String LEAD_SLICES = "select id, 'all' as dim, '' as dim_value from lead"
      + " union all select id, 'channel', source from lead"
      + " union all select id, 'campaign', campaign from lead where campaign is not null"
      + " union all select id, 'landing', landing_page from lead where landing_page is not null"
      + " union all select id, 'region', region from lead where region is not null"
      + " union all select lead_id, 'rep', rep from report_lead_rep"
      + " union all select distinct lead_id, 'team', team_id from report_lead_rep where team_id is not null"
      + " union all select p.lead_id, 'rt', concat(p.rep, '|', p.team_id) from " + PAIRS
      + profileSlices("lead", "id");

  /**
   * The profile slice (V022) of the rows of {@code table} (which has the four dimension columns): the profile
   * found in report_profile by its values (null equal to null).
   */
  private static String profileSlices(String table, String key) {
    String same = " and (f.%1$s = p.%1$s or (f.%1$s is null and p.%1$s is null))";
    String profile = " from " + table + " p join report_profile f on f.source = p.source"
        + String.format(same, "campaign") + String.format(same, "landing_page") + String.format(same, "region");
    return " union all select p." + key + ", 'profile', f.profile_id" + profile;
  }


  /** First contacts per basis, slice, day and working-time bucket (-1: not known), per lead. */
  private static String recountContacts() {
    String bucket = "case when c.business_seconds is null then -1 when c.business_seconds < 1 then 0"
        + " else floor(ln(c.business_seconds) / ln(1.1)) + 1 end";
    return "select x.basis, x.dim, x.dim_value, x.on_day, x.bucket, count(*) as leads from ("
        + "select c.lead_id, 'C' as basis, s.dim, s.dim_value, cast(c.captured_at as date) as on_day, " + bucket
        + " as bucket from report_first_contact c join (" + LEAD_SLICES + ") s on s.id = c.lead_id"
        + " union all select c.lead_id, 'E', s.dim, s.dim_value, cast(c.contacted_at as date), " + bucket
        + " from report_first_contact c join (" + LEAD_SLICES + ") s on s.id = c.lead_id"
        + ") x where x.on_day between ? and ? group by x.basis, x.dim, x.dim_value, x.on_day, x.bucket";
  }

  /** SLA clocks per basis, slice, day and type: met = closed without breach, breached, open without breach. */
  private static String recountSlas() {
    String states = "count(*) as clocks,"
        + " sum(case when q.breached_at is null and q.status = 'CLOSED' then 1 else 0 end) as met,"
        + " sum(case when q.breached_at is not null then 1 else 0 end) as breached,"
        + " sum(case when q.breached_at is null and q.status = 'OPEN' then 1 else 0 end) as still_open";
    String from = " from lead_sla q join lead l on l.id = q.lead_id join (" + LEAD_SLICES + ") s on s.id = q.lead_id";
    return "select * from ("
        + "select 'C' as basis, s.dim, s.dim_value, cast(l.captured_at as date) as on_day, q.sla_type, " + states
        + from + " group by s.dim, s.dim_value, cast(l.captured_at as date), q.sla_type"
        + " union all select 'E', s.dim, s.dim_value, cast(q.started_at as date), q.sla_type, " + states + from
        + " group by s.dim, s.dim_value, cast(q.started_at as date), q.sla_type"
        + ") x where x.on_day between ? and ?";
  }

  private JsonNode report(String name, String query) {
    return report(name, query, day);
  }

  private JsonNode report(String name, String query, LocalDate from) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth("mia", "mia");
    ResponseEntity<String> response = http.exchange("/api/reports/" + name + "?from=" + from + "&to="
        + day.plusDays(10) + query, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    try {
      return json.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> stages(JsonNode funnel) {
    Map<String, Object> stages = new TreeMap<>();
    funnel.path("stages").forEach(s -> stages.put(s.path("stage").asText(),
        s.path("leads").asLong() + "/" + s.path("passes").asLong()));
    return stages;
  }
}
