-- The SDR queue's first page (issue 8): Tasklist lists the "SDR queue" filter ordered by due date, 15 at a time.
-- With the queue's task list statement (org.leadflow.engine.taskquery, QueueTaskQuery.xml: the candidate link and
-- the authorization check as correlated subqueries, no join that repeats a task, no distinct) the database reads
-- ACT_RU_TASK in the order of this index and stops after the page, instead of sorting every open task of the
-- queue (BENCHMARKS.md, "Tasklist at 100,000 open tasks"). The engine has no index on DUE_DATE_.
-- Not led by PROC_DEF_ID_: InnoDB would then drop the foreign key's own index (ACT_FK_TASK_PROCDEF) for it.
create index LEADFLOW_IDX_TASK_DUE_DATE on ACT_RU_TASK(DUE_DATE_);
