package org.leadflow.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.leadflow.identity.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the work waiting in the engine, read from the database every
 * {@code lead.metrics.backlog-refresh} (default 30 s) rather than at every scrape, so a scrape costs nothing
 * and a slow count never holds it up. They are cluster-wide figures: every node reports the same value (use
 * {@code max} over nodes, not {@code sum}).
 * <ul>
 *   <li>{@code leadflow_tasks_open{group}}: open user tasks a group is a candidate for (claimed or not);</li>
 *   <li>{@code leadflow_jobs_due}: jobs due now with retries left (timers and async steps waiting for the job
 *       executor: a growing value means the executor falls behind);</li>
 *   <li>{@code leadflow_jobs_failed}: jobs out of retries (each is an incident in Cockpit);</li>
 *   <li>{@code leadflow_incidents_open}: open incidents.</li>
 * </ul>
 */
@Component
public class WorkBacklog {

  private static final Logger log = LoggerFactory.getLogger(WorkBacklog.class);

  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final Map<String, AtomicLong> openTasks = new LinkedHashMap<>();
  private final AtomicLong jobsDue = new AtomicLong();
  private final AtomicLong jobsFailed = new AtomicLong();
  private final AtomicLong incidents = new AtomicLong();

  public WorkBacklog(TaskService tasks, ManagementService management, RuntimeService runtime, MeterRegistry registry) {
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
    for (String group : Roles.WORKING_GROUPS) {
      AtomicLong open = new AtomicLong();
      openTasks.put(group, open);
      Gauge.builder("leadflow.tasks.open", open, AtomicLong::get).description("Open user tasks per candidate group")
          .tag("group", group).register(registry);
    }
    Gauge.builder("leadflow.jobs.due", jobsDue, AtomicLong::get)
        .description("Jobs due now with retries left (the job executor's backlog)").register(registry);
    Gauge.builder("leadflow.jobs.failed", jobsFailed, AtomicLong::get)
        .description("Jobs out of retries").register(registry);
    Gauge.builder("leadflow.incidents.open", incidents, AtomicLong::get)
        .description("Open incidents").register(registry);
  }

  /** Reads the figures again; a failure (database away) keeps the last ones and is logged. */
  @Scheduled(initialDelayString = "${lead.metrics.backlog-initial-delay:PT5S}",
      fixedDelayString = "${lead.metrics.backlog-refresh:PT30S}")
  public void refresh() {
    try {
      openTasks.forEach((group, open) -> open.set(tasks.createTaskQuery().taskCandidateGroup(group)
          .includeAssignedTasks().count()));
      jobsDue.set(management.createJobQuery().executable().count());
      jobsFailed.set(management.createJobQuery().noRetriesLeft().count());
      incidents.set(runtime.createIncidentQuery().count());
    } catch (RuntimeException e) {
      log.warn("Could not read the work backlog for the metrics: {}", e.toString());
    }
  }
}
