package org.leadflow.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import org.leadflow.lead.Lead;

/**
 * The rollups of V021 (README "Reports"): what one lead, as it stands, counts in them, per slice (V019's
 * slices). A change of the lead moves it: the rows of its old state are taken away, those of its new state added
 * ({@link #move}); the projection sums the increments per transaction ({@link RollupDeltas}), V021's backfill
 * over every lead. One definition for both, so the backfill and the maintenance cannot drift apart.
 *
 * <ul>
 *   <li>{@link #CLOSE}: leads whose stage is WON or LOST now, by the reason of that close. Cohort: one row on
 *       the capture day. Event: one row per pass of the stage (on_day = the day it was entered, prev_day = the
 *       day of the pass before, '1000-01-01' for the first), so that "passes with prev_day before the period"
 *       counts each lead with a pass in the period once ({@code leads}); {@code closes} and the revenue sums
 *       are on the day of the lead's last stage change only (revenue's event basis), WON only for revenue.
 *   <li>{@link #CAMPAIGN}: leads with a campaign by capture day, campaign and channel: leads, valid leads,
 *       customers (WON) and their deal value (campaign costs). Slices all, landing page, region and profile only: a
 *       channel or campaign filter reads the 'all' rows of that channel or campaign.
 *   <li>{@link #PIPELINE}: open opportunities now (stage OPPORTUNITY) by owner, region and funnel position with
 *       their deal value: the weighted pipeline is each position's sum times its weight, exact.
 *   <li>{@link #OBJECTION}: activities with an objection by channel and objection; cohort: the lead's capture
 *       day, event: the activity's day. Activities are never changed, so they only add.
 * </ul>
 */
public final class LeadFigures {

  private LeadFigures() {}

  /** A rollup table: its key columns (in primary-key order) and the amounts a row adds. */
  public record Table(String name, List<String> keys, List<String> amounts) {

    /** One instance per table (the constants below): identity, cheap as part of every row key. */
    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }

    /** The column list of an insert: keys, then amounts. */
    public String columns() {
      StringJoiner columns = new StringJoiner(", ");
      keys.forEach(columns::add);
      amounts.forEach(columns::add);
      return columns.toString();
    }

    /** {@code on duplicate key update}: each amount adds to the stored one. */
    public String updates() {
      StringJoiner updates = new StringJoiner(", ");
      amounts.forEach(a -> updates.add(a + " = " + a + " + values(" + a + ")"));
      return updates.toString();
    }

    /** The upsert of {@code rows} rows, for JDBC (V021's backfill; the app's are ReportMapper.xml's). */
    public String upsert(int rows) {
      String one = "(" + "?, ".repeat(keys.size() + amounts.size() - 1) + "?)";
      StringJoiner values = new StringJoiner(", ");
      for (int i = 0; i < rows; i++) {
        values.add(one);
      }
      return "insert into " + name + " (" + columns() + ") values " + values + " on duplicate key update "
          + updates();
    }
  }

  public static final Table CLOSE = new Table("report_daily_close",
      List.of("basis", "dim", "dim_value", "stage", "on_day", "prev_day", "reason"),
      List.of("leads", "closes", "revenue", "new_revenue", "repeat_revenue"));
  public static final Table CAMPAIGN = new Table("report_daily_campaign",
      List.of("dim", "dim_value", "on_day", "campaign", "source"),
      List.of("leads", "valid_leads", "customers", "revenue"));
  public static final Table PIPELINE = new Table("report_open_pipeline",
      List.of("dim", "dim_value", "owner_id", "region", "funnel_position"), List.of("deals", "deal_value"));
  public static final Table OBJECTION = new Table("report_daily_objection",
      List.of("basis", "dim", "dim_value", "on_day", "channel", "objection"), List.of("activities"));
  /** Every table, in the order they are written (one lock order for every writer). */
  public static final List<Table> TABLES = List.of(CLOSE, CAMPAIGN, PIPELINE, OBJECTION);

  /** A row's identity: its table and key values (String or LocalDate, never null). */
  public record Key(Table table, List<Object> values) {}

  public record Row(Key key, BigDecimal[] amounts) {}

  /** Key order within a table: value by value (Strings and LocalDates). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static final Comparator<Key> KEY_ORDER = (a, b) -> {
    int table = a.table() == b.table() ? 0 : Integer.compare(TABLES.indexOf(a.table()), TABLES.indexOf(b.table()));
    for (int i = 0; table == 0 && i < a.values().size(); i++) {
      table = ((Comparable) a.values().get(i)).compareTo(b.values().get(i));
    }
    return table;
  };

  /** What the figures read of a lead. */
  public record Facts(String leadId, Instant capturedAt, String stage, Instant stageChangedAt, String source,
      String campaign, String landingPage, String region, String ownerId, Boolean valid, String funnelPosition,
      BigDecimal dealValue, String closeReason, Boolean newCustomer) {

    public static Facts of(Lead lead) {
      return new Facts(lead.id(), lead.capturedAt(), lead.stage().name(), lead.stageChangedAt(), lead.source(),
          lead.campaign(), lead.landingPage(), lead.region(), lead.ownerId(), lead.valid(), lead.funnelPosition(),
          lead.dealValue(), lead.closeReason(), lead.newCustomer());
    }

    public boolean closed() {
      return "WON".equals(stage) || "LOST".equals(stage);
    }
  }

  /** The earliest day (V019's prev_day of a first pass). */
  static final LocalDate NEVER = ReportProjection.NEVER;

  /**
   * The rows the lead counts in as it stands, in {@code slices}; {@code closePasses}: when it entered its
   * current stage, every time (report_stage_pass, by pass_no), read only for a closed lead.
   */
  public static List<Row> rows(Facts lead, List<String[]> slices, List<Instant> closePasses) {
    List<Row> rows = new ArrayList<>();
    BigDecimal value = lead.dealValue() == null ? BigDecimal.ZERO : lead.dealValue();
    boolean won = "WON".equals(lead.stage());
    LocalDate captured = day(lead.capturedAt());
    if (lead.closed()) {
      String reason = lead.closeReason() == null ? "UNKNOWN" : lead.closeReason();
      BigDecimal revenue = won ? value : BigDecimal.ZERO;
      BigDecimal newRevenue = won && Boolean.TRUE.equals(lead.newCustomer()) ? value : BigDecimal.ZERO;
      BigDecimal repeat = won && Boolean.FALSE.equals(lead.newCustomer()) ? value : BigDecimal.ZERO;
      BigDecimal counted = closePasses.isEmpty() ? BigDecimal.ZERO : BigDecimal.ONE;   // the reasons need a pass
      LocalDate lastPrev = closePasses.size() < 2 ? NEVER : day(closePasses.get(closePasses.size() - 2));
      for (String[] slice : slices) {
        rows.add(row(CLOSE, List.of("C", slice[0], slice[1], lead.stage(), captured, NEVER, reason),
            counted, BigDecimal.ONE, revenue, newRevenue, repeat));
        for (int i = 0; i < closePasses.size(); i++) {
          rows.add(row(CLOSE, List.of("E", slice[0], slice[1], lead.stage(), day(closePasses.get(i)),
              i == 0 ? NEVER : day(closePasses.get(i - 1)), reason), BigDecimal.ONE, BigDecimal.ZERO,
              BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
        }
        rows.add(row(CLOSE, List.of("E", slice[0], slice[1], lead.stage(), day(lead.stageChangedAt()), lastPrev,
            reason), BigDecimal.ZERO, BigDecimal.ONE, revenue, newRevenue, repeat));
      }
    }
    if (lead.campaign() != null) {
      BigDecimal valid = Boolean.TRUE.equals(lead.valid()) ? BigDecimal.ONE : BigDecimal.ZERO;
      for (String[] slice : slices) {
        if (slice[0].equals("all") || slice[0].equals("landing") || slice[0].equals("region")
            || slice[0].equals(ReportProfile.PROFILE)) {
          rows.add(row(CAMPAIGN, List.of(slice[0], slice[1], captured, lead.campaign(), lead.source()),
              BigDecimal.ONE, valid, won ? BigDecimal.ONE : BigDecimal.ZERO, won ? value : BigDecimal.ZERO));
        }
      }
    }
    if ("OPPORTUNITY".equals(lead.stage())) {
      for (String[] slice : slices) {
        rows.add(row(PIPELINE, List.of(slice[0], slice[1], orEmpty(lead.ownerId()), orEmpty(lead.region()),
            orEmpty(lead.funnelPosition())), BigDecimal.ONE, value));
      }
    }
    return rows;
  }

  /** One activity with an objection at {@code at}, in {@code slices}, both bases. */
  public static List<Row> objection(Facts lead, List<String[]> slices, Instant at, String objection) {
    List<Row> rows = new ArrayList<>();
    for (String[] slice : slices) {
      rows.add(row(OBJECTION, List.of("C", slice[0], slice[1], day(lead.capturedAt()), lead.source(), objection),
          BigDecimal.ONE));
      rows.add(row(OBJECTION, List.of("E", slice[0], slice[1], day(at), lead.source(), objection),
          BigDecimal.ONE));
    }
    return rows;
  }

  /** {@code after}'s rows plus {@code before}'s taken away (what cancels out is dropped when written). */
  public static List<Row> move(List<Row> before, List<Row> after) {
    List<Row> rows = new ArrayList<>(after);
    for (Row row : before) {
      BigDecimal[] negated = new BigDecimal[row.amounts().length];
      for (int i = 0; i < negated.length; i++) {
        negated[i] = row.amounts()[i].negate();
      }
      rows.add(new Row(row.key(), negated));
    }
    return rows;
  }

  private static Row row(Table table, List<Object> key, BigDecimal... amounts) {
    return new Row(new Key(table, key), amounts);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
