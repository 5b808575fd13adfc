package org.leadflow.bench.reports;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.leadflow.bench.timers.Database;

/**
 * A million leads with their histories in bulk SQL (MariaDB/MySQL), over the tables of db/migration V001–V013.
 * Every lead follows one of ~25 path shapes (auto-invalid, nurture, MQL → SDR calls → SQL → SAL → opportunity
 * TOP/MIDDLE/BOTTOM → won/lost, recycled by the SDR, the rep or the SLA recycle tier once or twice, reassigned,
 * invalid or disqualified by SDR or rep), each in four variants with their own gaps. A lead younger than a path
 * follows the path's longest prefix that fits its age (it is still open), so recent cohorts look unripe as they
 * would. The paths become small template tables ({@code bench_tpl_*}); each base table is then filled with one
 * {@code insert … select} per chunk of leads joining the per-lead plan ({@code bench_lead_plan}, from MariaDB's
 * {@code seq_1_to_N}) with the templates; per-lead attributes come from {@code crc32} of the lead number.
 */
final class ReportsData {

  static final String[] SHAPES = {
      "22|C N", "9|C Ia", "5|C N M Ca Ca Ca Iu", "4|C N M Cr Is", "2|C N M Cr Ds", "8|C N M Cr Rs N",
      "1.5|C N M Cr Rs N M Cr Q A F O W", "0.7|C N M Cr Rs N M Ca Cr Rs N M Cr Q A F O Pm W",
      "3|C M Cr Q A F O Pm Pb W", "3|C M Cr Q A F O L", "4|C N M Cr Q A F O Pm L", "4|C N M Ca Cr Q A F O Pm Pb W",
      "1.5|C N M Cr Q X A F O W", "4|C N M Cr Q A Fr Rr N", "1|C N M Cr Q A Fr Rr N M Cr Q A F O L",
      "2|C N M Cr Q A Fr Dr", "1|C M Cr Q X A F O Pm L", "3|C N M Cr Q A F O", "2|C N M Cr Q A F O Pm Pb",
      "2|C N M Rt N", "2.5|C M Cr Q A F O W", "2|C N M Cr Q A F O Pm Pb L", "2|C N M Cr Rs N M", "2|C M Cr Is"};

  /** Lower bounds of the lead-age buckets, hours. */
  static final double[] AGE_BUCKETS = {0, 24, 72, 168, 336, 720, 1440, 2880, 4320};

  private static final Map<String, Double> SLA_HOURS = Map.of("SDR_CALL_ATTEMPT", 8.0, "SALES_ACCEPT", 24.0,
      "SALES_FIRST_CONTACT", 48.0, "OPPORTUNITY_FOLLOW_UP", 720.0);

  private final Database database;
  private final int leads;
  private final int months;
  private final Instant now;
  private final Random random = new Random(20261202);

  ReportsData(Database database, int leads, int months, Instant now) {
    this.database = database;
    this.leads = leads;
    this.months = months;
    this.now = now;
  }

  // ---------------------------------------------------------------- the paths, in Java

  private record Path(int id, boolean handRaiser, List<String> tokens, double[] at) {}

  private final List<Path> variants = new ArrayList<>();
  private final List<Double> weights = new ArrayList<>();

  private double gap(String token, String previous) {
    return switch (token) {
      case "Ia", "N" -> previous.equals("Rs") || previous.equals("Rr") || previous.equals("Rt") ? 0.02 : 0.002;
      case "M" -> previous.equals("C") ? 0.003 : between(24, 900);
      case "Ca", "Cr" -> previous.equals("M") ? between(0.3, 6) : between(4, 30);
      case "Q", "Is", "Ds", "Rs", "Iu" -> between(0.05, 2);
      case "Rt" -> between(12, 24);
      case "X" -> between(8, 30);
      case "A" -> between(1, 20);
      case "F", "Fr" -> between(2, 40);
      case "O", "Rr", "Dr" -> between(0.05, 1);
      case "Pm", "Pb" -> between(100, 500);
      case "W", "L" -> between(100, 900);
      default -> 0;
    };
  }

  private double between(double low, double high) {
    return low + random.nextDouble() * (high - low);
  }

  private void buildVariants() {
    int id = 0;
    for (String shape : SHAPES) {
      String[] parts = shape.split("\\|");
      List<String> tokens = List.of(parts[1].split(" "));
      for (int variant = 0; variant < 4; variant++) {
        double[] at = new double[tokens.size()];
        for (int i = 1; i < tokens.size(); i++) {
          at[i] = at[i - 1] + gap(tokens.get(i), tokens.get(i - 1));
        }
        variants.add(new Path(id++, tokens.get(1).equals("M"), tokens, at));
        weights.add(Double.parseDouble(parts[0]) / 4);
      }
    }
  }

  // ---------------------------------------------------------------- templates as rows

  private final List<String> stageRows = new ArrayList<>();
  private final List<String> assignRows = new ArrayList<>();
  private final List<String> slaRows = new ArrayList<>();
  private final List<String> activityRows = new ArrayList<>();
  private final List<String> positionRows = new ArrayList<>();
  private final List<String> pathRows = new ArrayList<>();

  /** The rows a lead following the first {@code length} tokens of {@code variant} leaves; returns the path id. */
  private int template(Path variant, int length) {
    int pathId = variant.id() * 100 + length;
    String stage = null;
    String owner = "NONE";
    String valid = "null";
    String invalidKind = "null";
    String position = "null";
    String close = "null";
    int recycles = 0;
    boolean deal = false;
    int openSla = -1;
    String openSlaType = null;
    String openSlaOwner = null;
    double openSlaStart = 0;
    int slaNo = 0;
    int n = 0;
    for (int i = 0; i < length; i++) {
      String token = variant.tokens().get(i);
      double at = variant.at()[i];
      String to = switch (token) {
        case "C" -> "CAPTURED";
        case "Ia", "Is", "Iu" -> "INVALID";
        case "N" -> "NURTURING";
        case "M" -> "MQL";
        case "Q" -> "SQL";
        case "A" -> "SAL";
        case "O" -> "OPPORTUNITY";
        case "W" -> "WON";
        case "L" -> "LOST";
        case "Rs", "Rr", "Rt" -> "RECYCLED";
        case "Ds", "Dr" -> "DISQUALIFIED";
        default -> null;
      };
      String actor = switch (token) {
        case "C", "Ia", "N", "M", "Rt" -> "SYSTEM";
        case "Is", "Iu", "Ds", "Rs", "Q", "Ca", "Cr" -> "SDR";
        default -> owner;
      };
      String reason = switch (token) {
        case "C" -> "CAPTURE";
        case "Ia" -> "INVALID_AUTO";
        case "Is" -> "INVALID_SDR";
        case "Iu" -> "UNREACHABLE";
        case "Ds" -> "DISQ";
        case "Dr" -> "DISQ";
        case "Rs" -> "RECYCLE_SDR";
        case "Rr" -> "RECYCLE_REP";
        case "Rt" -> "RECYCLE_SLA";
        case "W" -> "WON";
        case "L" -> "LOST";
        default -> "STEP";
      };
      // an SLA ends at the step that does what it waits for, or that takes the lead elsewhere
      boolean endsSla = openSla >= 0 && switch (openSlaType) {
        case "SDR_CALL_ATTEMPT" -> token.startsWith("C") || to != null;
        case "SALES_ACCEPT" -> token.equals("A") || token.equals("X") || to != null;
        case "SALES_FIRST_CONTACT" -> token.startsWith("F") || to != null;
        default -> token.startsWith("P") || to != null;
      };
      if (endsSla) {
        String end = token.equals("X") ? "REASSIGNED" : token.equals("Rt") ? "RECYCLED"
            : token.startsWith("R") || (to != null && !isProgress(openSlaType, token)) && to.equals("RECYCLED")
            ? "RECYCLED" : isProgress(openSlaType, token) ? "DONE" : "CANCELLED";
        slaRows.add(row(pathId, openSla, q(openSlaType), q(openSlaOwner), openSlaStart,
            SLA_HOURS.get(openSlaType), at, q(end)));
        openSla = -1;
      }
      if (to != null) {
        stageRows.add(row(pathId, n, stage == null ? "null" : q(stage), q(to), at, q(actor), q(reason)));
        stage = to;
      }
      switch (token) {
        case "Ia" -> { valid = "0"; invalidKind = q("AUTO"); }
        case "Is" -> { valid = "0"; invalidKind = q("SDR"); }
        case "Iu" -> { valid = "0"; invalidKind = q("UNREACHABLE"); }
        case "N", "M" -> {
          if (valid.equals("null")) {
            valid = "1";
          }
        }
        default -> { }
      }
      if (token.equals("M")) {
        assignRows.add(row(pathId, n, q("SDR"), q("SDR"), owner.equals("NONE") ? "null" : q(owner), at,
            q("sdr-desk queue")));
        owner = "SDR";
        openSla = slaNo++;
        openSlaType = "SDR_CALL_ATTEMPT";
        openSlaOwner = "SDR";
        openSlaStart = at;
      } else if (token.equals("Q") || token.equals("X")) {
        String rep = token.equals("Q") ? "REP" : "REP2";
        assignRows.add(row(pathId, n, q("SALES"), q(rep), q(owner), at,
            q(token.equals("Q") ? "routing: territory, weighted by win rate" : "SLA reassignment tier")));
        owner = rep;
        openSla = slaNo++;
        openSlaType = "SALES_ACCEPT";
        openSlaOwner = rep;
        openSlaStart = at;
      } else if (token.equals("A")) {
        openSla = slaNo++;
        openSlaType = "SALES_FIRST_CONTACT";
        openSlaOwner = owner;
        openSlaStart = at;
      } else if (token.equals("O") || token.equals("Pm") || token.equals("Pb")) {
        position = q(token.equals("O") ? "TOP" : token.equals("Pm") ? "MIDDLE" : "BOTTOM");
        deal = true;
        positionRows.add(row(pathId, n, position, at));
        if (!token.equals("O")) {
          activityRows.add(row(pathId, n, q("OPPORTUNITY_UPDATE"), position, 0, q(owner), at));
        }
        openSla = slaNo++;
        openSlaType = "OPPORTUNITY_FOLLOW_UP";
        openSlaOwner = owner;
        openSlaStart = at;
      } else if (token.equals("Ca") || token.equals("Cr")) {
        activityRows.add(row(pathId, n, q("CALL_ATTEMPT"), q(token.equals("Ca") ? "NO_ANSWER" : "REACHED"),
            token.equals("Cr") ? 1 : 0, q("SDR"), at));
      } else if (token.equals("F") || token.equals("Fr")) {
        activityRows.add(row(pathId, n, q("FIRST_CONTACT"), q(token.equals("F") ? "OPPORTUNITY" : "RECYCLE"), 1,
            q(owner), at));
      } else if (token.equals("W") || token.equals("L")) {
        close = q(token.equals("W") ? "WON" : "LOST");
        activityRows.add(row(pathId, n, q("OPPORTUNITY_UPDATE"), close, 0, q(owner), at));
      } else if (token.startsWith("R")) {
        recycles++;
        owner = "NONE";
      }
      n++;
    }
    if (openSla >= 0) {
      slaRows.add(row(pathId, openSla, q(openSlaType), q(openSlaOwner), openSlaStart, SLA_HOURS.get(openSlaType),
          "null", "null"));
    }
    pathRows.add(row(pathId, variant.handRaiser() ? 1 : 0, q(stage), variant.at()[length - 1], q(owner), valid,
        invalidKind, recycles, stage.equals("OPPORTUNITY") || stage.equals("WON") || stage.equals("LOST")
            ? position : "null", deal ? 1 : 0, close));
    return pathId;
  }

  private static boolean isProgress(String slaType, String token) {
    return switch (slaType) {
      case "SDR_CALL_ATTEMPT" -> token.startsWith("C");
      case "SALES_ACCEPT" -> token.equals("A");
      case "SALES_FIRST_CONTACT" -> token.startsWith("F");
      default -> token.startsWith("P") || token.equals("W") || token.equals("L");
    };
  }

  private static String q(String value) {
    return value == null ? "null" : "'" + value + "'";
  }

  private static String row(Object... values) {
    StringBuilder row = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      row.append(i == 0 ? "" : ",").append(values[i]);
    }
    return row.append(')').toString();
  }

  // ---------------------------------------------------------------- SQL

  private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(ZoneOffset.UTC);

  /** Fills the base tables; returns seconds per step and the row counts. */
  Map<String, Object> generate(int chunk) throws SQLException {
    Map<String, Object> figures = new LinkedHashMap<>();
    buildVariants();
    List<String> picks = new ArrayList<>();
    Map<Integer, Boolean> templated = new LinkedHashMap<>();
    for (int bucket = 0; bucket < AGE_BUCKETS.length; bucket++) {
      double age = Math.max(2, AGE_BUCKETS[bucket]);
      boolean oldest = bucket == AGE_BUCKETS.length - 1;
      List<Integer> pathIds = new ArrayList<>();
      for (Path variant : variants) {
        int length = variant.tokens().size();
        while (!oldest && length > 1 && variant.at()[length - 1] > age) {
          length--;
        }
        int pathId = variant.id() * 100 + length;
        if (templated.putIfAbsent(pathId, true) == null) {
          template(variant, length);
        }
        pathIds.add(pathId);
      }
      double total = weights.stream().mapToDouble(Double::doubleValue).sum();
      double cumulative = 0;
      int variant = 0;
      for (int slot = 0; slot < 10000; slot++) {
        while (variant < variants.size() - 1 && (slot + 0.5) / 10000 > (cumulative + weights.get(variant)) / total) {
          cumulative += weights.get(variant++);
        }
        picks.add(row(bucket, slot, pathIds.get(variant)));
      }
    }
    String nowSql = "timestamp'" + SQL_TIME.format(now) + "'";
    long hoursSpan = months * 30L * 24;
    try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
      long start = System.nanoTime();
      for (String table : List.of("bench_tpl_stage", "bench_tpl_assign", "bench_tpl_sla", "bench_tpl_activity",
          "bench_tpl_position", "bench_path", "bench_pick", "bench_lead_plan")) {
        sql.execute("drop table if exists " + table);
      }
      sql.execute("create table bench_tpl_stage (path_id int, n int, from_stage varchar(20), to_stage varchar(20),"
          + " at_h double, actor varchar(10), reason_kind varchar(20))");
      sql.execute("create table bench_tpl_assign (path_id int, n int, role varchar(10), who varchar(10),"
          + " previous varchar(10), at_h double, reason varchar(100))");
      sql.execute("create table bench_tpl_sla (path_id int, n int, sla_type varchar(30), owner varchar(10),"
          + " start_h double, due_h double, end_h double, end_kind varchar(20))");
      sql.execute("create table bench_tpl_activity (path_id int, n int, type varchar(30), code varchar(40),"
          + " objection int, actor varchar(10), at_h double)");
      sql.execute("create table bench_tpl_position (path_id int, n int, position varchar(10), at_h double)");
      sql.execute("create table bench_path (path_id int primary key, hand_raiser int, final_stage varchar(20),"
          + " final_h double, owner varchar(10), valid int, invalid_kind varchar(20), recycles int,"
          + " position varchar(10), deal int, close varchar(10))");
      sql.execute("create table bench_pick (bucket int, slot int, path_id int, primary key (bucket, slot))");
      insertRows(sql, "bench_tpl_stage", stageRows);
      insertRows(sql, "bench_tpl_assign", assignRows);
      insertRows(sql, "bench_tpl_sla", slaRows);
      insertRows(sql, "bench_tpl_activity", activityRows);
      insertRows(sql, "bench_tpl_position", positionRows);
      insertRows(sql, "bench_path", pathRows);
      insertRows(sql, "bench_pick", picks);
      for (String table : List.of("bench_tpl_stage", "bench_tpl_assign", "bench_tpl_sla", "bench_tpl_activity",
          "bench_tpl_position")) {
        sql.execute("create index ix_" + table + " on " + table + " (path_id)");
      }
      figures.put("paths", pathRows.size());
      // the demo teams and reps as DemoIdentities creates them (it skips what exists), here before any backfill
      sql.execute("delete from lead_team where id in ('sales-north', 'sales-west', 'sdr-desk')");
      sql.execute("insert into lead_team (id, name, supervisor_id, role, region, product_line, time_zone, calendar_id)"
          + " values ('sales-north', 'Sales North', 'max', 'SALES', 'DACH', 'analytics', 'Europe/Berlin', 'de-berlin'),"
          + " ('sales-west', 'Sales West', 'mona', 'SALES', 'Western Europe', 'platform', 'Europe/Paris', 'fr-paris'),"
          + " ('sdr-desk', 'SDR desk', 'max', 'SDR', 'Europe', null, 'Europe/Berlin', 'de-berlin')");
      sql.execute("delete from lead_rep where user_id in ('leo', 'lena', 'nick', 'nora', 'sam', 'sara')");
      sql.execute("insert into lead_rep (user_id, team_id, capacity, status, updated_at) values"
          + " ('leo', 'sales-north', 40, 'ACTIVE', now(3)), ('lena', 'sales-north', 40, 'ACTIVE', now(3)),"
          + " ('nick', 'sales-west', 15, 'ACTIVE', now(3)), ('nora', 'sales-west', 30, 'ACTIVE', now(3)),"
          + " ('sam', 'sdr-desk', 500, 'ACTIVE', now(3)), ('sara', 'sdr-desk', 500, 'ACTIVE', now(3))");

      // the per-lead plan: capture instant (more leads lately: u = sqrt(x)), attributes, path, pace
      StringBuilder buckets = new StringBuilder("case");
      for (int b = AGE_BUCKETS.length - 1; b >= 0; b--) {
        buckets.append(" when age_h >= ").append(AGE_BUCKETS[b]).append(" then ").append(b);
      }
      buckets.append(" else 0 end");
      sql.execute("create table bench_lead_plan (seq int primary key, id varchar(36), captured_at datetime(3),"
          + " age_h double, source varchar(40), region varchar(40), team varchar(40), sdr varchar(10),"
          + " rep varchar(10), rep2 varchar(10), path_id int, f double)");
      String region = "elt(1 + crc32(concat(seq, 'g')) % 10, 'DACH','DACH','DACH','DACH','Western Europe',"
          + "'Western Europe','Western Europe','Western Europe','Nordics','Southern Europe')";
      String north = "(crc32(concat(seq, 'g')) % 10 in (0, 1, 2, 3, 8))";
      String rep = "if(" + north + ", if(crc32(concat(seq, 'r')) % 2 = 0, 'leo', 'lena'),"
          + " if(crc32(concat(seq, 'r')) % 5 < 2, 'nick', 'nora'))";
      sql.execute("insert into bench_lead_plan (seq, id, captured_at, age_h, source, region, team, sdr, rep, rep2)"
          + " select seq, concat('b0000000-0000-4000-8000-', lpad(seq, 12, '0')), c, timestampdiff(second, c, "
          + nowSql + ") / 3600,"
          + " elt(1 + crc32(concat(seq, 'c')) % 20, 'web-form','web-form','web-form','web-form','web-form',"
          + "'web-form','sem','sem','sem','sem','social','social','social','event','event','referral','referral',"
          + "'import','import','api'), " + region + ", if(" + north + ", 'sales-north', 'sales-west'),"
          + " if(crc32(concat(seq, 's')) % 2 = 0, 'sam', 'sara'), " + rep + ", case " + rep
          + " when 'leo' then 'lena' when 'lena' then 'leo' when 'nick' then 'nora' else 'nick' end"
          + " from (select seq, " + nowSql + " - interval " + hoursSpan + " hour + interval floor(sqrt(seq / "
          + leads + ") * " + (hoursSpan * 3600 - 60) + ") second c from seq_1_to_" + leads + ") s");
      sql.execute("update bench_lead_plan p join bench_pick k on k.bucket = (" + buckets.toString()
          .replace("age_h", "p.age_h") + ") and k.slot = crc32(concat(p.seq, 'p')) % 10000"
          + " join bench_path b on b.path_id = k.path_id"
          + " set p.path_id = k.path_id, p.f = least(0.4 + (crc32(concat(p.seq, 'f')) % 1000) / 1000 * 2.1,"
          + " if(b.final_h > 0, p.age_h * 0.95 / b.final_h, 1))");
      figures.put("planSeconds", seconds(start));

      String t = "date_add(p.captured_at, interval cast(%s * p.f * 3600000 as signed) * 1000 microsecond)";
      String who = "case %s when 'SDR' then p.sdr when 'REP' then p.rep when 'REP2' then p.rep2"
          + " when 'SYSTEM' then 'system' else null end";
      String invalidReason = "case b.invalid_kind when 'AUTO' then elt(1 + crc32(concat(p.seq, 'i')) % 9,"
          + " 'MISSING_CONTACT','MALFORMED_CONTACT','DISPOSABLE_EMAIL','ROLE_EMAIL','INVALID_PHONE','DUPLICATE',"
          + "'SPAM','TEST','NO_CONSENT') when 'SDR' then elt(1 + crc32(concat(p.seq, 'i')) % 5, 'WRONG_CONTACT',"
          + "'NO_NEED','NO_NEED','SPAM','DUPLICATE') when 'UNREACHABLE' then 'UNREACHABLE' end";
      String closeReason = "case b.close when 'WON' then elt(1 + crc32(concat(p.seq, 'w')) % 5, 'PRODUCT_FIT',"
          + "'PRODUCT_FIT','RELATIONSHIP','PRICE','TIMING') when 'LOST' then elt(1 + crc32(concat(p.seq, 'w')) % 7,"
          + " 'PRICE','PRICE','COMPETITOR','NO_DECISION','BUDGET','TIMING','OTHER') end";
      String stageReason = "case t.reason_kind when 'CAPTURE' then concat('captured from ', p.source)"
          + " when 'INVALID_AUTO' then " + invalidReason.replace("b.invalid_kind", "'AUTO'")
          + " when 'INVALID_SDR' then " + invalidReason.replace("b.invalid_kind", "'SDR'")
          + " when 'UNREACHABLE' then 'UNREACHABLE'"
          + " when 'DISQ' then elt(1 + crc32(concat(p.seq, 'd')) % 4, 'NO_FIT','COMPETITOR','STUDENT_OR_JOB_SEEKER','OTHER')"
          + " when 'RECYCLE_SDR' then concat('recycled: ', elt(1 + crc32(concat(p.seq, 'r', t.n)) % 5, 'NOT_NOW',"
          + "'NEEDS_MORE_INFO','NO_BUDGET_YET','NO_PROJECT','OTHER'))"
          + " when 'RECYCLE_REP' then concat('recycled: ', elt(1 + crc32(concat(p.seq, 'r', t.n)) % 5,"
          + " 'NOT_SALES_READY','WRONG_TERRITORY','NO_NEED','NOT_NOW','OTHER'))"
          + " when 'RECYCLE_SLA' then 'recycled: SLA_RECYCLE'"
          + " when 'WON' then concat('won: ', " + closeReason.replace("b.close", "'WON'") + ")"
          + " when 'LOST' then concat('lost: ', " + closeReason.replace("b.close", "'LOST'") + ")"
          + " else null end";
      String[][] inserts = {
          {"lead", "insert into lead (id, source, external_id, campaign, landing_page, intent, first_name, last_name,"
              + " email, phone, company, title, company_size, industry, country, region, product_interest, consent,"
              + " captured_at, cost, stage, stage_changed_at, owner_id, fit_score, engagement_score, valid,"
              + " invalid_reason, recycle_count, funnel_position, deal_value, close_reason, new_customer, updated_at)"
              + " select p.id, p.source, concat('bench-', p.seq),"
              + " if(p.source = 'referral', 'referral-program', concat(p.source, '-', elt(1 + crc32(concat(p.seq,"
              + " 'k')) % 3, 'brand', 'product', 'retarget'), '-', year(p.captured_at), 'q', quarter(p.captured_at))),"
              + " elt(1 + crc32(concat(p.seq, 'l')) % 8, '/demo', '/pricing', '/whitepaper/lead-routing',"
              + " '/webinar/funnel', '/trial', '/contact', '/case-study/acme', '/lp/sem-analytics'),"
              + " if(b.hand_raiser = 1, 'DEMO_REQUEST', elt(1 + crc32(concat(p.seq, 'n')) % 4, 'INQUIRY',"
              + " 'CONTENT_DOWNLOAD', 'EVENT_SIGNUP', 'NEWSLETTER')), 'Bench', concat('Lead ', p.seq),"
              + " concat('lead', p.seq, '@bench.example'), concat('+49301', lpad(p.seq, 7, '0')),"
              + " concat('Company ', p.seq % 50000), 'Head of Marketing', 10 + p.seq % 990,"
              + " elt(1 + p.seq % 4, 'software', 'manufacturing', 'retail', 'finance'),"
              + " if(p.region = 'DACH', 'DE', 'FR'), p.region, elt(1 + p.seq % 2, 'analytics', 'platform'), true,"
              + " p.captured_at, if(p.source in ('sem', 'social'), 12.50, null), b.final_stage,"
              + String.format(t, "b.final_h") + ", " + String.format(who, "b.owner") + ","
              + " 20 + crc32(concat(p.seq, 'x')) % 60, crc32(concat(p.seq, 'y')) % 80, b.valid, " + invalidReason
              + ", b.recycles, b.position,"
              + " if(b.deal = 1, round(5000 + pow((crc32(concat(p.seq, 'v')) % 10000) / 10000, 3) * 195000, -2), null),"
              + " " + closeReason + ", if(b.close = 'WON', crc32(concat(p.seq, 'u')) % 100 < 65, null), "
              + String.format(t, "b.final_h")
              + " from bench_lead_plan p join bench_path b on b.path_id = p.path_id where p.seq between ? and ?"},
          {"lead_stage_history", "insert into lead_stage_history (lead_id, from_stage, to_stage, changed_at, actor,"
              + " reason) select p.id, t.from_stage, t.to_stage, " + String.format(t, "t.at_h") + ", "
              + String.format(who, "t.actor") + ", " + stageReason
              + " from bench_lead_plan p join bench_tpl_stage t on t.path_id = p.path_id where p.seq between ? and ?"
              + " order by p.seq, t.n"},
          {"lead_assignment", "insert into lead_assignment (lead_id, role, assignee, previous_assignee, reason,"
              + " assigned_at, actor) select p.id, t.role, " + String.format(who, "t.who") + ", "
              + String.format(who, "t.previous") + ", t.reason, " + String.format(t, "t.at_h") + ", 'system'"
              + " from bench_lead_plan p join bench_tpl_assign t on t.path_id = p.path_id where p.seq between ? and ?"
              + " order by p.seq, t.n"},
          {"lead_activity", "insert into lead_activity (lead_id, type, code, objection, actor, occurred_at, detail)"
              + " select p.id, t.type, t.code, if(t.objection = 1, elt(1 + crc32(concat(p.seq, 'o', t.n)) % 13,"
              + " 'NONE','NONE','NONE','NONE','NONE','THINK_ABOUT_IT','THINK_ABOUT_IT','TOO_EXPENSIVE','MARKET_IS_BAD',"
              + "'WANTS_DISCOUNT','CHEAPER_ELSEWHERE','NO_BUDGET', if(p.source = 'sem', 'NOT_WORTH_IT', 'FLAT_NO')),"
              + " null), " + String.format(who, "t.actor") + ", " + String.format(t, "t.at_h") + ", null"
              + " from bench_lead_plan p join bench_tpl_activity t on t.path_id = p.path_id where p.seq between ? and ?"
              + " order by p.seq, t.n"},
          {"lead_position_change", "insert into lead_position_change (lead_id, position, changed_at)"
              + " select p.id, t.position, " + String.format(t, "t.at_h")
              + " from bench_lead_plan p join bench_tpl_position t on t.path_id = p.path_id where p.seq between ? and ?"
              + " order by p.seq, t.n"},
          {"lead_sla", "insert into lead_sla (lead_id, sla_type, owner_id, team_id, rule_ref, started_at, remind_at,"
              + " due_at, escalate_at, reassign_at, recycle_at, tiers_fired, breached_at, status, outcome, ended_at,"
              + " overdue_seconds) select lead_id, sla_type, owner_id, team_id, 'sla-policy:bench', started_at,"
              + " started_at + interval due_s * 0.75 second, due_at, started_at + interval due_s * 1.5 second,"
              + " started_at + interval due_s * 2 second, started_at + interval due_s * 3 second,"
              + " if(coalesce(ended_at, " + nowSql + ") > due_at, 'REMINDER,BREACH', if(coalesce(ended_at, " + nowSql
              + ") > started_at + interval due_s * 0.75 second, 'REMINDER', '')),"
              + " if(coalesce(ended_at, " + nowSql + ") > due_at, due_at, null), if(ended_at is null, 'OPEN', 'CLOSED'),"
              + " case when ended_at is null then null when end_kind = 'DONE' then if(ended_at <= due_at, 'MET',"
              + " 'MET_LATE') else end_kind end, ended_at,"
              + " if(ended_at is null, null, greatest(0, timestampdiff(second, due_at, ended_at)))"
              + " from (select p.seq, t.n, p.id lead_id, t.sla_type, " + String.format(who, "t.owner") + " owner_id,"
              + " if(t.owner = 'SDR', 'sdr-desk', p.team) team_id, " + String.format(t, "t.start_h") + " started_at,"
              + " t.due_h * 3600 due_s, " + String.format(t, "t.start_h") + " + interval t.due_h * 3600 second due_at,"
              + " if(t.end_h is null, null, " + String.format(t, "t.end_h") + ") ended_at, t.end_kind"
              + " from bench_lead_plan p join bench_tpl_sla t on t.path_id = p.path_id where p.seq between ? and ?) s"
              + " order by seq, n"}};
      for (String[] insert : inserts) {
        long tableStart = System.nanoTime();
        for (int from = 1; from <= leads; from += chunk) {
          int to = Math.min(leads, from + chunk - 1);
          sql.execute(insert[1].replaceFirst("\\?", Integer.toString(from)).replaceFirst("\\?", Integer.toString(to)));
        }
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("rows", count(sql, insert[0]));
        table.put("seconds", seconds(tableStart));
        figures.put(insert[0], table);
        System.out.printf("  %-22s %,10d rows in %6.1f s%n", insert[0], table.get("rows"), table.get("seconds"));
      }
      sql.execute("analyze table lead, lead_stage_history, lead_assignment, lead_activity, lead_position_change,"
          + " lead_sla");
      figures.put("totalSeconds", seconds(start));
    }
    return figures;
  }

  private static void insertRows(Statement sql, String table, List<String> rows) throws SQLException {
    for (int from = 0; from < rows.size(); from += 1000) {
      sql.execute("insert into " + table + " values " + String.join(",", rows.subList(from,
          Math.min(rows.size(), from + 1000))));
    }
  }

  static long count(Statement sql, String table) throws SQLException {
    try (var rows = sql.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static double seconds(long start) {
    return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
  }
}
