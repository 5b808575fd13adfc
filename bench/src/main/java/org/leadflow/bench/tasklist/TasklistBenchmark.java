package org.leadflow.bench.tasklist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.leadflow.bench.BenchRun;
import org.leadflow.bench.timers.Database;

/**
 * The SDR's Tasklist at 100,000 open tasks: boots the app jar ({@code demo,mysql}) on a fresh database,
 * drives {@code --template} hand-raisers through {@code leads.captured} until each has its SDR task, copies
 * their runtime rows in SQL ({@link OpenSdrTasks}) up to {@code --tasks}, and then times, as {@code sam}
 * (HTTP Basic), the requests Tasklist makes when an SDR opens the "SDR queue" filter: the filter's first
 * page ({@code POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15}, the same engine resource
 * Tasklist calls under {@code /camunda/api/engine}) and its count. Baseline of the same run: an
 * authenticated trivial request ({@code GET /engine-rest/version}), timed the same way.
 *
 * <pre>
 *   ./mvnw -q -pl bench compile exec:java@tasklist
 *   ./mvnw -q -pl bench compile exec:java@tasklist -Dexec.args="--template 200 --tasks 10000"   # quick
 * </pre>
 *
 * Options: {@code --template 1000 --tasks 100000 --requests 200 --warmup 30 --database leadflow_bench_tasklist
 * --broker-port 39192 --app-port 38181}. Every table of {@code --database} is dropped first.
 */
public final class TasklistBenchmark {

  private static final String GROUP = "sdr";

  private final Map<String, String> options;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private String base;

  private TasklistBenchmark(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String[] option : new String[][] {{"template", "1000"}, {"tasks", "100000"}, {"requests", "200"},
        {"warmup", "30"}, {"database", "leadflow_bench_tasklist"}, {"broker-port", "39192"},
        {"app-port", "38181"}, {"settle-timeout", "900"}}) {
      defaults.put(option[0], option[1]);
    }
    BenchRun.writeResults("tasklist", new TasklistBenchmark(BenchRun.options(defaults, args)).run());
  }

  private Map<String, Object> run() throws Exception {
    Path repo = BenchRun.repo();
    Database database = BenchRun.ownDatabase(options.get("database"));
    database.dropAllTables();
    int template = Integer.parseInt(options.get("template"));
    int target = Integer.parseInt(options.get("tasks"));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", Instant.now().toString());
    report.put("options", options);
    int appPort = Integer.parseInt(options.get("app-port"));
    base = "http://127.0.0.1:" + appPort;
    try (AppUnderTest app = AppUnderTest.start(repo, database, Integer.parseInt(options.get("broker-port")),
        appPort)) {
      OpenSdrTasks tasks = new OpenSdrTasks(database);
      System.out.printf("== %d hand-raisers through leads.captured%n", template);
      OpenSdrTasks.produceHandRaisers(app.bootstrap(), template);
      long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(options.get("settle-timeout"))).toNanos();
      long open;
      while ((open = tasks.countInDatabase(GROUP)) < template && System.nanoTime() < deadline) {
        Thread.sleep(500);   // a harness polling the database it measures
      }
      if (open < template) {
        throw new IllegalStateException("only " + open + " of " + template + " SDR tasks appeared");
      }
      int copies = Math.max(0, (int) Math.ceil((double) target / open) - 1);
      System.out.printf("== %d SDR tasks; copying them %d times%n", open, copies);
      long copyStart = System.nanoTime();
      Map<String, Long> inserted = tasks.copy(GROUP, copies);
      report.put("copiedRows", inserted);
      report.put("copySeconds", (System.nanoTime() - copyStart) / 1e9);
      String filterId = sdrQueueFilter();
      long engineCount = get("/engine-rest/filter/" + filterId + "/count").path("count").asLong();
      long databaseCount = tasks.countInDatabase(GROUP);
      System.out.printf("open SDR tasks: %d in the database, %d in sam's SDR queue (engine count)%n",
          databaseCount, engineCount);
      report.put("openTasksInDatabase", databaseCount);
      report.put("openTasksInSdrQueue", engineCount);

      int requests = Integer.parseInt(options.get("requests"));
      int warmup = Integer.parseInt(options.get("warmup"));
      Map<String, Object> latency = new LinkedHashMap<>();
      latency.put("baseline: GET /engine-rest/version", time(warmup, requests, () -> get("/engine-rest/version")));
      latency.put("SDR queue: first page (15)", time(warmup, requests,
          () -> post("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15", "{}")));
      latency.put("SDR queue: count", time(warmup, requests, () -> get("/engine-rest/filter/" + filterId + "/count")));
      double baselineP95 = (double) ((Map<?, ?>) latency.get("baseline: GET /engine-rest/version")).get("p95Ms");
      latency.values().forEach(value -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = (Map<String, Object>) value;
        figures.put("p95RatioToBaseline", Math.round((double) figures.get("p95Ms") / baselineP95 * 100) / 100.0);
      });
      report.put("latency", latency);
      System.out.printf("%n%-40s %8s %8s %8s %12s%n", "request (as sam)", "p50 ms", "p95 ms", "max ms", "p95 ÷ base");
      latency.forEach((name, value) -> {
        Map<?, ?> figures = (Map<?, ?>) value;
        System.out.printf("%-40s %8.1f %8.1f %8.1f %12.2f%n", name, figures.get("p50Ms"), figures.get("p95Ms"),
            figures.get("maxMs"), figures.get("p95RatioToBaseline"));
      });
    }
    report.put("finishedAt", Instant.now().toString());
    return report;
  }

  private String sdrQueueFilter() throws Exception {
    for (JsonNode filter : get("/engine-rest/filter?resourceType=Task")) {
      if (filter.path("name").asText().equals("SDR queue")) {
        return filter.path("id").asText();
      }
    }
    throw new IllegalStateException("sam sees no 'SDR queue' filter");
  }

  private interface Call {
    JsonNode call() throws Exception;
  }

  private Map<String, Object> time(int warmup, int requests, Call call) throws Exception {
    for (int i = 0; i < warmup; i++) {
      call.call();
    }
    double[] millis = new double[requests];
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      call.call();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("requests", requests);
    figures.put("p50Ms", round(millis[(int) Math.ceil(requests * 0.50) - 1]));
    figures.put("p95Ms", round(millis[(int) Math.ceil(requests * 0.95) - 1]));
    figures.put("maxMs", round(millis[requests - 1]));
    return figures;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private JsonNode get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  private JsonNode post(String path, String body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("sam:sam".getBytes(StandardCharsets.UTF_8)));
  }

  private JsonNode send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(request.method() + " " + request.uri() + ": " + response.statusCode() + " "
          + response.body());
    }
    return json.readTree(response.body());
  }
}
