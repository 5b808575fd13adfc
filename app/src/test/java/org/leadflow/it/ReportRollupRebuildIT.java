package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V023__ReportProfileRollups;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.InvalidReason;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;
import org.leadflow.reports.LeadFigures;
import org.leadflow.reports.ReportProfile;
import org.leadflow.reports.ReportProjection;
import org.leadflow.reports.RollupRebuild;
import org.leadflow.sla.SlaSchedule;
import org.leadflow.sla.SlaService;
import org.leadflow.sla.SlaTerms;
import org.leadflow.sla.SlaTier;
import org.leadflow.sla.SlaType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rollup rebuild (and V023's backfill, which is the rebuild of the profile kinds) computes what the
 * maintenance wrote: leads of a campaign of this run's own, captured on a day of their own in 2043 and driven
 * through LeadService, SlaService and the projection (reps of one team and of another, a recycle, a win, a loss,
 * objections, first contacts, SLA clocks met, breached and open, an owner change, a verdict) → the rows of the
 * kinds V023 backfills ('profile' of their profiles; 'rt', a rep and a team, of their days) of all ten rollup
 * tables → the rebuild deletes and recomputes every row of those kinds → the same rows. The rebuild runs in a transaction rolled back at the
 * end: the shared database stays as the maintenance left it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRollupRebuildIT extends IntegrationTestBase {

  @Autowired LeadService leadService;
  @Autowired ReportProjection projection;
  @Autowired SlaService slas;
  @Autowired ItClock.PinnableClock clock;
  @Autowired DataSource dataSource;

  private final String u = unique();
  private final String campaign = "rebuild-c-" + u;
  private final LocalDate day = LocalDate.of(2043, 1, 1).plusDays(Math.floorMod(u.hashCode(), 300));
  private final Set<String> profiles = new TreeSet<>();

  @BeforeAll
  void leadsThroughTheApp() {
    try {
      Lead a = capture("web-form", "/lp/rebuild-a-" + u, "DACH");
      leadService.markValid(a, "test");
      on(a, 0.5, () -> leadService.recordActivity(a.id(), ActivityType.CALL_ATTEMPT, null, null, "leo", null));
      clock(a, 0.25, SlaType.SDR_CALL_ATTEMPT);
      slas.recordTier(a.id(), SlaType.SDR_CALL_ATTEMPT, SlaTier.BREACH);
      slas.complete(a.id(), SlaType.SDR_CALL_ATTEMPT);                  // breached
      move(a, 1, LeadStage.MQL, null);
      on(a, 2, () -> projection.assigned(a.id(), "leo", clock.instant()));
      move(a, 2, LeadStage.SQL, "leo");
      on(a, 26, () -> leadService.recycle(a.id(), "timing", "test"));   // the next day
      move(a, 27, LeadStage.MQL, "leo");
      move(a, 28, LeadStage.SQL, "leo");
      on(a, 28, () -> projection.assigned(a.id(), "lena", clock.instant()));   // leo's team: counted once
      on(a, 29, () -> leadService.updateOpportunity(a.id(), "MIDDLE", new BigDecimal("10000")));
      move(a, 29, LeadStage.OPPORTUNITY, "lena");
      on(a, 30, () -> leadService.recordActivity(a.id(), ActivityType.FIRST_CONTACT, "OPPORTUNITY",
          "too-expensive", "lena", null));
      clock(a, 30, SlaType.SALES_ACCEPT);
      slas.complete(a.id(), SlaType.SALES_ACCEPT);                       // met
      on(a, 48, () -> leadService.recordClose(a.id(), "price-fit", true));
      move(a, 48, LeadStage.WON, "lena");

      Lead b = capture("sem", "/lp/rebuild-a-" + u, "NORDICS");
      on(b, 1, () -> projection.assigned(b.id(), "nick", clock.instant()));
      on(b, 1, () -> leadService.recordActivity(b.id(), ActivityType.CALL_ATTEMPT, null, "no-budget", "nick",
          null));
      clock(b, 1, SlaType.SDR_CALL_ATTEMPT);                              // still open
      on(b, 2, () -> leadService.updateOpportunity(b.id(), "TOP", new BigDecimal("5000")));
      move(b, 2, LeadStage.OPPORTUNITY, "nick");
      on(b, 25, () -> leadService.recordClose(b.id(), "competitor", null));
      move(b, 25, LeadStage.LOST, "nick");
      on(b, 50, () -> leadService.recycle(b.id(), "no-budget", "test"));

      Lead c = capture("event", null, "DACH");
      on(c, 1, () -> leadService.markInvalid(c.id(), InvalidReason.SPAM, null, "test", null));
      clock(c, 0.5, SlaType.SDR_CALL_ATTEMPT);
      slas.cancel(c.id(), SlaType.SDR_CALL_ATTEMPT);                      // closed without a breach: met

      Lead d = capture("web-form", "/lp/rebuild-a-" + u, "DACH");         // a's profile
      on(d, 1, () -> projection.assigned(d.id(), "leo", clock.instant()));
      on(d, 2, () -> leadService.updateOpportunity(d.id(), "BOTTOM", new BigDecimal("20000")));
      move(d, 2, LeadStage.OPPORTUNITY, "leo");
      on(d, 3, () -> leadService.assignOwner(d.id(), "nick"));
      on(d, 3, () -> projection.assigned(d.id(), "nick", clock.instant()));  // another team
      on(d, 4, () -> leadService.recordActivity(d.id(), ActivityType.FIRST_CONTACT, null, null, "nick", null));
    } finally {
      clock.release();
    }
  }

  @Test
  void theRebuildOfTheProfileKindsIsWhatTheMaintenanceWrote() throws SQLException {
    List<List<String>> rows = maintainedAndRebuilt(c -> RollupRebuild.of(c, RollupRebuild.PROFILE_KINDS),
        this::profileRows);
    // every table has rows of the leads' profiles (a table left out would pass unseen), and of every kind
    for (String table : tables()) {
      assertThat(rows.get(0)).as(table).anyMatch(row -> row.startsWith(table + " "));
    }
    for (String kind : RollupRebuild.PROFILE_KINDS) {
      assertThat(rows.get(0)).as(kind).anyMatch(row -> row.contains(" " + kind + ", "));
    }
    assertThat(rows.get(1)).isEqualTo(rows.get(0));
  }

  /** What lead.reports.rebuild-rollups=true does at start (and V020's and V021's backfills for their tables). */
  @Test
  void theRebuildOfEveryKindIsWhatTheMaintenanceWrote() throws SQLException {
    List<List<String>> rows = maintainedAndRebuilt(RollupRebuild::everyKind, this::rowsOfTheDays);
    for (String kind : List.of("all", "channel", "campaign", "landing", "region", "rep", "team", "profile",
        "rt")) {
      assertThat(rows.get(0)).as(kind).anyMatch(row -> row.contains(" " + kind + ", "));
    }
    assertThat(rows.get(1)).isEqualTo(rows.get(0));
  }

  private interface Rows {
    List<String> read(Connection connection) throws SQLException;
  }

  private interface Rebuild {
    RollupRebuild of(Connection connection);
  }

  /** The rows as the maintenance wrote them and as the rebuild computes them (in a transaction rolled back). */
  private List<List<String>> maintainedAndRebuilt(Rebuild rebuild, Rows rows) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      List<String> maintained = rows.read(connection);
      connection.setAutoCommit(false);
      try {
        assertThat(rebuild.of(connection).rebuild()).isGreaterThanOrEqualTo(maintained.size());
        return List.of(maintained, rows.read(connection));
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  /** Every kind's non-zero rows of this run's days (its leads' only), the pipeline's of its campaign and profiles. */
  private List<String> rowsOfTheDays(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (String table : tables()) {
      LeadFigures.Table columns = table(table);
      String nonZero = String.join(" or ", columns.amounts().stream().map(a -> a + " <> 0").toList());
      if (columns.keys().contains("on_day")) {
        rows.addAll(rows(connection, "select '" + table + "', " + columns.columns() + " from " + table
            + " where on_day between ? and ? and (" + nonZero + ")", day, day.plusDays(10)));
      } else {
        rows.addAll(rows(connection, "select '" + table + "', " + columns.columns() + " from " + table
            + " where dim = 'campaign' and dim_value = ? and (" + nonZero + ")", campaign));
      }
    }
    rows.addAll(profileRows(connection).stream().filter(row -> row.startsWith("report_open_pipeline ")).toList());
    return rows.stream().sorted().toList();
  }

  private static LeadFigures.Table table(String name) {
    for (RollupRebuild.Part part : RollupRebuild.Part.values()) {
      for (LeadFigures.Table table : RollupRebuild.TABLES.get(part)) {
        if (table.name().equals(name)) {
          return table;
        }
      }
    }
    throw new IllegalArgumentException(name);
  }

  @Test
  void v023ListsTheProfilesOfTheLeads() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (String profile : profiles) {
          update(connection, "delete from report_profile where profile_id = ?", profile);
        }
        assertThat(V023__ReportProfileRollups.profiles(connection)).isGreaterThanOrEqualTo(profiles.size());
        List<String> listed = new ArrayList<>();
        for (String profile : profiles) {
          listed.addAll(rows(connection, "select 'x', profile_id, source, campaign, landing_page, region"
              + " from report_profile where profile_id = ?", profile));
        }
        assertThat(listed).hasSize(3).allMatch(row -> row.contains(campaign))
            .anyMatch(row -> row.contains("event, " + campaign + ", null, DACH"));
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private static List<String> tables() {
    List<String> tables = new ArrayList<>();
    for (RollupRebuild.Part part : RollupRebuild.Part.values()) {
      RollupRebuild.TABLES.get(part).forEach(table -> tables.add(table.name()));
    }
    return tables;
  }

  /** The non-zero rows of the profile kinds of this run's profiles in all ten tables, as sorted lines. */
  private List<String> profileRows(Connection connection) throws SQLException {
    List<String> rows = new ArrayList<>();
    for (RollupRebuild.Part part : RollupRebuild.Part.values()) {
      for (LeadFigures.Table table : RollupRebuild.TABLES.get(part)) {
        String nonZero = String.join(" or ", table.amounts().stream().map(a -> a + " <> 0").toList());
        for (String profile : profiles) {
          rows.addAll(rows(connection, "select '" + table.name() + "', " + table.columns() + " from "
              + table.name() + " where dim = 'profile' and dim_value = ? and (" + nonZero + ")", profile));
        }
        if (table.keys().contains("on_day")) {   // a pair's rows of this run's days are its leads' only
          rows.addAll(rows(connection, "select '" + table.name() + "', " + table.columns() + " from "
              + table.name() + " where dim = 'rt' and on_day between ? and ? and (" + nonZero + ")", day,
              day.plusDays(10)));
        }
      }
    }
    return rows.stream().sorted().toList();
  }

  private static List<String> rows(Connection connection, String sql, Object... args) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        select.setObject(i + 1, args[i]);
      }
      try (ResultSet result = select.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          StringBuilder row = new StringBuilder(result.getString(1)).append(' ');
          for (int i = 2; i <= columns; i++) {
            // dates as LocalDate (java.sql.Date shows 1000-01-01 in the Julian calendar), numbers without scale
            Object value = result.getMetaData().getColumnType(i) == Types.DATE ? result.getObject(i, LocalDate.class)
                : result.getObject(i);
            row.append(i == 2 ? "" : ", ").append(value instanceof Number n
                ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString() : String.valueOf(value));
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }

  private static void update(Connection connection, String sql, Object arg) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setObject(1, arg);
      update.executeUpdate();
    }
  }

  private Lead capture(String source, String landingPage, String region) {
    String id = UUID.randomUUID().toString();
    Instant at = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
    clock.pin(at);
    Lead lead = TestLeads.lead(id).source(source).externalId("rebuild-" + id).campaign(campaign)
        .landingPage(landingPage).region(region).capturedAt(at).ownerId(null)
        .email("rebuild." + id + "@reports.example").phone(null).build();
    leadService.create(lead, "test");
    profiles.add(ReportProfile.id(source, campaign, landingPage, region));
    return lead;
  }

  private void move(Lead lead, double hours, LeadStage to, String owner) {
    on(lead, hours, () -> leadService.moveToStage(lead.id(), to, owner, "test", "to " + to));
  }

  /** Runs {@code step} with the clock at {@code hours} after the lead's capture. */
  private void on(Lead lead, double hours, Runnable step) {
    clock.pin(lead.capturedAt().plus(Duration.ofMinutes((long) (hours * 60))));
    step.run();
  }

  /** An SLA clock started {@code hours} after the lead's capture, due an hour later (owner leo). */
  private void clock(Lead lead, double hours, SlaType type) {
    Instant start = lead.capturedAt().plus(Duration.ofMinutes((long) (hours * 60)));
    Duration step = Duration.ofMinutes(30);
    SlaTerms terms = new SlaTerms("test:rebuild", null, step, step.multipliedBy(2), step.multipliedBy(3),
        step.multipliedBy(4), step.multipliedBy(5));
    slas.start(lead.id(), new SlaSchedule(type, terms, "leo", "sales-north", start, start.plus(step.multipliedBy(2)),
        start.plus(step.multipliedBy(4)), start.plus(step.multipliedBy(6)), start.plus(step.multipliedBy(8)),
        start.plus(step.multipliedBy(10))), null, null);
  }
}
