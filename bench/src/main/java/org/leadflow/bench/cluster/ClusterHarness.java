package org.leadflow.bench.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.leadflow.bench.BenchRun;
import org.leadflow.bench.timers.Database;
import org.leadflow.bench.intake.IntakeProbe;
import org.leadflow.bench.intake.IntakeTraffic;
import org.leadflow.bench.intake.KafkaBroker;
import org.leadflow.bench.intake.LeadflowApp;

/**
 * Two leadflow nodes as separate JVMs (the app jar, profiles {@code demo,mysql}, job executor on in both) on
 * one MariaDB database and one standalone Kafka broker whose topics have several partitions: Camunda's
 * cluster model (a shared database, job locks) plus one Kafka consumer group. Faults are real: {@code kill -9}
 * of a node, the broker process stopped and started, the database server stopped and started. After each
 * scenario a reconciliation over the database, the engine and the topics (issue 9, items 1 and 2):
 *
 * <pre>
 *   ./mvnw -q -pl app -am package -DskipTests -DskipUnitTests   # the app jar
 *   ./mvnw -q -pl bench compile exec:java@cluster                # run by .ci/run; ~10-15 min on 2 cores
 *   ./mvnw -q -pl bench compile exec:java@cluster -Dexec.args="--leads 1000 --kills 1"   # quicker
 * </pre>
 *
 * <ol>
 *   <li><b>crash</b>: {@code --leads} distinct leads with {@code --duplicates} exact re-sends and
 *   {@code --poison} malformed records while node B is killed with {@code kill -9} {@code --kills} times,
 *   {@code --kill-interval} seconds apart, and started again each time. Afterwards: exactly one lead per
 *   distinct lead, one lifecycle instance per lead, one open SDR task per lead in the SDR queue, the poison in
 *   the DLT, no runnable job left once the crashed node's job locks ran out ({@code --lock-seconds}), no
 *   incidents.
 *   <li><b>broker</b>: {@code --phase-leads} leads while the broker is stopped for {@code --outage-seconds} and
 *   started again; the same reconciliation.
 *   <li><b>database</b>: {@code --phase-leads} leads while the database server is stopped for
 *   {@code --outage-seconds} ({@code --db-stop}/{@code --db-start} commands, default {@code service mariadb});
 *   the same reconciliation.
 *   <li><b>contention</b>: the SDR tasks of {@code --contention-leads} new leads completed through node A and B in
 *   turn while engagement events for the same leads (one of three sent twice) reach whichever node: no incident,
 *   every completion 204, every event stored once and attached.
 *   <li><b>timers</b>: both nodes restarted with SLAs sped up 60 times on around-the-clock calendars,
 *   {@code --timer-leads} leads, node B killed once they are in; after {@code --timer-wait} seconds of node A
 *   alone every SLA tier that fell due has fired, each exactly once per SLA instance, with one lifecycle event.
 * </ol>
 *
 * The server and credentials come from DB_URL, DB_USER, DB_PASSWORD or {@code /tmp/leadflow-ci-db.env}, the
 * database from {@code --database} (it must exist; every table in it is dropped). Exit code 1 when any check
 * fails. A table on stdout, JSON in {@code bench/results/cluster-*.json}.
 */
public final class ClusterHarness {

  /** The app's consumer group on leads.captured (KafkaTopicsProperties). */
  private static final String INTAKE_GROUP = "leadflow-intake";

  private final Map<String, String> options;
  private final Path repo;
  private final Database database;
  private final IntakeProbe probe;
  private final List<String> failures = new ArrayList<>();
  private final long lockMillis;
  private LeadflowApp nodeA;
  private LeadflowApp nodeB;
  private KafkaBroker broker;
  private int nodeBStarts;
  /** From the timer phase on: SLAs sped up 60 times on around-the-clock calendars (as the fast-sla profile). */
  private boolean fastSla;

  private ClusterHarness(Map<String, String> options, Path repo, Database database) {
    this.options = options;
    this.repo = repo;
    this.database = database;
    this.probe = new IntakeProbe(database);
    this.lockMillis = TimeUnit.SECONDS.toMillis(Long.parseLong(options.get("lock-seconds")));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String[] option : new String[][] {{"leads", "10000"}, {"duplicates", "0.01"}, {"poison", "20"},
        {"events", "0.2"}, {"kills", "3"}, {"kill-interval", "45"}, {"phase-leads", "1000"}, {"outage-seconds", "10"},
        {"lock-seconds", "20"}, {"partitions", "6"}, {"seed", "7"}, {"database", "leadflow_cluster"},
        {"broker-port", "39192"}, {"ports", "38181,38182"}, {"phases", "crash,broker,database,contention,timers"}, {"contention-leads", "400"}, {"timer-leads", "300"}, {"timer-wait", "150"},
        {"db-stop", "service mariadb stop"}, {"db-start", "service mariadb start"}, {"settle-timeout", "1200"},
        {"app-jvm-args", "-Xmx512m"}}) {
      defaults.put(option[0], option[1]);
    }
    Map<String, String> options = BenchRun.options(defaults, args);
    ClusterHarness harness = new ClusterHarness(options, BenchRun.repo(), BenchRun.ownDatabase(options.get("database")));
    Map<String, Object> report = harness.run();
    BenchRun.writeResults("cluster", report);
    System.exit(harness.failures.isEmpty() ? 0 : 1);
  }

  private Map<String, Object> run() throws Exception {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("options", options);
    database.dropAllTables();
    broker = KafkaBroker.start(repo, Path.of("/tmp/leadflow-bench-cluster-kafka"),
        Integer.parseInt(options.get("broker-port")));
    try (IntakeTraffic traffic = new IntakeTraffic(broker.bootstrap(), Long.parseLong(options.get("seed")),
        Double.parseDouble(options.get("duplicates")), 0.0, Double.parseDouble(options.get("events")))) {
      // one at a time: the first node creates the schema, the demo users and the topics
      nodeA = startNode(0);
      nodeB = startNode(1);
      report.put("bootMillis", List.of(nodeA.bootMillis, nodeB.bootMillis));
      for (String phase : options.get("phases").split(",")) {
        long started = System.nanoTime();
        Map<String, Object> result = switch (phase.trim()) {
          case "crash" -> crash(traffic);
          case "broker" -> brokerOutage(traffic);
          case "database" -> databaseOutage(traffic);
          case "contention" -> contention(traffic);
          case "timers" -> timersWhileANodeIsDown(traffic);
          default -> throw new IllegalArgumentException("unknown phase " + phase);
        };
        result.put("seconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        report.put(phase.trim(), result);
        print(phase.trim(), result);
      }
    } finally {
      for (LeadflowApp node : new LeadflowApp[] {nodeA, nodeB}) {
        if (node != null) {
          node.close();
        }
      }
      broker.stop();
    }
    report.put("failures", failures);
    System.out.println(failures.isEmpty() ? "\nALL CHECKS PASSED" : "\nFAILED:\n  " + String.join("\n  ", failures));
    return report;
  }

  /** Leads while node B is killed and restarted; recovery = from the kill until B answers healthy again. */
  private Map<String, Object> crash(IntakeTraffic traffic) throws Exception {
    int leads = Integer.parseInt(options.get("leads"));
    IntakeTraffic.Batch batch = traffic.asFastAsPossible("crash", leads);
    traffic.poison(batch, Integer.parseInt(options.get("poison")));
    List<Long> recoveryMillis = new ArrayList<>();
    int kills = Integer.parseInt(options.get("kills"));
    for (int kill = 0; kill < kills; kill++) {
      TimeUnit.SECONDS.sleep(Long.parseLong(options.get("kill-interval")));
      long killedAt = System.nanoTime();
      nodeB.kill();
      log("killed node B (kill -9) with %d of %d leads in", leadsIn(batch), batch.distinct());
      nodeB = startNode(1);
      recoveryMillis.add((System.nanoTime() - killedAt) / 1_000_000);
    }
    Map<String, Object> result = settleAndReconcile(batch, traffic, Integer.parseInt(options.get("poison")));
    result.put("kills", kills);
    result.put("recoveryMillis", recoveryMillis);
    return result;
  }

  /**
   * Engagement events and task completions on the same leads from both nodes at once: every SDR task of
   * {@code --contention-leads} new leads completed through the engine REST of node A or B in turn, while three
   * engagement events per lead (one sent twice) go through Kafka to whichever node holds the partition. Then no
   * incident (no optimistic-locking failure left over), every completion answered 204, every event stored once
   * and attached to its lead, no SDR task left open on a completed lead.
   */
  private Map<String, Object> contention(IntakeTraffic traffic) throws Exception {
    long dltBefore = traffic.records(IntakeTraffic.CAPTURED_DLT);
    IntakeTraffic.Batch batch = traffic.asFastAsPossible("contention",
        Integer.parseInt(options.get("contention-leads")));
    settleAndReconcile(batch, traffic, dltBefore);
    String leadsOfRun = "select id from lead where source in ('" + String.join("','", batch.mix.sources()) + "')";
    Map<String, String> emailByTask = new LinkedHashMap<>();
    try (Connection connection = probe.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select t.ID_, l.email from ACT_RU_TASK t join ACT_RU_EXECUTION e"
            + " on e.ID_ = t.PROC_INST_ID_ join lead l on l.id = e.BUSINESS_KEY_ where t.TASK_DEF_KEY_ = 'Task_QualifyLead'"
            + " and l.id in (" + leadsOfRun + ")")) {
      while (rows.next()) {
        emailByTask.put(rows.getString(1), rows.getString(2));
      }
    }
    String completion = "{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\",\"type\":\"String\"},"
        + "\"realNeed\":{\"value\":true,\"type\":\"Boolean\"},"
        + "\"qualification\":{\"value\":\"SALES_READY\",\"type\":\"String\"}}}";
    Map<Integer, Integer> statuses = new TreeMap<>();
    int eventsBefore = batch.events;
    int i = 0;
    for (Map.Entry<String, String> task : emailByTask.entrySet()) {
      // the events first, so that they race the completion on the other node
      for (int e = 0; e < 3; e++) {
        traffic.engagement(batch, task.getValue(), e == 0);
      }
      traffic.flush();
      LeadflowApp node = i++ % 2 == 0 ? nodeA : nodeB;
      statuses.merge(node.post("/engine-rest/task/" + task.getKey() + "/complete", "demo", completion), 1, Integer::sum);
    }
    int events = batch.events - eventsBefore;
    Map<String, Object> result = settleAndReconcile(batch, traffic, dltBefore);
    String run = batch.mix.run();
    try (Connection connection = probe.connect(); Statement statement = connection.createStatement()) {
      // the events of the race (the intake's own mix before them includes anonymous visitors)
      List<String> raced = new ArrayList<>();
      for (int e = eventsBefore; e < batch.events; e++) {
        raced.add("'demo-" + run + "-" + e + "'");
      }
      String racedIds = "event_id in (" + String.join(",", raced) + ")";
      long stored = count(statement, "select count(*) from lead_engagement_event where " + racedIds);
      long attached = count(statement, "select count(*) from lead_engagement_event where " + racedIds
          + " and lead_id is not null");
      long stillOpen = count(statement, "select count(*) from ACT_RU_TASK where ID_ in ('"
          + String.join("','", emailByTask.keySet()) + "')");
      result.put("tasksCompletedFromBothNodes", emailByTask.size());
      result.put("completionStatuses", statuses);
      result.put("engagementEventsSent", events);
      result.put("engagementEventsStored", stored);
      result.put("engagementEventsAttached", attached);
      result.put("completedTasksStillOpen", stillOpen);
      // sales-ready leads whose whole sales team was at capacity: they wait for routing again, not as incidents
      result.put("salesReadyLeadsWaitingForAFreeRep", count(statement, "select count(*) from ACT_RU_EXECUTION e"
          + " join ACT_RU_EXECUTION p on p.ID_ = e.PROC_INST_ID_ where e.ACT_ID_ = 'Event_SalesRepCapacityRetryDue'"
          + " and p.BUSINESS_KEY_ in (" + leadsOfRun + ")"));
      if (emailByTask.isEmpty()) {
        failures.add(run + ": no SDR task to complete: nothing was tested");
      }
      expect(run, "completions answered 204", statuses.getOrDefault(204, 0), emailByTask.size());
      expect(run, "engagement events stored (each once)", stored, events);
      expect(run, "engagement events attached to their lead", attached, events);
      expect(run, "completed SDR tasks still open", stillOpen, 0);
    }
    return result;
  }

  /**
   * SLA timers that fall due while node B is down: both nodes restarted with SLAs sped up 60 times on
   * around-the-clock calendars, {@code --timer-leads} leads, node B killed once they are in, and for
   * {@code --timer-wait} seconds node A alone fires what falls due. Then every SLA tier that was due has fired
   * exactly once: one tier event and one lifecycle event per tier, none twice.
   */
  private Map<String, Object> timersWhileANodeIsDown(IntakeTraffic traffic) throws Exception {
    nodeA.close();
    nodeB.close();
    fastSla = true;
    nodeA = startNode(0);
    nodeB = startNode(1);
    long dltBefore = traffic.records(IntakeTraffic.CAPTURED_DLT);
    IntakeTraffic.Batch batch = traffic.asFastAsPossible("timers", Integer.parseInt(options.get("timer-leads")));
    Map<String, Object> result = settleAndReconcile(batch, traffic, dltBefore);
    nodeB.kill();
    long killedAt = System.currentTimeMillis();
    log("killed node B (kill -9); node A alone for %s s", options.get("timer-wait"));
    TimeUnit.SECONDS.sleep(Long.parseLong(options.get("timer-wait")));
    String run = batch.mix.run();
    try (Connection connection = probe.connect(); Statement statement = connection.createStatement()) {
      String leadsOfRun = "select id from lead where source in ('" + String.join("','", batch.mix.sources()) + "')";
      // what was due a lock time ago must have fired (a job node B held when it died waits for its lock)
      String dueBy = "timestampadd(SECOND, -" + (lockMillis / 1000 + 10) + ", now())";
      long remindersDue = count(statement, "select count(*) from lead_sla where lead_id in (" + leadsOfRun + ")"
          + " and remind_at <= " + dueBy + " and (ended_at is null or ended_at > remind_at)");
      long breachesDue = count(statement, "select count(*) from lead_sla where lead_id in (" + leadsOfRun + ")"
          + " and due_at <= " + dueBy + " and (ended_at is null or ended_at > due_at)");
      long reminders = count(statement, "select count(*) from lead_sla_event where tier = 'REMINDER' and lead_id in ("
          + leadsOfRun + ")");
      long breaches = count(statement, "select count(*) from lead_sla_event where tier = 'BREACH' and lead_id in ("
          + leadsOfRun + ")");
      // a tier fires once per SLA instance (a reassignment starts a new instance, whose tiers fire again)
      long twice = count(statement, "select count(*) from (select lead_id, sla_type, tier, count(*) fired from"
          + " lead_sla_event where lead_id in (" + leadsOfRun + ") group by lead_id, sla_type, tier) e join (select"
          + " lead_id, sla_type, count(*) instances from lead_sla where lead_id in (" + leadsOfRun + ") group by lead_id,"
          + " sla_type) i on i.lead_id = e.lead_id and i.sla_type = e.sla_type where e.fired > i.instances");
      long tiersOnInstances = count(statement, "select coalesce(sum(case when tiers_fired = '' then 0 else"
          + " length(tiers_fired) - length(replace(tiers_fired, ',', '')) + 1 end), 0) from lead_sla where lead_id in ("
          + leadsOfRun + ")");
      long firedByA = count(statement, "select count(*) from lead_sla_event where lead_id in (" + leadsOfRun + ")"
          + " and occurred_at > timestampadd(SECOND, " + (lockMillis / 1000 + 1) + ", from_unixtime(" + killedAt / 1000
          + "))");
      long tierEvents = count(statement, "select count(*) from lead_sla_event where lead_id in (" + leadsOfRun + ")");
      long lifecycleEvents = count(statement, "select count(*) from lead_event_outbox where event_type in ("
          + "'SlaReminderSent', 'SlaBreached', 'SlaEscalated', 'SlaReassigned', 'SlaRecycled') and lead_id in ("
          + leadsOfRun + ")");
      long incidents = probe.incidents(connection);
      result.put("slaRemindersDue", remindersDue);
      result.put("slaRemindersFired", reminders);
      result.put("slaBreachesDue", breachesDue);
      result.put("slaBreachesFired", breaches);
      result.put("tiersFiredTwice", twice);
      result.put("tierEventsFiredByNodeAAloneAfterTheLockTime", firedByA);
      result.put("incidentsAfterTimers", incidents);
      if (reminders < remindersDue || breaches < breachesDue) {
        failures.add(run + ": SLA tiers due while node B was down did not all fire (reminders " + reminders + "/"
            + remindersDue + ", breaches " + breaches + "/" + breachesDue + ")");
      }
      if (breachesDue == 0) {
        failures.add(run + ": no SLA fell due in the timer phase: nothing was tested (raise --timer-wait)");
      }
      result.put("tierEvents", tierEvents);
      result.put("lifecycleEventsOfTiers", lifecycleEvents);
      result.put("tiersRecordedOnTheInstances", tiersOnInstances);
      expect(run, "SLA tiers fired twice", twice, 0);
      expect(run, "tier events against the tiers the instances recorded", tierEvents, tiersOnInstances);
      expect(run, "lifecycle events of SLA tiers (one per tier)", lifecycleEvents, tierEvents);
      expect(run, "incidents after the timers", incidents, 0);
    }
    return result;
  }

  /** Something stopped and started again while leads come in. */
  private interface Action {
    void run() throws Exception;
  }

  private Map<String, Object> brokerOutage(IntakeTraffic traffic) throws Exception {
    return outage(traffic, "broker", broker::stop, broker::startAgain);
  }

  private Map<String, Object> databaseOutage(IntakeTraffic traffic) throws Exception {
    Map<String, Object> result = outage(traffic, "database", () -> shell(options.get("db-stop")),
        () -> shell(options.get("db-start")));
    result.put("nodesAlive", List.of(nodeA.isAlive(), nodeB.isAlive()));
    if (!nodeA.isAlive() || !nodeB.isAlive()) {
      failures.add("database: a node died during the database outage");
    }
    return result;
  }

  private Map<String, Object> outage(IntakeTraffic traffic, String what, Action stop, Action start) throws Exception {
    long dltBefore = traffic.records(IntakeTraffic.CAPTURED_DLT);
    IntakeTraffic.Batch batch = traffic.asFastAsPossible(what, Integer.parseInt(options.get("phase-leads")));
    TimeUnit.SECONDS.sleep(2);   // the outage starts while the leads still come in
    int inBefore = leadsIn(batch);
    stop.run();
    log("%s stopped with %d of %d leads in", what, inBefore, batch.distinct());
    TimeUnit.SECONDS.sleep(Long.parseLong(options.get("outage-seconds")));
    start.run();
    log("%s started again", what);
    Map<String, Object> result = settleAndReconcile(batch, traffic, dltBefore);
    result.put("leadsInWhenStopped", inBefore);
    return result;
  }

  /**
   * Waits until every distinct lead of the batch is in with its instance, both consumer groups have no lag and,
   * after the job lock time, no job is runnable; then checks.
   */
  private Map<String, Object> settleAndReconcile(IntakeTraffic.Batch batch, IntakeTraffic traffic, long expectedDlt)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(options.get("settle-timeout")));
    long lastLockAt = System.currentTimeMillis();
    List<String> sources = batch.mix.sources();
    for (;;) {
      long withInstance;
      long runnable;
      try (Connection connection = probe.connect()) {
        withInstance = probe.leadsWithInstance(connection, sources);
        runnable = probe.runnableJobs(connection);
      } catch (SQLException databaseAway) {
        withInstance = -1;
        runnable = -1;
      }
      // not the consumer group's lag: an offset commit that failed while the broker was away stays behind until
      // the next record or rebalance (those records come again and are recognised as re-sends), so lag > 0 is
      // no loss; what counts is that every lead and every dead letter is there
      boolean consumed = fromBroker(() -> traffic.records(IntakeTraffic.CAPTURED_DLT)) >= expectedDlt;
      if (withInstance == batch.distinct() && runnable == 0 && consumed
          && System.currentTimeMillis() - lastLockAt > lockMillis) {
        break;
      }
      if (runnable != 0) {
        lastLockAt = System.currentTimeMillis();
      }
      if (System.nanoTime() > deadline) {
        failures.add(batch.mix.run() + ": not settled within " + options.get("settle-timeout") + " s (leads with instance "
            + withInstance + "/" + batch.distinct() + ", runnable jobs " + runnable + ", dead letters in " + consumed + ")");
        break;
      }
      TimeUnit.SECONDS.sleep(2);
    }
    Map<String, Object> check = probe.correctness(batch);
    if (!IntakeProbe.exactlyOnce(check)) {
      failures.add(batch.mix.run() + ": leads not exactly once: " + check);
    }
    try (Connection connection = probe.connect(); Statement statement = connection.createStatement()) {
      String leadsOfRun = "select id from lead where source in ('" + String.join("','", sources) + "')";
      long instancesNotOne = count(statement, "select count(*) from (select l.id from lead l left join ACT_HI_PROCINST p"
          + " on p.BUSINESS_KEY_ = l.id and p.PROC_DEF_KEY_ = 'lead-lifecycle' where l.id in (" + leadsOfRun + ")"
          + " group by l.id having count(p.ID_) <> 1) wrong");
      long sdrQueue = count(statement, "select count(*) from lead where stage = 'MQL' and id in (" + leadsOfRun + ")");
      long sdrTasks = count(statement, "select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_"
          + " where t.TASK_DEF_KEY_ = 'Task_QualifyLead' and e.BUSINESS_KEY_ in (" + leadsOfRun + ")");
      long leadsWithTwoTasks = count(statement, "select count(*) from (select e.BUSINESS_KEY_ from ACT_RU_TASK t"
          + " join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where e.BUSINESS_KEY_ in (" + leadsOfRun + ")"
          + " group by e.BUSINESS_KEY_, t.TASK_DEF_KEY_ having count(*) > 1) doubled");
      long incidents = probe.incidents(connection);
      // stuck: due (or, without a due date, created) longer ago than a lock time and still not run; a timer that
      // fell due a moment ago is not stuck (the timer phase keeps SLA timers falling due while it checks)
      long runnable = count(statement, "select count(*) from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
          + " and coalesce(DUEDATE_, CREATE_TIME_) <= timestampadd(SECOND, -" + (lockMillis / 1000 + 10) + ", now())");
      long dlt = traffic.records(IntakeTraffic.CAPTURED_DLT);
      check.put("lifecycleInstancesNotExactlyOne", instancesNotOne);
      check.put("leadsInSdrQueue", sdrQueue);
      check.put("openSdrTasks", sdrTasks);
      check.put("leadsWithTheSameTaskTwice", leadsWithTwoTasks);
      check.put("incidents", incidents);
      check.put("stuckJobs", runnable);
      check.put("deadLetters", dlt);
      check.put("deadLettersExpected", expectedDlt);
      check.put("intakeLagAtEnd", fromBroker(() -> traffic.lag(INTAKE_GROUP, IntakeTraffic.CAPTURED)));
      String run = batch.mix.run();
      expect(run, "leads with not exactly one lifecycle instance", instancesNotOne, 0);
      expect(run, "open SDR tasks against leads in the SDR queue", sdrTasks, sdrQueue);
      expect(run, "leads with the same task twice", leadsWithTwoTasks, 0);
      expect(run, "incidents", incidents, 0);
      if (incidents > 0) {
        Map<String, Long> summary = probe.incidentSummary(connection);
        check.put("incidentsByCause", summary);
        failures.add(run + ": the incidents: " + summary);
      }
      expect(run, "jobs due for longer than a lock time and not run (stuck)", runnable, 0);
      expect(run, "records in leads.captured.DLT", dlt, expectedDlt);
    }
    return check;
  }

  private void expect(String run, String what, long actual, long expected) {
    if (actual != expected) {
      failures.add(run + ": " + what + ": " + actual + ", expected " + expected);
    }
  }

  private LeadflowApp startNode(int index) throws Exception {
    String[] ports = options.get("ports").split(",");
    Map<String, String> env = new LinkedHashMap<>(Map.of(
        "CAMUNDA_BPM_JOB_EXECUTION_LOCK_TIME_IN_MILLIS", Long.toString(lockMillis),
        "LEAD_KAFKA_PARTITIONS", options.get("partitions")));
    if (fastSla) {
      env.put("LEAD_SLA_POLICY_SPEED_UP", "60");
      env.put("LEAD_CALENDAR_AROUND_THE_CLOCK", "true");
    }
    String name = (index == 0 ? "a" : "b" + (nodeBStarts++)) + (fastSla ? "-fast-sla" : "");
    List<String> jvmArgs = options.get("app-jvm-args").isBlank() ? List.of()
        : List.of(options.get("app-jvm-args").trim().split("\\s+"));
    LeadflowApp node = LeadflowApp.start(repo.resolve("app/target/leadflow-app-0.1.0-SNAPSHOT.jar"), database,
        broker.bootstrap(), Integer.parseInt(ports[index].trim()), jvmArgs, env,
        Path.of("/tmp/leadflow-cluster-node-" + name + ".log"));
    log("node %s up in %d ms (pid %d)", name, node.bootMillis, node.pid());
    return node;
  }

  private int leadsIn(IntakeTraffic.Batch batch) throws SQLException {
    try (Connection connection = probe.connect()) {
      return (int) probe.leadsWithInstance(connection, batch.mix.sources());
    } catch (SQLException databaseAway) {
      return -1;
    }
  }

  /** A figure from the broker, -1 while it is away. */
  private static long fromBroker(Callable<Long> read) {
    try {
      return read.call();
    } catch (Exception brokerAway) {
      return -1;
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void shell(String command) throws Exception {
    int exit = new ProcessBuilder("bash", "-c", command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("'" + command + "' exited with " + exit);
    }
  }

  private static void print(String phase, Map<String, Object> result) {
    System.out.printf("%n== %s ==%n", phase);
    result.forEach((key, value) -> System.out.printf("  %-34s %s%n", key, value));
  }

  private static void log(String format, Object... args) {
    System.out.printf("[cluster] " + format + "%n", args);
  }
}
