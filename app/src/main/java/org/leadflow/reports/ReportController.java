package org.leadflow.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The core funnel measures as JSON, or with {@code format=csv} their main table as a CSV attachment:
 * funnel, quality, stage times, speed to lead, SLA compliance, recycles, outcomes, trend. Every endpoint takes
 * the common filter ({@link ReportFilter}) and applies {@link ReportAccess}.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports", description = "Funnel measures over the read model (README, Reports)")
class ReportController {

  private final ReportService reports;
  private final ReportAccess access;
  private final Clock clock;

  ReportController(ReportService reports, ReportAccess access, Clock clock) {
    this.reports = reports;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping("/funnel")
  @Operation(summary = "Leads and passes per stage, conversions between the main-line stages, capture to won",
      description = "semantics=any (default): a lead counts in every stage it reached; strict: only in the stages "
          + "it reached in the order CAPTURED, VALID, MQL, SQL, SAL, OPPORTUNITY, WON.")
  @FilterParameters
  @Parameter(name = "semantics", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"any", "strict"}))
  ResponseEntity<?> funnel(Authentication user, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    ReportFilter filter = filter(user, params);
    ReportService.Funnel funnel = reports.funnel(filter);
    ReportTable table = new ReportTable("stage", "leads", "passes");
    funnel.stages().forEach(s -> table.row(s.stage(), s.leads(), s.passes()));
    return ReportTable.respond(filter, "funnel", funnel, table);
  }

  @GetMapping("/quality")
  @Operation(summary = "Captured, valid and invalid leads (by reason), valid rate = valid / captured")
  @FilterParameters
  ResponseEntity<?> quality(Authentication user, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    ReportFilter filter = filter(user, params);
    ReportService.Quality quality = reports.quality(filter);
    ReportTable table = new ReportTable("reason", "leads");
    quality.invalidByReason().forEach(r -> table.row(r.reason(), r.leads()));
    return ReportTable.respond(filter, "quality", quality, table);
  }

  @GetMapping("/stage-times")
  @Operation(summary = "Median and p90 time in each stage (completed passes, seconds, nearest rank)")
  @FilterParameters
  ResponseEntity<?> stageTimes(Authentication user,
      @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    ReportFilter filter = filter(user, params);
    ReportService.StageTimes times = reports.stageTimes(filter);
    ReportTable table = new ReportTable("stage", "passes", "medianSeconds", "p90Seconds", "approximate");
    times.stages().forEach(s -> table.row(s.stage(), s.passes(), s.medianSeconds(), s.p90Seconds(),
        s.approximate()));
    return ReportTable.respond(filter, "stage-times", times, table);
  }

  @GetMapping("/speed-to-lead")
  @Operation(summary = "Capture to first contact (call attempt or first contact) in the owner's team's business time",
      description = "The owner's team when the contact was recorded; median and p90 seconds, nearest rank. "
          + "cohort: leads captured in the period; event: leads first contacted in it. Unless a rep or a team "
          + "comes with channel, campaign, landing page or region, the figures come from the daily rollups and, above 1,000 timed leads, the median and p90 from a "
          + "histogram: approximate = true, approximateResolution says how close")
  @FilterParameters
  ResponseEntity<?> speedToLead(Authentication user,
      @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    ReportFilter filter = filter(user, params);
    ReportService.SpeedToLead speed = reports.speedToLead(filter);
    ReportTable table = new ReportTable("leads", "contacted", "medianBusinessSeconds", "p90BusinessSeconds",
        "approximate");
    table.row(speed.leads(), speed.contacted(), speed.medianBusinessSeconds(), speed.p90BusinessSeconds(),
        speed.approximate());
    return ReportTable.respond(filter, "speed-to-lead", speed, table);
  }

  @GetMapping("/sla")
  @Operation(summary = "SLA compliance per SLA type: met / (met + breached)",
      description = "met: closed without a breach (whatever the outcome); breached: a breach was recorded; open: "
          + "neither yet. Unless a rep or a team comes with an attribute, the counts come from the daily rollups (exact)")
  @FilterParameters
  ResponseEntity<?> sla(Authentication user, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    ReportFilter filter = filter(user, params);
    ReportService.Slas slas = reports.slas(filter);
    ReportTable table = new ReportTable("slaType", "total", "met", "breached", "open", "compliance");
    slas.slas().forEach(s -> table.row(s.slaType(), s.total(), s.met(), s.breached(), s.open(), s.compliance()));
    return ReportTable.respond(filter, "sla", slas, table);
  }

  @GetMapping("/recycles")
  @Operation(summary = "Recycles (passes of RECYCLED), recycled leads and the recycle reasons")
  @FilterParameters
  ResponseEntity<?> recycles(Authentication user, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    ReportFilter filter = filter(user, params);
    ReportService.Recycles recycles = reports.recycles(filter);
    ReportTable table = new ReportTable("reason", "count");
    recycles.byReason().forEach(r -> table.row(r.reason(), r.count()));
    return ReportTable.respond(filter, "recycles", recycles, table);
  }

  @GetMapping("/outcomes")
  @Operation(summary = "Won and lost leads, win and loss reasons, objections by channel",
      description = "won/lost: leads that entered the stage in the period; reasons: leads whose stage is that close "
          + "now, by the reason of their last close (event basis: with a pass of the stage in the period); "
          + "objections: activities (event basis: of the period). Unless a rep or a team comes with an attribute, "
          + "from the daily rollups (V019, V021, V022's profile slices), exact")
  @FilterParameters
  ResponseEntity<?> outcomes(Authentication user, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    ReportFilter filter = filter(user, params);
    ReportService.Outcomes outcomes = reports.outcomes(filter);
    ReportTable table = new ReportTable("kind", "channel", "reason", "count");
    outcomes.winReasons().forEach(r -> table.row("WIN", null, r.reason(), r.count()));
    outcomes.lossReasons().forEach(r -> table.row("LOSS", null, r.reason(), r.count()));
    outcomes.objectionsByChannel().forEach(o -> table.row("OBJECTION", o.channel(), o.objection(), o.count()));
    return ReportTable.respond(filter, "outcomes", outcomes, table);
  }

  @GetMapping("/trend")
  @Operation(summary = "A measure per day, week or month of the period")
  @FilterParameters
  @Parameter(name = "measure", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"captured", "valid", "mql",
      "sql", "sal", "opportunity", "won", "lost"}))
  @Parameter(name = "interval", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"day", "week", "month"}))
  ResponseEntity<?> trend(Authentication user, @Parameter(hidden = true) @RequestParam Map<String, String> params) {
    ReportFilter filter = filter(user, params);
    String measure = params.getOrDefault("measure", "captured").strip().toLowerCase(Locale.ROOT);
    if (!ReportService.TREND_MEASURES.containsKey(measure)) {
      throw new InvalidReportFilterException("measure",
          "must be one of captured, valid, mql, sql, sal, opportunity, won, lost");
    }
    ReportService.Interval interval;
    try {
      interval = ReportService.Interval.valueOf(params.getOrDefault("interval", "day").strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidReportFilterException("interval", "must be one of day, week, month");
    }
    ReportService.Trend trend = reports.trend(filter, measure, interval);
    ReportTable table = new ReportTable("period", "value");
    trend.points().forEach(p -> table.row(p.period(), p.value()));
    return ReportTable.respond(filter, "trend-" + measure, trend, table);
  }

  private ReportFilter filter(Authentication user, Map<String, String> params) {
    ReportFilter filter = ReportFilter.parse(params, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    access.check(user, filter);
    return filter;
  }

  /** The common filter's query parameters, for the OpenAPI description. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(name = "from", in = ParameterIn.QUERY, description = "first day (ISO date, UTC), default 29 days before to")
  @Parameter(name = "to", in = ParameterIn.QUERY, description = "last day (ISO date, UTC, inclusive), default today")
  @Parameter(name = "basis", in = ParameterIn.QUERY, description = "cohort: leads captured in the period; event: "
      + "passes and events in the period", schema = @Schema(allowableValues = {"cohort", "event"}))
  @Parameter(name = "channel", in = ParameterIn.QUERY, description = "lead source")
  @Parameter(name = "campaign", in = ParameterIn.QUERY)
  @Parameter(name = "landingPage", in = ParameterIn.QUERY)
  @Parameter(name = "region", in = ParameterIn.QUERY)
  @Parameter(name = "team", in = ParameterIn.QUERY, description = "leads ever assigned to a member of this team")
  @Parameter(name = "rep", in = ParameterIn.QUERY, description = "leads ever assigned to this user")
  @Parameter(name = "format", in = ParameterIn.QUERY, schema = @Schema(allowableValues = {"json", "csv"}))
  @interface FilterParameters {}
}
