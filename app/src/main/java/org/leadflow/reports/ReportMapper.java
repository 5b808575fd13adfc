package org.leadflow.reports;

import java.time.Instant;
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

  void closeOpenPass(String leadId, Instant at);

  void insertPass(PassRow pass);

  void insertLeadRep(String leadId, String rep, Instant at);

  /** When the lead was first contacted (report_first_contact), or null. */
  Instant firstContactAt(String leadId);

  void insertFirstContact(FirstContact contact);

  void updateFirstContact(FirstContact contact);

  /** Rows of the V018 backfill whose working time is not computed yet (at most {@code limit}). */
  List<FirstContact> firstContactsWithoutSeconds(int limit);

  void setBusinessSeconds(@Param("leadId") String leadId, @Param("seconds") long seconds);

  record PassState(int strictRank, int passes) {}

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

  /** The {@code offset}-th (0-based) shortest capture-to-first-contact working time, in seconds. */
  Long businessSecondsAt(@Param("f") ReportQuery f, @Param("offset") long offset);

  List<Point> trend(@Param("f") ReportQuery f, @Param("stage") String stage);

  record StageCount(String stage, long leads, long passes) {}

  record ReasonCount(String reason, long count) {}

  record Quality(long captured, long valid, long invalid) {}

  record ObjectionCount(String channel, String objection, long count) {}

  record SlaCount(String slaType, long total, long met, long breached, long open) {}

  /** Leads of the filter, those contacted, and those whose working time to the contact is known. */
  record SpeedCounts(long leads, long contacted, long timed) {}

  record Point(String period, long leads) {}
}
