package org.leadflow.bench.timers;

import org.leadflow.bench.BenchRun;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongUnaryOperator;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Many pending SLA timers, a burst falling due, on MariaDB/MySQL: how late the burst fires with the
 * engine's defaults and with what leadflow ships, in the same run (the machines are shared; only ratios
 * against the baseline of the same run mean anything).
 *
 * <pre>
 *   bash .ci/run --db-only                                   # MariaDB, connection in /tmp/leadflow-ci-db.env
 *   ./mvnw -q -pl bench compile exec:java@timers              # 100,000 pending, 1,000 due within a minute
 *   ./mvnw -q -pl bench compile exec:java@timers -Dexec.args="--pending 10000 --burst 200"   # quick
 * </pre>
 *
 * For every variant (defaults, + indexes, + acquisition by due date, + job-executor settings = leadflow):
 * drops every table of the database, boots the engine through Camunda's Spring Boot starter with the
 * app's own configuration files minus the levers the variant does not pull, applies {@code db/engine} as
 * the app does when the variant has the indexes, creates the pending timers (a user task with an
 * interrupting boundary timer per instance: {@code --template} of them through the engine, batched
 * engine calls in a few threads, the rest copies of their runtime rows in SQL, see
 * {@link Database#copyWaitingInstances}; due in 30 to ~130 days), then the burst (due on whole seconds spread over {@code --spread} seconds, starting
 * {@code --lead} seconds after creation), and lets the job executor fire them. A delegate records, when
 * each breach commits, wall clock minus due date. Prints a table and writes
 * {@code bench/results/timers-<UTC timestamp>.json} (and {@code latest-timers.json}).
 *
 * <p>Options: {@code --pending 100000 --burst 1000 --spread 60 --lead 15 --threads 4 --batch 250 --template 1000
 * --timeout 600} (seconds after the last due date) {@code --variants defaults,index,index-due-date,leadflow}.
 * The database comes from DB_URL, DB_USER, DB_PASSWORD or {@code /tmp/leadflow-ci-db.env}. Every table in
 * that database is dropped.
 */
public final class TimerBenchmark {

  private static final long DAY_MS = 86_400_000L;

  private final Map<String, String> options;
  private final Database database;
  private final LeadflowSettings settings;

  private TimerBenchmark(Map<String, String> options, Database database, LeadflowSettings settings) {
    this.options = options;
    this.database = database;
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = BenchRun.options(Map.of("pending", "100000", "burst", "1000", "spread", "60",
        "lead", "15", "threads", "4", "template", "1000", "batch", "250", "timeout", "600",
        "variants", "defaults,index,index-due-date,leadflow"), args);
    TimerBenchmark benchmark = new TimerBenchmark(options, Database.fromEnvironment(),
        new LeadflowSettings(BenchRun.repo()));
    BenchRun.writeResults("timers", benchmark.run());
    System.exit(0);   // the starter's and Hikari's threads are gone, but be sure
  }

  private int option(String name) {
    return Integer.parseInt(options.get(name));
  }

  private Map<String, Object> run() throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("startedAt", Instant.now().toString());
    report.put("machine", machine());
    report.put("options", options);
    report.put("leadflowJobExecutorSettings", settings.jobExecutorSettings());
    Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    for (String key : options.get("variants").split(",")) {
      Variant variant = Variant.ofKey(key);
      System.out.printf("%n== %s: %s%n", variant.key(), variant.description);
      results.put(variant.key(), measure(variant));
    }
    report.put("results", results);
    report.put("ratiosToDefaults", ratios(results));
    print(results);
    return report;
  }

  private Map<String, Object> machine() throws Exception {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(database.isMySql() ? "select version()" : "select h2version()")) {
      row.next();
      machine.put("database", (database.isMySql() ? "" : "H2 ") + row.getString(1));
    }
    return machine;
  }

  private Map<String, Object> measure(Variant variant) throws Exception {
    database.dropAllTables();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("description", variant.description);
    try (ConfigurableApplicationContext context = BenchEngine.start(database, settings.propertiesFor(variant))) {
      if (variant.indexes) {   // what EngineSchemaMigrations does in the app, from the same files
        Flyway.configure().dataSource(context.getBean(DataSource.class))
            .locations("filesystem:" + settings.migrations).table("lead_engine_schema_history")
            .baselineOnMigrate(true).baselineVersion("0").load().migrate();
      }
      ProcessEngine engine = context.getBean(ProcessEngine.class);
      FiringRecorder recorder = context.getBean(FiringRecorder.class);
      BenchEngine.deploySlaModel(engine);
      int pending = option("pending");
      int burst = option("burst");
      long spreadMs = option("spread") * 1000L;

      long started = System.currentTimeMillis();
      long farFuture = started + 30 * DAY_MS;
      int template = Math.min(pending, option("template"));
      createInstances(engine, template, i -> farFuture + i * 60_000L);   // one a minute from 30 days out
      int copies = pending / template - 1;
      if (copies > 0) {   // and a day later for each copy
        database.copyWaitingInstances(copies);
      }
      pending = template * (copies + 1);
      result.put("pending", pending);
      result.put("pendingCreatedByEngine", template);
      double creationSeconds = (System.currentTimeMillis() - started) / 1000.0;
      result.put("pendingCreatedPerSecond", round(pending / creationSeconds));
      System.out.printf("   %,d pending timers created in %.1f s (%.0f/s)%n", pending, creationSeconds,
          pending / creationSeconds);

      long firstDue = (System.currentTimeMillis() + option("lead") * 1000L) / 1000 * 1000 + 1000;
      result.put("pendingJobs", engine.getManagementService().createJobQuery().timers().count());
      createInstances(engine, burst, i -> (firstDue + i * spreadMs / burst) / 1000 * 1000);
      long lastDue = (firstDue + (burst - 1) * spreadMs / burst) / 1000 * 1000;
      long margin = firstDue - System.currentTimeMillis();
      result.put("burstCreatedMsBeforeFirstDue", margin);
      if (margin < 0) {   // the first timers were due before they existed: their lag counts creation time
        System.out.printf("   WARNING: burst created %d ms after its first due date; raise --lead%n", -margin);
      }
      System.out.printf("   %,d burst timers due %s .. %s (created %d ms before the first)%n", burst,
          Instant.ofEpochMilli(firstDue), Instant.ofEpochMilli(lastDue), margin);
      result.put("acquisitionPlan", database.explainAcquisition(variant.acquisitionByDueDate));

      long deadline = lastDue + option("timeout") * 1000L;
      while (recorder.fired.size() < burst && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
      }
      result.putAll(statistics(recorder.fired.values(), burst));
      result.put("jobsLeft", engine.getManagementService().createJobQuery().timers().count());
      System.out.printf("   fired %s of %,d: lag p50 %s ms, p99 %s ms, max %s ms; drain %s timers/s%n",
          result.get("fired"), burst, result.get("lagP50Ms"), result.get("lagP99Ms"), result.get("lagMaxMs"),
          result.get("drainPerSecond"));
    }
    return result;
  }

  /** Starts {@code count} SLA instances, {@code batch} per transaction, in {@code threads} threads. */
  private void createInstances(ProcessEngine engine, int count, LongUnaryOperator dueOf) throws Exception {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    RuntimeService runtime = engine.getRuntimeService();
    int batch = option("batch");
    ExecutorService threads = Executors.newFixedThreadPool(option("threads"));
    try {
      List<Future<?>> batches = new ArrayList<>();
      for (int from = 0; from < count; from += batch) {
        int first = from;
        int last = Math.min(count, from + batch);
        batches.add(threads.submit(() -> configuration.getCommandExecutorTxRequired().execute(commandContext -> {
          for (int i = first; i < last; i++) {   // one transaction, one flush for the whole batch
            runtime.startProcessInstanceByKey(BenchEngine.PROCESS_KEY, "lead-" + i,
                Map.of(FiringRecorder.DUE_VARIABLE, new Date(dueOf.applyAsLong(i))));
          }
          return null;
        })));
      }
      for (Future<?> done : batches) {
        done.get();
      }
    } finally {
      threads.shutdown();
    }
  }

  private static Map<String, Object> statistics(java.util.Collection<long[]> fired, int burst) {
    Map<String, Object> stats = new LinkedHashMap<>();
    long[][] firings = fired.toArray(long[][]::new);
    stats.put("fired", firings.length);
    if (firings.length == 0) {
      return stats;
    }
    long[] lags = Arrays.stream(firings).mapToLong(f -> f[1] - f[0]).sorted().toArray();
    long firstDue = Arrays.stream(firings).mapToLong(f -> f[0]).min().orElseThrow();
    long firstFired = Arrays.stream(firings).mapToLong(f -> f[1]).min().orElseThrow();
    long lastFired = Arrays.stream(firings).mapToLong(f -> f[1]).max().orElseThrow();
    stats.put("lagP50Ms", percentile(lags, 50));
    stats.put("lagP90Ms", percentile(lags, 90));
    stats.put("lagP99Ms", percentile(lags, 99));
    stats.put("lagMaxMs", lags[lags.length - 1]);
    stats.put("lagMinMs", lags[0]);
    // how long the burst waited for the executor's first look: the idle wait it was in, plus that acquisition
    stats.put("firstFiringAfterFirstDueMs", firstFired - firstDue);
    // while the burst drains: from its first due date to its last firing
    stats.put("drainSeconds", round((lastFired - firstDue) / 1000.0));
    stats.put("drainPerSecond", round(firings.length / Math.max(0.001, (lastFired - firstDue) / 1000.0)));
    stats.put("complete", firings.length == burst);
    return stats;
  }

  /** Nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static Map<String, Object> ratios(Map<String, Map<String, Object>> results) {
    Map<String, Object> ratios = new LinkedHashMap<>();
    Map<String, Object> base = results.get(Variant.DEFAULTS.key());
    if (base == null || !(base.get("lagP50Ms") instanceof Long)) {
      return ratios;
    }
    results.forEach((variant, result) -> {
      if (variant.equals(Variant.DEFAULTS.key()) || !(result.get("lagP50Ms") instanceof Long)) {
        return;
      }
      Map<String, Object> ratio = new LinkedHashMap<>();
      for (String metric : List.of("lagP50Ms", "lagP99Ms", "lagMaxMs", "drainPerSecond")) {
        ratio.put(metric, round(((Number) result.get(metric)).doubleValue()
            / Math.max(1e-9, ((Number) base.get(metric)).doubleValue())));
      }
      ratios.put(variant, ratio);
    });
    return ratios;
  }

  private static void print(Map<String, Map<String, Object>> results) {
    System.out.printf("%n%-16s %10s %6s %9s %9s %9s %9s %10s   %s%n", "variant", "created/s", "fired", "p50 ms",
        "p99 ms", "max ms", "drain/s", "p99/dflt", "acquisition plan (key, rows, extra)");
    Object baseP99 = results.containsKey(Variant.DEFAULTS.key())
        ? results.get(Variant.DEFAULTS.key()).get("lagP99Ms") : null;
    results.forEach((variant, r) -> {
      String ratio = baseP99 instanceof Long base && r.get("lagP99Ms") instanceof Long p99
          ? String.format("%.3f", p99 / Math.max(1.0, base)) : "-";
      System.out.printf("%-16s %10s %6s %9s %9s %9s %9s %10s   %s%n", variant, r.get("pendingCreatedPerSecond"),
          r.get("fired"), r.get("lagP50Ms"), r.get("lagP99Ms"), r.get("lagMaxMs"), r.get("drainPerSecond"), ratio,
          r.get("acquisitionPlan"));
    });
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
