package org.leadflow.bench.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadflow.bench.BenchRun;
import org.leadflow.bench.timers.Database;
import org.leadflow.bench.timers.LeadflowSettings;

/**
 * Intake throughput, hand-raiser latency and memory of leadflow, against a raw-engine baseline measured in
 * the same run on the same database (issue 8, item 1):
 *
 * <pre>
 *   ./mvnw -q -pl app -am package -DskipTests -DskipUnitTests   # the app jar under test
 *   ./mvnw -q -pl bench compile exec:java@intake                 # ~6-10 min; table on stdout, JSON in bench/results/
 *   ./mvnw -q -pl bench compile exec:java@intake -Dexec.args="--leads 1000 --rate-seconds 15"   # quicker
 * </pre>
 *
 * <ol>
 *   <li>Baseline: a fresh schema, the engine booted as the app configures it ({@link BaselineEngine}) starts
 *   a trivial process (three no-op service tasks, a user task) from {@code --threads} threads for
 *   {@code --baseline-seconds} after {@code --baseline-warmup}; then every table is dropped again.
 *   <li>A standalone Kafka broker (tools/kafka/standalone-broker.sh, fresh data directory) and the app jar
 *   (profiles demo,mysql) on that fresh database; {@code --warmup-leads} leads until they are through.
 *   <li>Max throughput: {@code --leads} leads of the realistic mix as fast as the producer can; leads/s from
 *   the first record produced until every distinct lead is committed with its lifecycle instance and the
 *   engine has no runnable job left (each instance at its first wait state); then exactly-once checks.
 *   <li>Hand-raiser latency: open loop at {@code --rates} (fractions of the max) for {@code --rate-seconds}
 *   each; produce timestamp to SDR task creation of the DEMO_REQUEST leads, p50/p99/max (clock: see
 *   {@link IntakeProbe}).
 *   <li>The app's RSS and heap after the runs.
 * </ol>
 *
 * The baseline's pool gets the Connector/J settings the app gives every MySQL/MariaDB pool
 * ({@code MySqlConnectionDefaults}: prepared-statement cache, batch rewriting), read from the app's source,
 * so that the ratio compares the engine with the same driver; {@code --baseline-driver plain} measures it
 * without them, {@code both} measures both (the ratios use the app's).
 *
 * Options: {@code --leads 3000 --warmup-leads 100 --threads 4 --baseline-warmup 5 --baseline-seconds 20
 * --baseline-driver app --rates 0.5,1.0 --rate-seconds 30 --duplicates 0.01 --poison 0.005 --events 0.3} (engagement events per
 * lead) {@code --seed 42 --database leadflow_bench_intake --broker-port 39092 --bootstrap} (an existing broker instead of starting one) {@code --app-port 38080 --app-jvm-args ""
 * --app-jar app/target/leadflow-app-0.1.0-SNAPSHOT.jar} (relative to the repository) {@code --settle-timeout 600}.
 * The server and credentials come from DB_URL, DB_USER, DB_PASSWORD or {@code /tmp/leadflow-ci-db.env};
 * the database name from {@code --database}, every table of which is dropped.
 */
public final class IntakeBenchmark {

  private static final String INTAKE_GROUP = "leadflow-intake";
  private static final String ENGAGEMENT_GROUP = "leadflow-engagement";

  private final Map<String, String> options;
  private final Path repo;
  private final Database database;
  private final IntakeProbe probe;

  private IntakeBenchmark(Map<String, String> options, Path repo, Database database) {
    this.options = options;
    this.repo = repo;
    this.database = database;
    this.probe = new IntakeProbe(database);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String[] option : new String[][] {{"leads", "3000"}, {"warmup-leads", "100"}, {"threads", "4"},
        {"baseline-warmup", "5"}, {"baseline-seconds", "20"}, {"rates", "0.5,1.0"}, {"rate-seconds", "30"},
        {"duplicates", "0.01"}, {"poison", "0.005"}, {"events", "0.3"}, {"seed", "42"},
        {"database", "leadflow_bench_intake"}, {"broker-port", "39092"}, {"bootstrap", ""}, {"app-port", "38080"},
        {"baseline-driver", "app"}, {"app-jvm-args", ""}, {"app-jar", "app/target/leadflow-app-0.1.0-SNAPSHOT.jar"},
        {"settle-timeout", "600"}}) {
      defaults.put(option[0], option[1]);
    }
    Map<String, String> options = BenchRun.options(defaults, args);
    Map<String, Object> report = new IntakeBenchmark(options, BenchRun.repo(),
        BenchRun.ownDatabase(options.get("database"))).run();
    BenchRun.writeResults("intake", report);
    System.exit(Boolean.TRUE.equals(report.get("exactlyOnce")) ? 0 : 1);
  }

  private int option(String name) {
    return Integer.parseInt(options.get(name));
  }

  private double decimal(String name) {
    return Double.parseDouble(options.get(name));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> run() throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", Instant.now().toString());
    report.put("machine", machine());
    report.put("options", options);
    report.put("database", database.url().replaceFirst("\\?.*", ""));

    String driver = options.get("baseline-driver");
    if (!List.of("app", "plain", "both").contains(driver)) {
      throw new IllegalArgumentException("--baseline-driver must be app, plain or both, was " + driver);
    }
    LeadflowSettings settings = new LeadflowSettings(repo);
    if (!driver.equals("app")) {
      System.out.printf("%n== baseline: raw engine, trivial process, %s threads, plain driver%n", options.get("threads"));
      database.dropAllTables();
      Map<String, Object> plain = BaselineEngine.measure(database, settings, Map.of(), option("threads"),
          option("baseline-warmup"), option("baseline-seconds"));
      report.put(driver.equals("plain") ? "baseline" : "baselinePlainDriver", plain);
      System.out.printf("baseline, plain driver: %s instances/s%n", plain.get("instancesPerSecond"));
    }
    if (!driver.equals("plain")) {
      System.out.printf("%n== baseline: raw engine, trivial process, %s threads, the app's driver settings %s%n",
          options.get("threads"), settings.connectorJDefaults());
      database.dropAllTables();
      report.put("baseline", BaselineEngine.measure(database, settings, settings.connectorJDefaults(),
          option("threads"), option("baseline-warmup"), option("baseline-seconds")));
    }
    database.dropAllTables();   // the app starts on a fresh schema
    Map<String, Object> baseline = (Map<String, Object>) report.get("baseline");
    double baselineRate = ((Number) baseline.get("instancesPerSecond")).doubleValue();
    System.out.printf("baseline: %.1f instances/s%n", baselineRate);

    KafkaBroker broker = options.get("bootstrap").isEmpty() ? KafkaBroker.start(repo, option("broker-port")) : null;
    String bootstrap = broker == null ? options.get("bootstrap") : broker.bootstrap();
    Path log = repo.resolve("bench/target/intake-app.log");
    Files.createDirectories(log.getParent());
    List<String> jvmArgs = options.get("app-jvm-args").isBlank() ? List.of()
        : Arrays.asList(options.get("app-jvm-args").trim().split("\\s+"));
    try (IntakeTraffic traffic = new IntakeTraffic(bootstrap, Long.parseLong(options.get("seed")),
        decimal("duplicates"), decimal("poison"), decimal("events"))) {
      System.out.printf("%n== leadflow app (demo,mysql) on %s, broker %s%n", database.url().replaceFirst("\\?.*", ""),
          bootstrap);
      try (LeadflowApp app = LeadflowApp.start(repo.resolve(options.get("app-jar")), database,
          bootstrap, option("app-port"), jvmArgs, log)) {
        report.put("appBootMs", app.bootMillis);
        report.put("appMemoryAfterBoot", app.memory());
        String tag = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);
        settle(traffic, traffic.asFastAsPossible(tag + "w", option("warmup-leads")), "warm-up");

        System.out.printf("%n== max throughput: %s leads as fast as the producer can%n", options.get("leads"));
        Map<String, Object> max = settle(traffic, traffic.asFastAsPossible(tag + "m", option("leads")), "max");
        double maxRate = ((Number) max.get("leadsPerSecond")).doubleValue();
        max.put("ratioToBaseline", ratio(maxRate, baselineRate));
        report.put("maxThroughput", max);

        Map<String, Object> openLoop = new LinkedHashMap<>();
        int phase = 0;
        for (String fraction : options.get("rates").split(",")) {
          double rate = Math.max(1, Double.parseDouble(fraction) * maxRate);
          System.out.printf("%n== open loop at %.0f %% of max: %.1f leads/s for %s s%n",
              Double.parseDouble(fraction) * 100, rate, options.get("rate-seconds"));
          IntakeTraffic.Batch batch = traffic.atFixedRate(tag + "r" + phase++, rate, option("rate-seconds"));
          Map<String, Object> result = new LinkedHashMap<>();
          result.put("offeredLeadsPerSecond", round(rate));
          result.putAll(settle(traffic, batch, "open loop " + fraction));
          result.put("ratioToBaseline", ratio(((Number) result.get("leadsPerSecond")).doubleValue(), baselineRate));
          result.put("handRaiserLatency", latencyStatistics(probe.handRaiserLatencies(batch), batch));
          openLoop.put(fraction, result);
        }
        report.put("openLoop", openLoop);
        report.put("sdrTaskClock", probe.precisionOfClocks());
        report.put("appMemoryAfterRuns", app.memory());
        report.put("appPid", app.pid());
      }
      report.put("producerSendFailures", traffic.sendFailures.get());
    } finally {
      if (broker != null) {
        broker.stop();
      }
    }
    report.put("loadAverageAtEnd", loadAverage());
    report.put("exactlyOnce", allExactlyOnce(report));
    print(report, baselineRate);
    return report;
  }

  /**
   * Waits until every distinct lead of the batch is committed with its instance and no job is runnable
   * (polled every 200 ms: the figure's resolution), then until the intake group has consumed every record,
   * and checks exactly-once.
   */
  private Map<String, Object> settle(IntakeTraffic traffic, IntakeTraffic.Batch batch, String phase)
      throws Exception {
    long deadline = System.currentTimeMillis() + option("settle-timeout") * 1000L;
    long settledAt = -1;
    long done = 0;
    try (Connection connection = probe.connect()) {
      while (System.currentTimeMillis() < deadline) {
        done = probe.leadsWithInstance(connection, batch.mix.sources());
        if (done >= batch.distinct() && probe.runnableJobs(connection) == 0) {
          settledAt = System.currentTimeMillis();
          break;
        }
        Thread.sleep(200);   // polling the database from outside the app
      }
      long lag = traffic.lag(INTAKE_GROUP, IntakeTraffic.CAPTURED);
      while (lag != 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
        lag = traffic.lag(INTAKE_GROUP, IntakeTraffic.CAPTURED);
      }
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("distinctLeads", batch.distinct());
      result.put("produceSeconds", round((batch.lastSendMs - batch.firstSendMs) / 1000.0));
      if (settledAt < 0) {
        result.put("settled", false);
        result.put("leadsWithInstanceAtTimeout", done);
      }
      double seconds = ((settledAt < 0 ? System.currentTimeMillis() : settledAt) - batch.firstSendMs) / 1000.0;
      result.put("firstProducedToAllSettledSeconds", round(seconds));
      result.put("leadsPerSecond", round(done / seconds));
      result.put("intakeLagAfter", lag);
      result.put("engagementLagAfter", traffic.lag(ENGAGEMENT_GROUP, IntakeTraffic.ENGAGEMENT));
      result.put("deadLetterRecordsTotal", traffic.records(IntakeTraffic.CAPTURED_DLT));
      result.put("incidents", probe.incidents(connection));
      Map<String, Object> check = probe.correctness(batch);
      result.put("exactlyOnce", IntakeProbe.exactlyOnce(check) && settledAt >= 0);
      result.put("check", check);
      System.out.printf("%s: %d distinct leads (+%d re-sends, %d poison, %d engagement) in %.1f s: %.1f leads/s,"
              + " exactly once: %s%n", phase, batch.distinct(), batch.duplicates, batch.poison, batch.events, seconds,
          done / seconds, result.get("exactlyOnce"));
      return result;
    }
  }

  private static Map<String, Object> latencyStatistics(List<Long> sorted, IntakeTraffic.Batch batch) {
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("handRaisersProduced", batch.handRaisers.size());
    stats.put("withSdrTask", sorted.size());   // the others were invalid (no consent)
    if (!sorted.isEmpty()) {
      stats.put("p50Ms", percentile(sorted, 50));
      stats.put("p90Ms", percentile(sorted, 90));
      stats.put("p99Ms", percentile(sorted, 99));
      stats.put("maxMs", sorted.get(sorted.size() - 1));
      stats.put("minMs", sorted.get(0));
    }
    return stats;
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(List<Long> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  @SuppressWarnings("unchecked")
  private static boolean allExactlyOnce(Map<String, Object> report) {
    List<Map<String, Object>> phases = new ArrayList<>();
    phases.add((Map<String, Object>) report.get("maxThroughput"));
    ((Map<String, Object>) report.get("openLoop")).values().forEach(phase -> phases.add((Map<String, Object>) phase));
    return phases.stream().allMatch(phase -> Boolean.TRUE.equals(phase.get("exactlyOnce")));
  }

  @SuppressWarnings("unchecked")
  private static void print(Map<String, Object> report, double baselineRate) {
    System.out.printf("%n%-34s %12s %10s %9s %9s %9s %s%n", "measurement", "leads/s", "÷ baseline", "p50 ms",
        "p99 ms", "max ms", "exactly once");
    System.out.printf("%-34s %12.1f %10s %9s %9s %9s %s%n", "baseline (raw engine, trivial)", baselineRate, "1.00",
        "", "", "", "");
    Map<String, Object> max = (Map<String, Object>) report.get("maxThroughput");
    System.out.printf("%-34s %12.1f %10.3f %9s %9s %9s %s%n", "intake, max throughput", max.get("leadsPerSecond"),
        max.get("ratioToBaseline"), "", "", "", max.get("exactlyOnce"));
    ((Map<String, Object>) report.get("openLoop")).forEach((fraction, value) -> {
      Map<String, Object> phase = (Map<String, Object>) value;
      Map<String, Object> latency = (Map<String, Object>) phase.get("handRaiserLatency");
      System.out.printf("%-34s %12.1f %10.3f %9s %9s %9s %s%n",
          String.format("open loop %s × max (%.1f/s offered)", fraction, phase.get("offeredLeadsPerSecond")),
          phase.get("leadsPerSecond"), phase.get("ratioToBaseline"), latency.getOrDefault("p50Ms", "-"),
          latency.getOrDefault("p99Ms", "-"), latency.getOrDefault("maxMs", "-"), phase.get("exactlyOnce"));
    });
    Map<String, Object> memory = (Map<String, Object>) report.get("appMemoryAfterRuns");
    System.out.printf("app after the runs: RSS %s MB (peak %s MB), heap used %s MB of %s MB committed; boot %s ms%n",
        memory.get("rssMb"), memory.get("rssPeakMb"), memory.get("heapUsedMb"), memory.get("heapCommittedMb"),
        report.get("appBootMs"));
  }

  private Map<String, Object> machine() throws Exception {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("loadAverageAtStart", loadAverage());
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select version()")) {
      row.next();
      machine.put("database", row.getString(1));
    }
    return machine;
  }

  private static String loadAverage() throws java.io.IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.isReadable(loadavg) ? Files.readString(loadavg).trim() : "unknown";
  }

  private static double ratio(double value, double baseline) {
    return baseline == 0 ? 0 : Math.round(value / baseline * 1000) / 1000.0;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
