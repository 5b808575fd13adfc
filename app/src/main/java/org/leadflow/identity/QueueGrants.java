package org.leadflow.identity;

import java.util.Map;
import org.leadflow.process.SdrQualification;

/**
 * Work queues authorised on the process definition rather than per task: the group may read and work every
 * task of the process ({@code READ_TASK}, {@code TASK_WORK} on the definition, granted by {@link RoleSetup}),
 * so the engine writes no {@code ACT_RU_AUTHORIZATION} row per task for that group or for its members as
 * assignees ({@link QueueTaskAuthorizationProvider}).
 *
 * <p>Why: the engine's task query joins every authorization row of the user and their groups to every task;
 * with one row per task and group or assignee that is a product of tasks × rows, which made the SDR queue's
 * first page take seconds at 2,000 open tasks (BENCHMARKS.md, "Tasklist at 100,000 open tasks").
 *
 * <p>Only a process whose every user task belongs to that group may be listed here: a definition grant lets
 * the group read all of its tasks (the managers' review of an uncalled lead is therefore a process of its
 * own, uncalled-lead-review). Processes whose tasks belong to one person (a sales rep's leads) keep the
 * engine's per-task rows.
 */
public final class QueueGrants {

  /** Process definition key → the group that reads and works all its tasks. */
  public static final Map<String, String> GROUP_BY_PROCESS = Map.of(SdrQualification.KEY, Roles.SDR);

  private QueueGrants() {}
}
