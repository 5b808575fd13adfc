package org.leadflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The reports' read model and its maintenance (SQL in resources/mapper/ReportMapper.xml). */
@Mapper
public interface ReportMapper {

  /** Teams the user is a rep of or supervises. */
  List<String> teamsOf(String userId);

  /** The team of the rep's profile, or null. */
  String teamOfRep(String userId);

  // ---- maintenance (ReportProjection)

  /** How far the lead's strict main line reached (-1: not started) and how often it entered {@code stage}. */
  PassState passState(String leadId, String stage);

  /** The lead's passes not closed yet (normally one). */
  List<OpenPass> openPasses(String leadId);

  void closeOpenPass(String leadId, Instant at);

  /** A pass's time in stage in seconds (null while it is open). */
  Long secondsOf(long passId);

  void insertPass(PassRow pass);

  /** 1 when the person had not been assigned the lead before (a row was added), 0 otherwise. */
  int insertLeadRep(String leadId, String rep, Instant at);

  /** The people ever assigned the lead (report_lead_rep) with the team stored for each. */
  List<LeadRep> repsOf(String leadId);

  /** Adds the profile (V022) unless it is there. */
  void insertProfile(@Param("id") String id, @Param("source") String source, @Param("campaign") String campaign,
      @Param("landingPage") String landingPage, @Param("region") String region);

  /** The ids of the profiles the filter's channel, campaign, landing page and region match. */
  List<String> profilesMatching(@Param("f") ReportQuery filter);

  // ---- daily rollups (V019), maintained by ReportProjection: rows are added to (+= on a duplicate key)

  void addDailyPasses(@Param("rows") List<DailyPass> rows);

  void addDailyRecycles(@Param("rows") List<DailyRecycle> rows);

  void addDailyQuality(@Param("rows") List<DailyQuality> rows);

  void addDailyDurations(@Param("rows") List<DailyDuration> rows);

  void addLeadDurationsToSlice(@Param("leadId") String leadId, @Param("dim") String dim,
      @Param("value") String value, @Param("cohort") boolean cohort);

  /**
   * Adds the lead's passes (recycles, durations, verdict) so far to one rep or team slice (a new attribution),
   * on the cohort or the event basis.
   */
  void addLeadPassesToSlice(@Param("leadId") String leadId, @Param("dim") String dim, @Param("value") String value,
      @Param("cohort") boolean cohort);

  void addLeadRecyclesToSlice(@Param("leadId") String leadId, @Param("dim") String dim, @Param("value") String value,
      @Param("cohort") boolean cohort);

  void addLeadQualityToSlice(@Param("leadId") String leadId, @Param("dim") String dim, @Param("value") String value);

  record LeadRep(String rep, String teamId) {}

  // ---- V021's rollups (LeadFigures), maintained by ReportProjection

  /** Adds rows (key values, then amounts, in {@link LeadFigures.Table} column order); += on a duplicate key. */
  void addDailyCloses(@Param("rows") List<List<Object>> rows);

  void addDailyCampaigns(@Param("rows") List<List<Object>> rows);

  void addOpenPipeline(@Param("rows") List<List<Object>> rows);

  void addDailyObjections(@Param("rows") List<List<Object>> rows);

  /** The rows of one of {@link LeadFigures#TABLES}, added to it. */
  default void addRollupRows(LeadFigures.Table table, List<List<Object>> rows) {
    if (table == LeadFigures.CLOSE) {
      addDailyCloses(rows);
    } else if (table == LeadFigures.CAMPAIGN) {
      addDailyCampaigns(rows);
    } else if (table == LeadFigures.PIPELINE) {
      addOpenPipeline(rows);
    } else if (table == LeadFigures.OBJECTION) {
      addDailyObjections(rows);
    } else {
      throw new IllegalArgumentException(table.name());
    }
  }

  /** When the lead entered {@code stage}, every time, by pass_no. */
  List<Instant> passEntries(@Param("leadId") String leadId, @Param("stage") String stage);

  /** The lead as the figures read it, or null. */
  LeadFigures.Facts leadFacts(String leadId);

  /** The lead's activities with an objection. */
  List<Objection> objectionsOf(String leadId);

  record Objection(Instant occurredAt, String objection) {}

  record OpenPass(long id, String stage, Instant enteredAt) {}

  record DailyDuration(String basis, String dim, String dimValue, String stage, LocalDate day, int bucket,
      long passes) {}

  record DailyPass(String basis, String dim, String dimValue, String stage, LocalDate day, LocalDate prevDay,
      long passes, long firstPasses, long strictPasses) {}

  record DailyRecycle(String basis, String dim, String dimValue, LocalDate day, String reason, long passes) {}

  record DailyQuality(String dim, String dimValue, LocalDate day, String verdict, String reason, long leads) {}

  /** The lead's first contact (report_first_contact), or null. */
  FirstContact firstContact(String leadId);

  void insertFirstContact(FirstContact contact);

  void updateFirstContact(FirstContact contact);

  /**
   * Rows of the V018 backfill whose working time is not computed yet (at most {@code limit}), with the lead's
   * dimensions.
   */
  List<UntimedContact> firstContactsWithoutSeconds(int limit);

  /** 1 when the row had no working time yet (it has now), 0 when another node filled it first. */
  int setBusinessSeconds(@Param("leadId") String leadId, @Param("seconds") long seconds);

  // ---- speed-to-lead and SLA rollups (V020), maintained by ReportProjection (+= on a duplicate key)

  void addDailyContacts(@Param("rows") List<DailyContact> rows);

  void addDailySlas(@Param("rows") List<DailySla> rows);

  /** Adds the lead's first contact (both bases) to one rep or team slice (a new attribution). */
  void addLeadContactToSlice(@Param("leadId") String leadId, @Param("dim") String dim, @Param("value") String value);

  /** Adds the lead's SLA clocks as they stand (both bases) to one rep or team slice. */
  void addLeadSlasToSlice(@Param("leadId") String leadId, @Param("dim") String dim, @Param("value") String value);

  /**
   * report_daily_contact: first contacts per basis, slice, day and working-time bucket ({@link DurationHistogram};
   * -1: not known yet).
   */
  record DailyContact(String basis, String dim, String dimValue, LocalDate day, int bucket, long leads) {}

  /** report_daily_sla: SLA clocks per basis, slice, day and type, and how many of them are met, breached, open. */
  record DailySla(String basis, String dim, String dimValue, LocalDate day, String slaType, long clocks, long met,
      long breached, long stillOpen) {}

  record UntimedContact(String leadId, Instant capturedAt, Instant contactedAt, String teamId, String source,
      String campaign, String landingPage, String region) {}

  /**
   * strictRank: how far the lead's strict line reached (-1: not started); passes: how often it entered the
   * stage; lastEnteredAt: when it last did (null: never); allPasses: the lead's passes of any stage.
   */
  record PassState(int strictRank, int passes, Instant lastEnteredAt, int allPasses) {}

  record FirstContact(String leadId, Instant capturedAt, Instant contactedAt, String teamId, Long businessSeconds) {}

  record PassRow(String leadId, String stage, int passNo, Integer strictRank, Instant enteredAt, Instant leftAt,
      Long secondsInStage, String reason, Instant capturedAt, String source, String campaign, String landingPage,
      String region) {}

  // ---- queries (ReportService); f: the ReportQuery with the filter's SQL parameters

  List<StageCount> stageCounts(@Param("f") ReportQuery f);

  List<ReasonCount> invalidReasons(@Param("f") ReportQuery f);

  Quality quality(@Param("f") ReportQuery f);

  long countDurations(@Param("f") ReportQuery f, @Param("stage") String stage);

  /** The {@code offset}-th (0-based) shortest completed pass of the stage, in seconds. */
  Long durationAt(@Param("f") ReportQuery f, @Param("stage") String stage, @Param("offset") long offset);

  List<ReasonCount> recycleReasons(@Param("f") ReportQuery f);

  List<ReasonCount> closeReasons(@Param("f") ReportQuery f, @Param("stage") String stage);

  List<ObjectionCount> objections(@Param("f") ReportQuery f);

  List<SlaCount> slas(@Param("f") ReportQuery f);

  SpeedCounts speedCounts(@Param("f") ReportQuery f);

  /**
   * Speed-to-lead counts of a rollup slice (V020): cohort leads from report_daily_quality (every captured lead),
   * contacted and timed from report_daily_contact.
   */
  SpeedCounts speedRollup(@Param("f") ReportQuery f);

  /** The slice's working times to first contact as a histogram over the period, by bucket ascending. */
  List<DurationHistogram.Bucket> contactBuckets(@Param("f") ReportQuery f);

  /** The {@code offset}-th (0-based) shortest capture-to-first-contact working time, in seconds. */
  Long businessSecondsAt(@Param("f") ReportQuery f, @Param("offset") long offset);

  List<Point> trend(@Param("f") ReportQuery f, @Param("stage") String stage);

  /** Completed passes per stage of a rollup slice (report_daily_duration, V019). */
  List<StageCount> durationCounts(@Param("f") ReportQuery f);

  /** The stage's duration histogram over the slice and period, by bucket ascending. */
  List<DurationHistogram.Bucket> durationBuckets(@Param("f") ReportQuery f, @Param("stage") String stage);

  record StageCount(String stage, long leads, long passes) {}

  record ReasonCount(String reason, long count) {}

  record Quality(long captured, long valid, long invalid) {}

  record ObjectionCount(String channel, String objection, long count) {}

  record SlaCount(String slaType, long total, long met, long breached, long open) {}

  /** Leads of the filter, those contacted, and those whose working time to the contact is known. */
  record SpeedCounts(long leads, long contacted, long timed) {}

  record Point(String period, long leads) {}
}
