package org.leadflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leadflow.capture.FieldError;

/**
 * The common query parameters of every {@code /api/reports/**} endpoint (see README, "Reports"), parsed
 * and checked: {@code from}/{@code to} (ISO dates, both inclusive, UTC days; default the last 30 days up
 * to today), {@code basis} (cohort|event), {@code semantics} (any|strict, the funnel's), {@code format}
 * (json|csv) and the dimensions {@code channel}, {@code campaign}, {@code landingPage}, {@code region},
 * {@code team}, {@code rep}. Blank values count as absent. Bad values: {@link InvalidReportFilterException}
 * naming every bad parameter (a 400 problem). Other parameters (an endpoint's own) are ignored here.
 */
public record ReportFilter(LocalDate from, LocalDate to, Basis basis, Semantics semantics, Format format,
    String channel, String campaign, String landingPage, String region, String team, String rep) {

  /** The longest period a report covers. */
  public static final int MAX_YEARS = 3;
  public static final int DEFAULT_DAYS = 30;

  /** cohort: leads captured in the period (everything they ever did counts); event: what happened in the period. */
  public enum Basis { COHORT, EVENT }

  /** any: a lead counts in every stage it reached; strict: only in the stages it reached in main-line order. */
  public enum Semantics { ANY, STRICT }

  public enum Format { JSON, CSV }

  /** Parses the request's parameters; {@code today} (UTC) anchors the default period. */
  public static ReportFilter parse(Map<String, String> params, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate to = date(params, "to", errors);
    LocalDate from = date(params, "from", errors);
    if (to == null && !errors.stream().anyMatch(e -> e.field().equals("to"))) {
      to = from != null && from.isAfter(today) ? from : today;
    }
    if (from == null && to != null && !errors.stream().anyMatch(e -> e.field().equals("from"))) {
      from = to.minusDays(DEFAULT_DAYS - 1L);
    }
    if (from != null && to != null) {
      if (from.isAfter(to)) {
        errors.add(new FieldError("from", "must not be after to (" + to + ")"));
      } else if (from.plusYears(MAX_YEARS).isBefore(to)) {
        errors.add(new FieldError("to", "the period may cover at most " + MAX_YEARS + " years"));
      }
    }
    Basis basis = choice(params, "basis", Basis.class, Basis.COHORT, errors);
    Semantics semantics = choice(params, "semantics", Semantics.class, Semantics.ANY, errors);
    Format format = choice(params, "format", Format.class, Format.JSON, errors);
    String channel = text(params, "channel", 40, errors);
    String campaign = text(params, "campaign", 200, errors);
    String landingPage = text(params, "landingPage", 500, errors);
    String region = text(params, "region", 100, errors);
    String team = text(params, "team", 40, errors);
    String rep = text(params, "rep", 64, errors);
    if (!errors.isEmpty()) {
      throw new InvalidReportFilterException(errors);
    }
    return new ReportFilter(from, to, basis, semantics, format, channel, campaign, landingPage, region, team, rep);
  }

  /** The first instant of the period (start of {@code from}, UTC). */
  public Instant start() {
    return from.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The first instant after the period (start of the day after {@code to}, UTC). */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public boolean cohort() {
    return basis == Basis.COHORT;
  }

  public boolean strict() {
    return semantics == Semantics.STRICT;
  }

  public boolean csv() {
    return format == Format.CSV;
  }

  /** How many days the period has. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The filter as the JSON echoes it ({@code "filter": {...}}); absent dimensions are null. */
  public Map<String, Object> echo() {
    Map<String, Object> echo = new LinkedHashMap<>();
    echo.put("from", from.toString());
    echo.put("to", to.toString());
    echo.put("basis", basis.name().toLowerCase(Locale.ROOT));
    echo.put("semantics", semantics.name().toLowerCase(Locale.ROOT));
    echo.put("channel", channel);
    echo.put("campaign", campaign);
    echo.put("landingPage", landingPage);
    echo.put("region", region);
    echo.put("team", team);
    echo.put("rep", rep);
    return echo;
  }

  private static LocalDate date(Map<String, String> params, String name, List<FieldError> errors) {
    String value = blankToNull(params.get(name));
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be an ISO date like 2026-11-01"));
      return null;
    }
  }

  private static <E extends Enum<E>> E choice(Map<String, String> params, String name, Class<E> type, E fallback,
      List<FieldError> errors) {
    String value = blankToNull(params.get(name));
    if (value == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(constant.name().toLowerCase(Locale.ROOT));
    }
    errors.add(new FieldError(name, "must be one of " + String.join(", ", allowed)));
    return fallback;
  }

  private static String text(Map<String, String> params, String name, int max, List<FieldError> errors) {
    String value = blankToNull(params.get(name));
    if (value != null && value.length() > max) {
      errors.add(new FieldError(name, "must be at most " + max + " characters"));
      return null;
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
