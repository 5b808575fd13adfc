package org.leadflow.bench.reports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.leadflow.bench.BenchRun;
import org.leadflow.bench.tasklist.AppUnderTest;
import org.leadflow.bench.timers.Database;

/**
 * Issue 7 item 5: every {@code /api/reports/...} endpoint at 1,000,000 leads with their histories on MariaDB/MySQL.
 * Drops every table of {@code --database}, applies {@code db/migration} up to V013 with Flyway (the app's history
 * table), fills the base tables in bulk SQL ({@link ReportsData}), then boots the app jar ({@code demo,mysql}),
 * whose Flyway applies the later migrations (the reports read model and its backfill, timed from
 * {@code lead_schema_history}); then times, as {@code --user} (HTTP Basic), every report for typical filter
 * sets, against an authenticated trivial request ({@code GET /engine-rest/version}) in the same run.
 *
 * <pre>
 *   ./mvnw -q -pl app -am package -DskipTests -DskipUnitTests      # the jar the run boots
 *   ./mvnw -q -pl bench compile exec:java@reports
 *   ./mvnw -q -pl bench compile exec:java@reports -Dexec.args="--leads 100000"            # quick
 *   ./mvnw -q -pl bench compile exec:java@reports -Dexec.args="--generate false"          # same data again
 * </pre>
 *
 * Options: {@code --leads 1000000 --months 18 --chunk 50000 --generate true --requests 10 --warmup 2
 * --user mia --database leadflow_bench_reports --broker-port 39292 --app-port 38281}. A report whose first call
 * takes longer than 5 s is timed 3 times only.
 */
public final class ReportsBenchmark {

  private static final List<String> REPORTS = List.of("funnel", "quality", "stage-times", "speed-to-lead", "sla",
      "recycles", "outcomes", "trend", "pipeline", "revenue", "costs");

  private final Map<String, String> options;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String base;

  private ReportsBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String[] option : new String[][] {{"leads", "1000000"}, {"months", "18"}, {"chunk", "50000"},
        {"generate", "true"}, {"requests", "10"}, {"warmup", "2"}, {"user", "mia"},
        {"database", "leadflow_bench_reports"}, {"broker-port", "39292"}, {"app-port", "38281"}}) {
      defaults.put(option[0], option[1]);
    }
    BenchRun.writeResults("reports", new ReportsBenchmark(BenchRun.options(defaults, args)).run());
  }

  /** The filter sets: name → query (without the report's own parameters). */
  static Map<String, String> filterSets(LocalDate today, String campaign) {
    LocalDate quarterStart = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1)
        .minusMonths(3);
    String quarter = "from=" + quarterStart + "&to=" + quarterStart.plusMonths(3).minusDays(1);
    Map<String, String> sets = new LinkedHashMap<>();
    sets.put("last 30 days (default)", "");
    sets.put("last quarter", quarter);
    sets.put("last 12 months", "from=" + today.minusYears(1).plusDays(1) + "&to=" + today);
    sets.put("quarter, channel=sem", quarter + "&channel=sem");
    sets.put("quarter, campaign", quarter + "&campaign=" + campaign);
    sets.put("quarter, team=sales-north", quarter + "&team=sales-north");
    sets.put("quarter, rep=leo", quarter + "&rep=leo");
    sets.put("quarter, basis=event", quarter + "&basis=event");
    String year = "from=" + today.minusYears(1).plusDays(1) + "&to=" + today;
    sets.put("12 months, region=DACH", year + "&region=DACH");
    // several dimensions at once: the slices of the profiles they match (V022)
    sets.put("12 months, channel=sem & region=DACH", year + "&channel=sem&region=DACH");
    sets.put("quarter, campaign & rep=leo", quarter + "&campaign=" + campaign + "&rep=leo");
    sets.put("quarter, team=sales-north & rep=leo", quarter + "&team=sales-north&rep=leo");
    sets.put("12 months, channel=sem & region=DACH & team=sales-north", year
        + "&channel=sem&region=DACH&team=sales-north");
    return sets;
  }

  private Map<String, Object> run() throws Exception {
    Database database = BenchRun.ownDatabase(options.get("database"));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", Instant.now().toString());
    report.put("options", options);
    Instant now = Instant.now();
    if (Boolean.parseBoolean(options.get("generate"))) {
      database.dropAllTables();
      Flyway.configure().dataSource(database.url(), database.user(), database.password())
          .locations("filesystem:" + BenchRun.repo().resolve("db/migration")).table("lead_schema_history")
          .baselineOnMigrate(true).baselineVersion("0").target("13").load().migrate();
      System.out.printf("== %,d leads over %s months, bulk SQL%n", Integer.parseInt(options.get("leads")),
          options.get("months"));
      report.put("generation", new ReportsData(database, Integer.parseInt(options.get("leads")),
          Integer.parseInt(options.get("months")), now).generate(Integer.parseInt(options.get("chunk"))));
    }
    String campaign;
    try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
      report.put("leads", ReportsData.count(sql, "lead"));
      campaign = firstValue(sql, "select campaign from lead where campaign like 'sem-brand-%'"
          + " order by captured_at desc limit 1");
    }
    int appPort = Integer.parseInt(options.get("app-port"));
    base = "http://127.0.0.1:" + appPort;
    long bootStart = System.nanoTime();
    try (AppUnderTest app = AppUnderTest.start("reports", BenchRun.repo(), database,
        Integer.parseInt(options.get("broker-port")), appPort)) {
      report.put("appStartSeconds", Math.round((System.nanoTime() - bootStart) / 1e8) / 10.0);
      report.put("laterMigrations", laterMigrations(database));
      System.out.println("migrations after V013 (the app's Flyway): " + report.get("laterMigrations"));
      report.put("latency", measure(campaign));
    }
    report.put("finishedAt", Instant.now().toString());
    return report;
  }

  private static String firstValue(Statement sql, String query) throws Exception {
    try (ResultSet rows = sql.executeQuery(query)) {
      return rows.next() ? rows.getString(1) : "none";
    }
  }

  private static List<Map<String, Object>> laterMigrations(Database database) throws Exception {
    List<Map<String, Object>> migrations = new ArrayList<>();
    try (Connection connection = database.connect(); Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("select version, description, execution_time from lead_schema_history"
            + " where version is not null and cast(version as unsigned) > 13 order by installed_rank")) {
      while (rows.next()) {
        Map<String, Object> migration = new LinkedHashMap<>();
        migration.put("version", rows.getString(1));
        migration.put("description", rows.getString(2));
        migration.put("seconds", rows.getLong(3) / 1000.0);
        migrations.add(migration);
      }
    }
    return migrations;
  }

  private Map<String, Object> measure(String campaign) throws Exception {
    int requests = Integer.parseInt(options.get("requests"));
    int warmup = Integer.parseInt(options.get("warmup"));
    Map<String, Object> latency = new LinkedHashMap<>();
    Map<String, Object> baseline = time(warmup, requests, "/engine-rest/version");
    latency.put("baseline: GET /engine-rest/version", baseline);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    List<String[]> calls = new ArrayList<>();
    for (Map.Entry<String, String> set : filterSets(today, campaign).entrySet()) {
      for (String name : REPORTS) {
        String extra = name.equals("trend") ? "measure=won&interval=" + (set.getKey().contains("12 months")
            ? "month" : "week") : "";
        String query = String.join("&", List.of(set.getValue(), extra).stream().filter(s -> !s.isEmpty()).toList());
        calls.add(new String[] {name + " | " + set.getKey(), "/api/reports/" + name + (query.isEmpty() ? "" : "?" + query)});
      }
      if (set.getKey().equals("last quarter")) {
        calls.add(new String[] {"funnel strict | last quarter", "/api/reports/funnel?" + set.getValue()
            + "&semantics=strict"});
      }
    }
    calls.add(new String[] {"leaderboard | current month", "/api/reports/leaderboard"});
    calls.add(new String[] {"leaderboard | team=sales-north", "/api/reports/leaderboard?team=sales-north"});
    double baselineP95 = (double) baseline.get("p95Ms");
    System.out.printf("%n%-48s %8s %8s %8s %10s%n", "report | filter (as " + options.get("user") + ")", "p50 ms",
        "p95 ms", "max ms", "p95÷base");
    print("baseline: GET /engine-rest/version", baseline);
    for (String[] call : calls) {
      Map<String, Object> figures = time(warmup, requests, call[1]);
      if (figures.containsKey("p95Ms")) {
        figures.put("p95RatioToBaseline", Math.round((double) figures.get("p95Ms") / baselineP95 * 10) / 10.0);
      }
      latency.put(call[0], figures);
      print(call[0], figures);
    }
    return latency;
  }

  private static void print(String name, Map<String, Object> figures) {
    if (!figures.containsKey("p95Ms")) {
      System.out.printf("%-48s %s%n", name, figures.get("status"));
      return;
    }
    System.out.printf("%-48s %8.1f %8.1f %8.1f %10s%n", name, figures.get("p50Ms"), figures.get("p95Ms"),
        figures.get("maxMs"), figures.getOrDefault("p95RatioToBaseline", ""));
  }

  /** Warm-up calls, then {@code requests} timed ones (3 when the first call took over 5 s); non-2xx: status. */
  private Map<String, Object> time(int warmup, int requests, String path) throws Exception {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("path", path);
    long first = System.nanoTime();
    HttpResponse<String> response = get(path);
    double firstMs = (System.nanoTime() - first) / 1e6;
    if (response.statusCode() / 100 != 2) {
      figures.put("status", response.statusCode() + (response.statusCode() == 404 ? " (not there yet)" : " "
          + response.body().substring(0, Math.min(200, response.body().length()))));
      return figures;
    }
    figures.put("firstMs", round(firstMs));
    int timed = firstMs > 5000 ? 3 : requests;
    for (int i = 1; i < (firstMs > 5000 ? 0 : warmup); i++) {
      get(path);
    }
    double[] millis = new double[timed];
    for (int i = 0; i < timed; i++) {
      long start = System.nanoTime();
      get(path);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    figures.put("requests", timed);
    figures.put("p50Ms", round(millis[(int) Math.ceil(timed * 0.50) - 1]));
    figures.put("p95Ms", round(millis[(int) Math.ceil(timed * 0.95) - 1]));
    figures.put("maxMs", round(millis[timed - 1]));
    figures.put("bytes", response.body().length());
    return figures;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private HttpResponse<String> get(String path) throws Exception {
    String user = options.get("user");
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
