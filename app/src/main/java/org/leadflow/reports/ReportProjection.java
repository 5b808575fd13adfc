package org.leadflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.lead.Lead;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the read model ({@code report_stage_pass}, {@code report_lead_rep}; V014, {@code report_first_contact};
 * V018, the daily rollups {@code report_daily_pass}, {@code report_daily_recycle}, {@code report_daily_quality};
 * V019, README "Reports") in step with the facts, in the caller's transaction (the lead's row is locked by
 * then). Per stage change: one read of the lead's passes, close the open pass, insert the new one, read the
 * lead's reps and add one row per basis and slice to the rollup (the first pass also adds the lead to the
 * quality rollup, a recycle to the recycle rollup); the rollup rows are summed over the transaction and written
 * just before it commits ({@link RollupDeltas}: the "all leads, today" rows are every capture's). Per new
 * attribution: three insert-selects of the lead's rows into the rep's (and, the first time, the team's) slice,
 * at once. One read (plus one write the first time) per call attempt or first contact.
 */
@Component
public class ReportProjection {

  /** The main line of the strict funnel, in order; a pass of {@code MAIN_LINE.get(k)} may get strict rank k. */
  public static final List<String> MAIN_LINE = List.of("CAPTURED", "VALID", "MQL", "SQL", "SAL", "OPPORTUNITY",
      "WON");

  private final ReportMapper reports;
  private final BusinessTime businessTime;
  /** Profiles this node has seen in report_profile (committed): no insert for them. */
  private final Set<String> knownProfiles = ConcurrentHashMap.newKeySet();
  /** The key of the transaction's reps per lead ({@link #repsOf}). */
  private final Object repsKey = new Object();

  public ReportProjection(ReportMapper reports, BusinessTime businessTime) {
    this.reports = reports;
    this.businessTime = businessTime;
  }

  /** The lead (as it is now, dimensions set) entered {@code stage} at {@code at}. */
  public void entered(Lead lead, String stage, Instant at, String reason) {
    entered(null, lead, stage, at, reason);
  }

  /**
   * The lead, {@code before} the change (null: not known; a capture when it has no pass yet), is now {@code
   * lead} and entered {@code stage} at {@code at}: also moves it in V021's rollups ({@link LeadFigures}).
   */
  public void entered(Lead before, Lead lead, String stage, Instant at, String reason) {
    ReportMapper.PassState state = reports.passState(lead.id(), stage);
    List<String[]> slices = slices(lead);
    List<LeadFigures.Row> old = before == null ? List.of() : figures(LeadFigures.Facts.of(before), slices);
    List<ReportMapper.OpenPass> open = reports.openPasses(lead.id());
    reports.closeOpenPass(lead.id(), at);
    Integer rank = strictRank(state.strictRank(), stage);
    String stored = truncate(reason);
    reports.insertPass(new ReportMapper.PassRow(lead.id(), stage, state.passes() + 1, rank, at, null, null,
        stored, lead.capturedAt(), lead.source(), lead.campaign(), lead.landingPage(), lead.region()));
    rollUp(lead, slices, stage, at, state, rank, stored);
    closed(lead, slices, open);
    if (before != null || state.allPasses() == 0) {
      RollupDeltas.addFigures(reports, LeadFigures.move(old, figures(LeadFigures.Facts.of(lead), slices)));
    }
  }

  /**
   * The lead changed without a stage change (owner, deal value or position, close reason, verdict): moves it in
   * V021's rollups from what {@code before} counted to what {@code after} counts. {@code before} null: a lead
   * stored without this projection starts to count (data written by SQL); {@code after} null: it stops counting
   * (deleted).
   */
  public void changed(Lead before, Lead after) {
    Lead lead = after != null ? after : before;
    List<String[]> slices = slices(lead);
    RollupDeltas.addFigures(reports, LeadFigures.move(
        before == null ? List.of() : figures(LeadFigures.Facts.of(before), slices),
        after == null ? List.of() : figures(LeadFigures.Facts.of(after), slices)));
  }

  /** An activity of the lead at {@code at} recorded an objection (V021's objection rollup). */
  public void objected(Lead lead, Instant at, String objection) {
    RollupDeltas.addFigures(reports, LeadFigures.objection(LeadFigures.Facts.of(lead), slices(lead), at,
        objection));
  }

  /** What the lead as it stands counts in V021's rollups of {@code slices}. */
  private List<LeadFigures.Row> figures(LeadFigures.Facts lead, List<String[]> slices) {
    return LeadFigures.rows(lead, slices, lead.closed() ? reports.passEntries(lead.leadId(), lead.stage()) : List.of());
  }

  /** The validity check passed: a VALID milestone (no time in it; the lead stays in its stage). */
  public void validated(Lead lead, Instant at) {
    ReportMapper.PassState state = reports.passState(lead.id(), "VALID");
    Integer rank = strictRank(state.strictRank(), "VALID");
    reports.insertPass(new ReportMapper.PassRow(lead.id(), "VALID", state.passes() + 1, rank, at, at, 0L, null,
        lead.capturedAt(), lead.source(), lead.campaign(), lead.landingPage(), lead.region()));
    rollUp(lead, slices(lead), "VALID", at, state, rank, null);
  }

  /**
   * Someone was assigned the lead (a no-op when they had been before): the first time, the lead's rows so far
   * join the slices the person adds to the lead's: theirs, their team's when no earlier assignee of the lead was
   * of that team, and each new pair of a rep and a team.
   */
  public void assigned(String leadId, String assignee, Instant at) {
    if (reports.insertLeadRep(leadId, assignee, at) == 0) {
      return;
    }
    LeadFigures.Facts lead = reports.leadFacts(leadId);
    if (lead == null) {
      return;
    }
    // the slices the new person adds: theirs, their team's when new to the lead, each new pair of a rep and a team
    forgetReps(leadId);
    List<ReportMapper.LeadRep> reps = repsOf(leadId);
    List<ReportMapper.LeadRep> before = reps.stream().filter(r -> !r.rep().equals(assignee)).toList();
    Set<String> had = new java.util.HashSet<>();
    slices(lead.source(), lead.campaign(), lead.landingPage(), lead.region(), before)
        .forEach(slice -> had.add(slice[0] + "\u0000" + slice[1]));
    List<String[]> slices = slices(lead.source(), lead.campaign(), lead.landingPage(), lead.region(), reps).stream()
        .filter(slice -> !had.contains(slice[0] + "\u0000" + slice[1])).toList();
    slices.forEach(slice -> addToSlice(leadId, slice[0], slice[1]));
    List<LeadFigures.Row> rows = new ArrayList<>(figures(lead, slices));
    for (ReportMapper.Objection objection : reports.objectionsOf(leadId)) {
      rows.addAll(LeadFigures.objection(lead, slices, objection.occurredAt(), objection.objection()));
    }
    RollupDeltas.addFigures(reports, rows);
  }

  /**
   * The lead's validity verdict changes from the one {@code stored} has (as stored until now) to {@code valid}
   * / {@code invalidReason}: the quality rollup moves the lead from the old verdict's rows to the new one's.
   */
  public void verdictChanged(Lead stored, Boolean valid, String invalidReason) {
    String[] from = verdict(stored.valid(), stored.invalidReason());
    String[] to = verdict(valid, invalidReason);
    if (from[0].equals(to[0]) && from[1].equals(to[1])) {
      return;
    }
    LocalDate day = day(stored.capturedAt());
    List<ReportMapper.DailyQuality> rows = new ArrayList<>();
    for (String[] slice : slices(stored)) {
      rows.add(new ReportMapper.DailyQuality(slice[0], slice[1], day, from[0], from[1], -1));
      rows.add(new ReportMapper.DailyQuality(slice[0], slice[1], day, to[0], to[1], 1));
    }
    RollupDeltas.addQuality(reports, rows);
  }

  /**
   * Someone called or contacted the lead at {@code at} (a call attempt or a first contact): the lead's first
   * contact is stored with the working time from capture to it in the calendar of the owner's team (the
   * owner now, when the contact is recorded). Later contacts change nothing; an earlier one (recorded late)
   * replaces it.
   */
  public void contacted(Lead lead, Instant at) {
    ReportMapper.FirstContact first = reports.firstContact(lead.id());
    if (first != null && !at.isBefore(first.contactedAt())) {
      return;
    }
    String team = lead.ownerId() == null ? null : reports.teamOfRep(lead.ownerId());
    ReportMapper.FirstContact contact = new ReportMapper.FirstContact(lead.id(), lead.capturedAt(), at, team,
        businessTime.between(team, lead.capturedAt(), at).getSeconds());
    List<String[]> slices = slices(lead);
    if (first == null) {
      reports.insertFirstContact(contact);
    } else {
      reports.updateFirstContact(contact);
      RollupDeltas.addContacts(reports, contactRows(slices, first, -1));
    }
    RollupDeltas.addContacts(reports, contactRows(slices, contact, 1));
  }

  /**
   * FirstContactBackfill computed the working time of a V018-backfilled first contact ({@code contact}, still
   * without it): the contact rollup moves the lead from the "not timed" row to its bucket's.
   */
  public void timed(ReportMapper.UntimedContact contact, long businessSeconds) {
    List<String[]> slices = slices(contact.source(), contact.campaign(), contact.landingPage(), contact.region(),
        repsOf(contact.leadId()));
    ReportMapper.FirstContact before = new ReportMapper.FirstContact(contact.leadId(), contact.capturedAt(),
        contact.contactedAt(), contact.teamId(), null);
    ReportMapper.FirstContact after = new ReportMapper.FirstContact(contact.leadId(), contact.capturedAt(),
        contact.contactedAt(), contact.teamId(), businessSeconds);
    List<ReportMapper.DailyContact> rows = new ArrayList<>(contactRows(slices, before, -1));
    rows.addAll(contactRows(slices, after, 1));
    RollupDeltas.addContacts(reports, rows);
  }

  /** The contact rollup's bucket of a working time: its histogram bucket, {@code -1} while it is not known. */
  public static int contactBucket(Long businessSeconds) {
    return businessSeconds == null ? -1 : DurationHistogram.bucket(businessSeconds);
  }

  private static List<ReportMapper.DailyContact> contactRows(List<String[]> slices, ReportMapper.FirstContact contact,
      long leads) {
    LocalDate captured = day(contact.capturedAt());
    LocalDate contacted = day(contact.contactedAt());
    int bucket = contactBucket(contact.businessSeconds());
    List<ReportMapper.DailyContact> rows = new ArrayList<>();
    for (String[] slice : slices) {
      rows.add(new ReportMapper.DailyContact("C", slice[0], slice[1], captured, bucket, leads));
      rows.add(new ReportMapper.DailyContact("E", slice[0], slice[1], contacted, bucket, leads));
    }
    return rows;
  }

  /** An SLA clock's state as the SLA report counts it (V020's report_daily_sla). */
  public enum SlaState {
    OPEN, MET, BREACHED;

    /** Breached once a breach is recorded, else met when closed (whatever the outcome), else open. */
    public static SlaState of(Instant breachedAt, boolean closed) {
      return breachedAt != null ? BREACHED : closed ? MET : OPEN;
    }
  }

  /**
   * An SLA clock of the lead (as it is now) started at {@code startedAt} ({@code from} null) or changed state:
   * the SLA rollup counts a new clock once, a state change moves it from the old state's count to the new one's
   * (its rows stay: capture day and start day do not change).
   */
  public void slaMoved(Lead lead, String slaType, Instant startedAt, SlaState from, SlaState to) {
    if (from == to) {
      return;
    }
    long clocks = from == null ? 1 : 0;
    long met = count(SlaState.MET, from, to);
    long breached = count(SlaState.BREACHED, from, to);
    long open = count(SlaState.OPEN, from, to);
    List<ReportMapper.DailySla> rows = new ArrayList<>();
    for (String[] slice : slices(lead)) {
      rows.add(new ReportMapper.DailySla("C", slice[0], slice[1], day(lead.capturedAt()), slaType, clocks, met,
          breached, open));
      rows.add(new ReportMapper.DailySla("E", slice[0], slice[1], day(startedAt), slaType, clocks, met, breached,
          open));
    }
    RollupDeltas.addSlas(reports, rows);
  }

  /** What a move from {@code from} to {@code to} adds to the count of {@code state}: -1, 0 or 1. */
  private static long count(SlaState state, SlaState from, SlaState to) {
    return (to == state ? 1 : 0) - (from == state ? 1 : 0);
  }

  /** The earliest day a pass can have: prev_day of a lead's first pass of a stage (V019). */
  static final LocalDate NEVER = LocalDate.of(1000, 1, 1);

  /**
   * One new pass in every slice of the lead, both bases (written when the transaction commits, in key order:
   * {@link RollupDeltas}). The lead's first pass ever (its capture) also counts it in the quality rollup.
   */
  private void rollUp(Lead lead, List<String[]> slices, String stage, Instant at, ReportMapper.PassState state,
      Integer rank, String reason) {
    LocalDate captured = day(lead.capturedAt());
    LocalDate entered = day(at);
    LocalDate previous = state.lastEnteredAt() == null ? NEVER : day(state.lastEnteredAt());
    long first = state.passes() == 0 ? 1 : 0;
    long strict = rank == null ? 0 : 1;
    List<ReportMapper.DailyPass> passes = new ArrayList<>();
    for (String[] slice : slices) {
      passes.add(new ReportMapper.DailyPass("C", slice[0], slice[1], stage, captured, NEVER, 1, first, strict));
      passes.add(new ReportMapper.DailyPass("E", slice[0], slice[1], stage, entered, previous, 1, first, strict));
    }
    RollupDeltas.addPasses(reports, passes);
    if (stage.equals("RECYCLED")) {
      List<ReportMapper.DailyRecycle> recycles = new ArrayList<>();
      String why = reason == null ? "UNKNOWN" : reason;
      for (String[] slice : slices) {
        recycles.add(new ReportMapper.DailyRecycle("C", slice[0], slice[1], captured, why, 1));
        recycles.add(new ReportMapper.DailyRecycle("E", slice[0], slice[1], entered, why, 1));
      }
      RollupDeltas.addRecycles(reports, recycles);
    }
    if (state.allPasses() == 0) {
      String[] verdict = verdict(lead.valid(), lead.invalidReason());
      List<ReportMapper.DailyQuality> quality = new ArrayList<>();
      for (String[] slice : slices) {
        quality.add(new ReportMapper.DailyQuality(slice[0], slice[1], captured, verdict[0], verdict[1], 1));
      }
      RollupDeltas.addQuality(reports, quality);
    }
  }

  /** The passes just closed go to the duration histogram (VALID, a milestone, has no time in it). */
  private void closed(Lead lead, List<String[]> slices, List<ReportMapper.OpenPass> passes) {
    List<ReportMapper.DailyDuration> rows = new ArrayList<>();
    for (ReportMapper.OpenPass pass : passes) {
      Long seconds = pass.stage().equals("VALID") ? null : reports.secondsOf(pass.id());
      if (seconds == null) {
        continue;
      }
      int bucket = DurationHistogram.bucket(seconds);
      LocalDate entered = day(pass.enteredAt());
      for (String[] slice : slices) {
        rows.add(new ReportMapper.DailyDuration("C", slice[0], slice[1], pass.stage(), day(lead.capturedAt()),
            bucket, 1));
        rows.add(new ReportMapper.DailyDuration("E", slice[0], slice[1], pass.stage(), entered, bucket, 1));
      }
    }
    if (!rows.isEmpty()) {
      RollupDeltas.addDurations(reports, rows);
    }
  }

  private void addToSlice(String leadId, String dim, String value) {
    for (boolean cohort : new boolean[] {true, false}) {
      reports.addLeadPassesToSlice(leadId, dim, value, cohort);
      reports.addLeadRecyclesToSlice(leadId, dim, value, cohort);
      reports.addLeadDurationsToSlice(leadId, dim, value, cohort);
    }
    reports.addLeadQualityToSlice(leadId, dim, value);
    reports.addLeadContactToSlice(leadId, dim, value);
    reports.addLeadSlasToSlice(leadId, dim, value);
  }

  /**
   * The rollup slices the lead counts in: all, its non-null dimensions, its profile, its reps and their distinct
   * teams, and each pair of those. Registers the profile in {@code report_profile} the first time this node
   * sees it (insert ignore: any other writer of the same profile writes the same row).
   */
  private List<String[]> slices(Lead lead) {
    String profile = ReportProfile.id(lead.source(), lead.campaign(), lead.landingPage(), lead.region());
    if (!knownProfiles.contains(profile)) {
      reports.insertProfile(profile, lead.source(), lead.campaign(), lead.landingPage(), lead.region());
      afterCommit(() -> knownProfiles.add(profile));
    }
    return slices(lead.source(), lead.campaign(), lead.landingPage(), lead.region(), repsOf(lead.id()));
  }

  /**
   * The lead's reps (report_lead_rep), read once per transaction: a capture projects the lead several times
   * (passes, verdict, figures), and only {@link #assigned} adds a rep, which drops the transaction's copy.
   */
  private List<ReportMapper.LeadRep> repsOf(String leadId) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return reports.repsOf(leadId);
    }
    @SuppressWarnings("unchecked")
    Map<String, List<ReportMapper.LeadRep>> reps =
        (Map<String, List<ReportMapper.LeadRep>>) TransactionSynchronizationManager.getResource(repsKey);
    if (reps == null) {
      Map<String, List<ReportMapper.LeadRep>> bound = new HashMap<>();
      TransactionSynchronizationManager.bindResource(repsKey, bound);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(repsKey);
        }
      });
      reps = bound;
    }
    return reps.computeIfAbsent(leadId, reports::repsOf);
  }

  private void forgetReps(String leadId) {
    Object reps = TransactionSynchronizationManager.getResource(repsKey);
    if (reps instanceof Map<?, ?> map) {
      map.remove(leadId);
    }
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  /**
   * The rollup slices of a lead with these dimensions and reps (report_lead_rep): {@code {dim, dim_value}} for
   * all, the non-null dimensions, the profile (V022), each rep and each distinct team of theirs, and each pair of
   * a rep and a team (V019; V020's, V021's and V023's backfills too).
   */
  public static List<String[]> slices(String source, String campaign, String landingPage, String region,
      List<ReportMapper.LeadRep> reps) {
    String profile = ReportProfile.id(source, campaign, landingPage, region);
    List<String[]> slices = new ArrayList<>();
    slices.add(new String[] {"all", ""});
    slices.add(new String[] {"channel", source});
    if (campaign != null) {
      slices.add(new String[] {"campaign", campaign});
    }
    if (landingPage != null) {
      slices.add(new String[] {"landing", landingPage});
    }
    if (region != null) {
      slices.add(new String[] {"region", region});
    }
    slices.add(new String[] {ReportProfile.PROFILE, profile});
    Set<String> teams = new LinkedHashSet<>();
    for (ReportMapper.LeadRep rep : reps) {
      slices.add(new String[] {"rep", rep.rep()});
      if (rep.teamId() != null) {
        teams.add(rep.teamId());
      }
    }
    teams.forEach(team -> slices.add(new String[] {"team", team}));
    for (ReportMapper.LeadRep rep : reps) {
      for (String team : teams) {
        slices.add(new String[] {ReportProfile.REP_TEAM, ReportProfile.of(rep.rep(), team)});
      }
    }
    return slices;
  }

  /** The quality rollup's verdict and reason columns (V019). */
  static String[] verdict(Boolean valid, String invalidReason) {
    if (valid == null) {
      return new String[] {"U", ""};
    }
    return valid ? new String[] {"V", ""} : new String[] {"I", invalidReason == null ? "UNKNOWN" : invalidReason};
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * The strict rank a new pass of {@code stage} gets when the lead's main line reached {@code reached}
   * (-1: nothing yet): the next stage of the line extends it, anything else does not.
   */
  static Integer strictRank(int reached, String stage) {
    int rank = MAIN_LINE.indexOf(stage);
    return rank >= 0 && rank == reached + 1 ? rank : null;
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }
}
