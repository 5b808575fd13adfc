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

  record PassState(int strictRank, int passes) {}

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

  List<Contact> firstContacts(@Param("f") ReportQuery f);

  List<Point> trend(@Param("f") ReportQuery f, @Param("stage") String stage);

  record StageCount(String stage, long leads, long passes) {}

  record ReasonCount(String reason, long count) {}

  record Quality(long captured, long valid, long invalid) {}

  record ObjectionCount(String channel, String objection, long count) {}

  record SlaCount(String slaType, long total, long met, long breached, long open) {}

  record Contact(String leadId, Instant capturedAt, Instant contactedAt, String teamId) {}

  record Point(String period, long leads) {}
}
