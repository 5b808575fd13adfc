-- Indexes Camunda 7.24 does not create, for many pending timers (issue 5, item 6). Runs after the
-- engine created or updated its schema (EngineSchemaMigrations, a process engine plugin), never in the
-- app's own Flyway chain (db/migration), which runs before the engine's tables exist on a fresh database.

-- The job executor's acquisition query (selectNextJobsToExecute in the engine's Job.xml):
--   where RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= now) and (LOCK_OWNER_ is null or LOCK_EXP_TIME_ < now)
--     and SUSPENSION_STATE_ = 1 and (exclusive ...) order by DUEDATE_ (jobExecutorAcquireByDueDate) limit n
-- The engine indexes ACT_RU_JOB only by execution, process instance, handler, tenant and job definition, so
-- every acquisition scans (and with the ordering sorts) every pending job. Equality first, then the due date:
-- one range over the due jobs, already in acquisition order; RETRIES_ lets the range skip failed jobs
-- (incidents keep their past due dates forever) without reading their rows.
create index LEADFLOW_IDX_JOB_ACQUISITION on ACT_RU_JOB(SUSPENSION_STATE_, DUEDATE_, RETRIES_);

-- Completing a task looks up its sub-tasks (selectTasksByParentTaskId); without an index every
-- completion scans the task table.
create index LEADFLOW_IDX_TASK_PARENT_TASK on ACT_RU_TASK(PARENT_TASK_ID_);
