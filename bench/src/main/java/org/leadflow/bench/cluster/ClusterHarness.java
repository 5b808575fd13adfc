package org.leadflow.bench.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 *   <li><b>shutdown</b>: {@code --phase-leads} leads and node B stopped gracefully (SIGTERM) while they come in:
 *   it ends by itself within {@code --shutdown-timeout} seconds (exit code 143, the JVM's after a SIGTERM), no job
 *   keeps its lock owner with a lock expiry in the future, node A runs the jobs due at its exit at once (not
 *   after the lock time); node B started again, the same reconciliation plus no intake lag.
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
  /** An SDR task's completion: reached, a real need, sales-ready (the lead goes on to a sales rep). */
  private static final String SALES_READY_COMPLETION = "{\"variables\":{\"callOutcome\":{\"value\":\"REACHED\","
      + "\"type\":\"String\"},\"realNeed\":{\"value\":true,\"type\":\"Boolean\"},"
      + "\"qualification\":{\"value\":\"SALES_READY\",\"type\":\"String\"}}}";

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
  /** The job lock owner of the node B running now. */
  private String nodeBLockOwner;
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
        {"broker-port", "39192"}, {"ports", "38181,38182"}, {"phases", "crash,broker,database,contention,shutdown,timers"}, {"contention-leads", "400"}, {"timer-leads", "300"}, {"timer-wait", "150"},
        {"shutdown-timeout", "30"},
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
    // per broker port: another harness run beside this one (other ports, another database) keeps its own
    broker = KafkaBroker.start(repo, Path.of("/tmp/leadflow-bench-cluster-kafka-" + options.get("broker-port")),
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
          case "shutdown" -> gracefulShutdown(traffic);
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

  /**
   * Node B stopped gracefully while leads come in: {@code --phase-leads} leads through Kafka; once a fifth of
   * them is in, the SDR tasks of those in the SDR queue are completed as sales-ready (each one makes an async
   * job, the sales rep's assignment): up to 30 through node B, which then holds those jobs, the rest through
   * node A while node B gets SIGTERM. It must end by itself within {@code --shutdown-timeout} seconds (the app's SHUTDOWN_TIMEOUT) with
   * the JVM's exit code for a SIGTERM after its shutdown hooks ran, 143 (128 + 15; Spring Boot's graceful
   * shutdown does not call {@code System.exit}), or 0; right after it ended no job carries its lock owner with
   * a lock expiry in the future (it unlocked what it held, so node A takes those jobs at once, not after the
   * lock time), and node A runs every job due at that moment in less than a lock time. Then node B starts again and
   * the usual reconciliation: exactly once, no lead committed without its instance, each assignment job run
   * once, and no intake lag left (node B committed the offsets of what it finished, so what node A re-read is
   * not counted twice).
   */
  private Map<String, Object> gracefulShutdown(IntakeTraffic traffic) throws Exception {
    long dltBefore = traffic.records(IntakeTraffic.CAPTURED_DLT);
    IntakeTraffic.Batch batch = traffic.asFastAsPossible("shutdown", Integer.parseInt(options.get("phase-leads")));
    String leadsOfRun = "select id from lead where source in ('" + String.join("','", batch.mix.sources()) + "')";
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (leadsIn(batch) < batch.distinct() / 5 && System.nanoTime() < waitUntil) {
      TimeUnit.MILLISECONDS.sleep(200);
    }
    List<String> sdrTasks = new ArrayList<>();
    try (Connection connection = probe.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select t.ID_ from ACT_RU_TASK t join ACT_RU_EXECUTION e"
            + " on e.ID_ = t.PROC_INST_ID_ where t.TASK_DEF_KEY_ = 'Task_QualifyLead' and e.BUSINESS_KEY_ in ("
            + leadsOfRun + ")")) {
      while (rows.next()) {
        sdrTasks.add(rows.getString(1));
      }
    }
    String owner = nodeBLockOwner;
    String lockedByB = "select count(*) from ACT_RU_JOB where LOCK_OWNER_ = '" + owner + "'";
    String due = "select ID_ from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
        + " and (DUEDATE_ is null or DUEDATE_ <= now())";
    // the completions go on while node B stops; SIGTERM as soon as node B holds jobs (or they are all done)
    Map<Integer, Integer> statuses = new TreeMap<>();
    ExecutorService completers = Executors.newFixedThreadPool(4);
    List<Future<Integer>> answers = new ArrayList<>();
    long locksBefore = 0;
    long dueBefore;
    int inBefore;
    long timeoutSeconds = Long.parseLong(options.get("shutdown-timeout"));
    long signalled;
    Integer exit;
    long shutdownMillis;
    try {
      // a node runs the jobs its own transactions create at once (the job executor is hinted), so the first
      // completions go through node B and are answered before SIGTERM: B then holds their jobs' locks while it
      // stops; the rest go through node A meanwhile
      int throughB = Math.min(30, sdrTasks.size() / 2);
      List<Future<Integer>> answersOfB = new ArrayList<>();
      for (String task : sdrTasks.subList(0, throughB)) {
        answersOfB.add(completers.submit(() -> nodeB.post("/engine-rest/task/" + task + "/complete", "demo",
            SALES_READY_COMPLETION)));
      }
      for (Future<Integer> answer : answersOfB) {
        statuses.merge(answer.get(), 1, Integer::sum);
      }
      for (String task : sdrTasks.subList(throughB, sdrTasks.size())) {
        answers.add(completers.submit(() -> nodeA.post("/engine-rest/task/" + task + "/complete", "demo",
            SALES_READY_COMPLETION)));
      }
      try (Connection connection = probe.connect(); Statement statement = connection.createStatement()) {
        while (locksBefore == 0 && !answers.stream().allMatch(Future::isDone)) {
          locksBefore = count(statement, lockedByB);
          TimeUnit.MILLISECONDS.sleep(20);
        }
        dueBefore = probe.runnableJobs(connection);
      }
      inBefore = leadsIn(batch);
      signalled = System.nanoTime();
      nodeB.terminate();
      exit = nodeB.awaitExit(Duration.ofSeconds(timeoutSeconds + 30));
      shutdownMillis = (System.nanoTime() - signalled) / 1_000_000;
      for (Future<Integer> answer : answers) {
        statuses.merge(answer.get(), 1, Integer::sum);
      }
    } finally {
      completers.shutdown();
    }
    log("node B (lock owner %s) got SIGTERM with %d of %d leads in, %d jobs locked by it, %d due; ended after"
        + " %d ms with exit code %s", owner, inBefore, batch.distinct(), locksBefore, dueBefore, shutdownMillis, exit);
    if (exit == null) {
      nodeB.kill();
    }
    long locksLive;
    long locksAny;
    long submissionsWithoutInstance;
    List<String> dueAtExit = new ArrayList<>();
    try (Connection connection = probe.connect(); Statement statement = connection.createStatement()) {
      locksLive = count(statement, lockedByB + " and LOCK_EXP_TIME_ > now()");
      locksAny = count(statement, lockedByB);
      // the intake commits submission, lead and instance start in one transaction: never one without the other
      submissionsWithoutInstance = count(statement, "select count(*) from lead_submission s where s.lead_id in ("
          + leadsOfRun + ") and not exists (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = s.lead_id)");
      try (ResultSet rows = statement.executeQuery(due)) {
        while (rows.next()) {
          dueAtExit.add(rows.getString(1));
        }
      }
    }
    // how long until node A ran every job that was due when node B ended (what B held among them)
    long exitedAt = System.nanoTime();
    long deadline = exitedAt + TimeUnit.MILLISECONDS.toNanos(lockMillis) + TimeUnit.SECONDS.toNanos(30);
    long left = dueAtExit.size();
    while (left > 0 && System.nanoTime() < deadline) {
      try (Connection connection = probe.connect(); Statement statement = connection.createStatement()) {
        left = count(statement, "select count(*) from ACT_RU_JOB where ID_ in ('" + String.join("','", dueAtExit)
            + "')");
      }
      if (left > 0) {
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
    long ranMillis = (System.nanoTime() - exitedAt) / 1_000_000;
    log("node A ran the %d jobs due at node B's exit in %d ms (%d left)", dueAtExit.size(), ranMillis, left);
    nodeB = startNode(1);
    Map<String, Object> result = settleAndReconcile(batch, traffic, dltBefore);
    long lag = fromBroker(() -> traffic.lag(INTAKE_GROUP, IntakeTraffic.CAPTURED));
    for (int wait = 0; lag != 0 && wait < 30; wait++) {
      TimeUnit.SECONDS.sleep(1);
      lag = fromBroker(() -> traffic.lag(INTAKE_GROUP, IntakeTraffic.CAPTURED));
    }
    long assigned;
    long assignedTwice;
    try (Connection connection = probe.connect(); Statement statement = connection.createStatement()) {
      String roots = "select p.ID_ from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ = 'lead-lifecycle' and p.BUSINESS_KEY_"
          + " in (" + leadsOfRun + ")";
      assigned = count(statement, "select count(distinct ROOT_PROC_INST_ID_) from ACT_HI_ACTINST where ACT_ID_ ="
          + " 'Task_AssignSalesRep' and END_TIME_ is not null and ROOT_PROC_INST_ID_ in (" + roots + ")");
      assignedTwice = count(statement, "select count(*) from (select ROOT_PROC_INST_ID_ from ACT_HI_ACTINST where"
          + " ACT_ID_ = 'Task_AssignSalesRep' and END_TIME_ is not null and ROOT_PROC_INST_ID_ in (" + roots + ")"
          + " group by ROOT_PROC_INST_ID_ having count(*) > 1) twice");
    }
    result.put("leadsInWhenSigtermSent", inBefore);
    result.put("sdrTasksCompletedBeforeSigterm", sdrTasks.size());
    result.put("completionStatuses", statuses);
    result.put("jobsLockedByNodeBWhenSigtermSent", locksBefore);
    result.put("jobsDueWhenSigtermSent", dueBefore);
    result.put("shutdownMillis", shutdownMillis);
    result.put("exitCode", exit);
    result.put("jobsLockedByNodeBAtExit", locksAny);
    result.put("liveLocksOfNodeBAtExit", locksLive);
    result.put("jobsDueAtExit", dueAtExit.size());
    result.put("millisUntilNodeARanThem", ranMillis);
    result.put("submissionsWithoutInstanceAtExit", submissionsWithoutInstance);
    result.put("salesRepAssignmentsRun", assigned);
    result.put("salesRepAssignmentsRunTwice", assignedTwice);
    result.put("intakeLagAfterRestart", lag);
    String run = batch.mix.run();
    if (exit == null || shutdownMillis > TimeUnit.SECONDS.toMillis(timeoutSeconds)) {
      failures.add(run + ": node B did not end within " + timeoutSeconds + " s of SIGTERM (" + shutdownMillis + " ms)");
    } else if (exit != 143 && exit != 0) {
      failures.add(run + ": node B ended with exit code " + exit + " after SIGTERM, expected 143 or 0");
    }
    if (sdrTasks.isEmpty() || inBefore >= batch.distinct()) {
      failures.add(run + ": no SDR job or no intake in flight at SIGTERM: nothing was tested (" + sdrTasks.size()
          + " SDR tasks completed, " + inBefore + "/" + batch.distinct() + " leads in)");
    }
    expect(run, "SDR completions answered 204", statuses.getOrDefault(204, 0), sdrTasks.size());
    expect(run, "jobs locked by node B with a lock expiry in the future, right after it ended", locksLive, 0);
    if (left > 0 || ranMillis >= lockMillis) {
      failures.add(run + ": node A took " + ranMillis + " ms (a lock time is " + lockMillis + ") for the jobs due at"
          + " node B's exit (" + left + " of " + dueAtExit.size() + " left): node B's locks were in the way");
    }
    expect(run, "submissions without their lifecycle instance right after node B ended", submissionsWithoutInstance, 0);
    expect(run, "sales-rep assignments run (one per completed SDR task)", assigned, sdrTasks.size());
    expect(run, "sales-rep assignments run twice", assignedTwice, 0);
    expect(run, "intake lag once node B is back", lag, 0);
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
        "LEAD_KAFKA_PARTITIONS", options.get("partitions"),
        "SHUTDOWN_TIMEOUT", options.get("shutdown-timeout") + "s"));
    if (fastSla) {
      env.put("LEAD_SLA_POLICY_SPEED_UP", "60");
      env.put("LEAD_CALENDAR_AROUND_THE_CLOCK", "true");
    }
    String name = (index == 0 ? "a" : "b" + (nodeBStarts++)) + (fastSla ? "-fast-sla" : "");
    // ACT_RU_JOB.LOCK_OWNER_ of the node's jobs (engine.JobExecutorShutdown), per start
    env.put("JOB_LOCK_OWNER", "cluster-node-" + name);
    if (index == 1) {
      nodeBLockOwner = "cluster-node-" + name;
    }
    List<String> jvmArgs = options.get("app-jvm-args").isBlank() ? List.of()
        : List.of(options.get("app-jvm-args").trim().split("\\s+"));
    LeadflowApp node = LeadflowApp.start(repo.resolve("app/target/leadflow-app-0.1.0-SNAPSHOT.jar"), database,
        broker.bootstrap(), Integer.parseInt(ports[index].trim()), jvmArgs, env,
        Path.of("/tmp/leadflow-cluster-node-" + options.get("broker-port") + "-" + name + ".log"));
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
