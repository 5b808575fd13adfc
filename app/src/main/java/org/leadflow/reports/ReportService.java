package org.leadflow.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The core measures of issue 7 over the read model (README "Reports"); the controller renders them. */
@Service
@Transactional(readOnly = true)
public class ReportService {

  /** The funnel's stages, in the order the JSON lists them. */
  public static final List<String> STAGES = List.of("CAPTURED", "VALID", "INVALID", "NURTURING", "MQL", "SQL", "SAL",
      "OPPORTUNITY", "WON", "LOST", "RECYCLED", "DISQUALIFIED");
  /** Stages a lead spends time in (VALID is a milestone; closed stages have no end). */
  public static final List<String> TIMED_STAGES = List.of("CAPTURED", "NURTURING", "MQL", "SQL", "SAL",
      "OPPORTUNITY", "RECYCLED");
  public static final Map<String, String> TREND_MEASURES = Map.of("captured", "CAPTURED", "valid", "VALID",
      "mql", "MQL", "sql", "SQL", "sal", "SAL", "opportunity", "OPPORTUNITY", "won", "WON", "lost", "LOST");

  private final ReportMapper reports;

  public ReportService(ReportMapper reports) {
    this.reports = reports;
  }

  /** The filter as the SQL takes it, with the profiles it matches when it reads their slices. */
  public ReportQuery query(ReportFilter filter) {
    return ReportQuery.of(filter, reports);
  }

  public record StageLine(String stage, long leads, long passes) {}

  public record Conversion(String from, String to, long fromLeads, long toLeads, BigDecimal rate) {}

  public record CaptureToWon(BigDecimal rate, long captured, long won) {}

  public record Funnel(Map<String, Object> filter, String semantics, String basis, List<StageLine> stages,
      List<Conversion> conversions, CaptureToWon captureToWon) {}

  public Funnel funnel(ReportFilter filter) {
    Map<String, ReportMapper.StageCount> counts = reports.stageCounts(query(filter)).stream()
        .collect(Collectors.toMap(ReportMapper.StageCount::stage, Function.identity()));
    List<StageLine> stages = STAGES.stream().map(stage -> {
      ReportMapper.StageCount count = counts.get(stage);
      return new StageLine(stage, count == null ? 0 : count.leads(), count == null ? 0 : count.passes());
    }).toList();
    Map<String, Long> leads = stages.stream().collect(Collectors.toMap(StageLine::stage, StageLine::leads));
    List<String> line = ReportProjection.MAIN_LINE;
    List<Conversion> conversions = new ArrayList<>();
    for (int i = 0; i + 1 < line.size(); i++) {
      conversions.add(conversion(line.get(i), line.get(i + 1), leads));
    }
    for (int gap = 2; gap < line.size(); gap++) {
      for (int i = 0; i + gap < line.size(); i++) {
        conversions.add(conversion(line.get(i), line.get(i + gap), leads));
      }
    }
    long captured = leads.get("CAPTURED");
    long won = leads.get("WON");
    return new Funnel(filter.echo(), lower(filter.semantics()), lower(filter.basis()), stages, conversions,
        new CaptureToWon(rate(won, captured), captured, won));
  }

  public record ReasonLine(String reason, long leads) {}

  public record Quality(Map<String, Object> filter, long captured, long valid, long invalid, BigDecimal validRate,
      List<ReasonLine> invalidByReason) {}

  /** Leads captured in the period and their validity verdict as it stands (valid rate = valid / captured). */
  public Quality quality(ReportFilter filter) {
    ReportQuery query = query(filter);
    ReportMapper.Quality quality = reports.quality(query);
    return new Quality(filter.echo(), quality.captured(), quality.valid(), quality.invalid(),
        rate(quality.valid(), quality.captured()),
        reports.invalidReasons(query).stream().map(r -> new ReasonLine(r.reason(), r.count())).toList());
  }

  /**
   * {@code approximate}: the median and p90 are read from the duration histogram (more than {@link
   * #EXACT_DURATIONS_UP_TO} passes in a rollup slice; {@link DurationHistogram#RESOLUTION}), otherwise exact.
   */
  public record StageTime(String stage, long passes, Long medianSeconds, Long p90Seconds, boolean approximate) {}

  public record StageTimes(Map<String, Object> filter, String approximateResolution, List<StageTime> stages) {}

  /** Up to this many completed passes of a stage the percentiles are exact (sorted passes), above approximate. */
  public static final long EXACT_DURATIONS_UP_TO = 1_000;

  /**
   * Completed passes only (a lead still in the stage has no duration yet); nearest-rank percentiles, from the
   * duration histogram (V019) for stages with many passes, unless a rep or a team comes with an attribute.
   */
  public StageTimes stageTimes(ReportFilter filter) {
    ReportQuery query = query(filter);
    Map<String, Long> histogram = !query.isRollup() ? Map.of() : reports.durationCounts(query).stream()
        .collect(Collectors.toMap(ReportMapper.StageCount::stage, ReportMapper.StageCount::passes));
    List<StageTime> stages = TIMED_STAGES.stream().map(stage -> {
      long counted = histogram.getOrDefault(stage, 0L);
      if (query.isRollup() && counted == 0) {       // none in the slices: no need to look for them per pass
        return new StageTime(stage, 0, null, null, false);
      }
      if (counted > EXACT_DURATIONS_UP_TO) {
        List<DurationHistogram.Bucket> buckets = reports.durationBuckets(query, stage);
        return new StageTime(stage, counted, DurationHistogram.percentile(buckets, 0.5, counted),
            DurationHistogram.percentile(buckets, 0.9, counted), true);
      }
      long passes = reports.countDurations(query, stage);
      return new StageTime(stage, passes,
          passes == 0 ? null : reports.durationAt(query, stage, Percentiles.nearestRankOffset(0.5, passes)),
          passes == 0 ? null : reports.durationAt(query, stage, Percentiles.nearestRankOffset(0.9, passes)),
          false);
    }).toList();
    return new StageTimes(filter.echo(), DurationHistogram.RESOLUTION, stages);
  }

  /**
   * {@code approximate}: the median and p90 are read from the working-time histogram (more than {@link
   * #EXACT_DURATIONS_UP_TO} timed leads in a rollup slice; {@link DurationHistogram#RESOLUTION}), otherwise exact.
   */
  public record SpeedToLead(Map<String, Object> filter, long leads, long contacted, Long medianBusinessSeconds,
      Long p90BusinessSeconds, boolean approximate, String approximateResolution) {}

  /**
   * Capture to the first call attempt or first contact, in the working time of the calendar of the team that
   * owned the lead when the contact was recorded (stored then: report_first_contact, V018). Cohort: leads
   * captured in the period; event: leads first contacted in the period. Nearest-rank percentiles. A filter of at
   * most one dimension counts from the rollups (V020) and reads the percentiles of more than {@link
   * #EXACT_DURATIONS_UP_TO} timed leads from their histogram.
   */
  public SpeedToLead speedToLead(ReportFilter filter) {
    ReportQuery query = query(filter);
    ReportMapper.SpeedCounts counts = query.isRollup() ? reports.speedRollup(query) : reports.speedCounts(query);
    long timed = counts.timed();
    if (query.isRollup() && timed > EXACT_DURATIONS_UP_TO) {
      List<DurationHistogram.Bucket> buckets = reports.contactBuckets(query);
      return new SpeedToLead(filter.echo(), counts.leads(), counts.contacted(),
          DurationHistogram.percentile(buckets, 0.5, timed), DurationHistogram.percentile(buckets, 0.9, timed), true,
          DurationHistogram.RESOLUTION);
    }
    return new SpeedToLead(filter.echo(), counts.leads(), counts.contacted(),
        timed == 0 ? null : reports.businessSecondsAt(query, Percentiles.nearestRankOffset(0.5, timed)),
        timed == 0 ? null : reports.businessSecondsAt(query, Percentiles.nearestRankOffset(0.9, timed)), false,
        DurationHistogram.RESOLUTION);
  }

  public record SlaLine(String slaType, long total, long met, long breached, long open, BigDecimal compliance) {}

  public record Slas(Map<String, Object> filter, List<SlaLine> slas) {}

  /**
   * Per SLA type; compliance = met / (met + breached), open clocks not counted. From the SLA rollup (V020) for a
   * filter that does not combine a rep or a team with channel, campaign, landing page or region.
   */
  public Slas slas(ReportFilter filter) {
    return new Slas(filter.echo(), reports.slas(query(filter)).stream()
        .map(s -> new SlaLine(s.slaType(), s.total(), s.met(), s.breached(), s.open(),
            rate(s.met(), s.met() + s.breached())))
        .toList());
  }

  public record CountLine(String reason, long count) {}

  public record Recycles(Map<String, Object> filter, long recycles, long recycledLeads, List<CountLine> byReason) {}

  public Recycles recycles(ReportFilter filter) {
    ReportQuery query = query(filter);
    List<CountLine> byReason = reports.recycleReasons(query).stream()
        .map(r -> new CountLine(r.reason(), r.count())).toList();
    long recycledLeads = reports.stageCounts(query).stream().filter(s -> s.stage().equals("RECYCLED"))
        .mapToLong(ReportMapper.StageCount::leads).sum();
    return new Recycles(filter.echo(), byReason.stream().mapToLong(CountLine::count).sum(), recycledLeads, byReason);
  }

  public record ObjectionLine(String channel, String objection, long count) {}

  public record Outcomes(Map<String, Object> filter, long won, long lost, List<CountLine> winReasons,
      List<CountLine> lossReasons, List<ObjectionLine> objectionsByChannel) {}

  public Outcomes outcomes(ReportFilter filter) {
    ReportQuery query = query(filter);
    Map<String, Long> leads = reports.stageCounts(query).stream()
        .collect(Collectors.toMap(ReportMapper.StageCount::stage, ReportMapper.StageCount::leads));
    return new Outcomes(filter.echo(), leads.getOrDefault("WON", 0L), leads.getOrDefault("LOST", 0L),
        reasons(query, "WON"), reasons(query, "LOST"),
        reports.objections(query).stream().map(o -> new ObjectionLine(o.channel(), o.objection(), o.count()))
            .toList());
  }

  public record Point(String period, long value) {}

  public record Trend(Map<String, Object> filter, String measure, String interval, List<Point> points) {}

  public enum Interval { DAY, WEEK, MONTH }

  /** One point per day, week (starting Monday) or month of the period, zeros included. */
  public Trend trend(ReportFilter filter, String measure, Interval interval) {
    Map<LocalDate, Long> values = new TreeMap<>();
    for (LocalDate day = bucket(filter.from(), interval); !day.isAfter(filter.to()); day = next(day, interval)) {
      values.put(day, 0L);
    }
    reports.trend(query(filter), TREND_MEASURES.get(measure))
        .forEach(p -> values.merge(bucket(LocalDate.parse(p.period()), interval), p.leads(), Long::sum));
    Map<String, Long> ordered = new LinkedHashMap<>();
    values.forEach((day, value) -> ordered.put(day.toString(), value));
    return new Trend(filter.echo(), measure, lower(interval), ordered.entrySet().stream()
        .map(e -> new Point(e.getKey(), e.getValue())).toList());
  }

  private List<CountLine> reasons(ReportQuery query, String stage) {
    return reports.closeReasons(query, stage).stream().map(r -> new CountLine(r.reason(), r.count())).toList();
  }

  static LocalDate bucket(LocalDate day, Interval interval) {
    return switch (interval) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  private static LocalDate next(LocalDate day, Interval interval) {
    return switch (interval) {
      case DAY -> day.plusDays(1);
      case WEEK -> day.plusWeeks(1);
      case MONTH -> day.plusMonths(1);
    };
  }

  private static Conversion conversion(String from, String to, Map<String, Long> leads) {
    return new Conversion(from, to, leads.get(from), leads.get(to), rate(leads.get(to), leads.get(from)));
  }

  /** A ratio with 4 decimals, null when the denominator is 0. */
  static BigDecimal rate(long numerator, long denominator) {
    return denominator == 0 ? null
        : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(java.util.Locale.ROOT);
  }
}
