-- The daily rhythm (issue 5): the 21:00 digest per team and the call-quality sampling.

-- One row per kind of daily run, team and local date: inserted before the run's work, in the same
-- transaction, so a digest or a sample is made once per team and local date even with two nodes (the
-- second insert fails on the primary key and that node skips the team).
create table lead_daily_run (
  kind        varchar(20)  not null,
  team_id     varchar(40)  not null,
  local_date  date         not null,
  claimed_at  datetime(3)  not null,
  primary key (kind, team_id, local_date)
);

-- The digest as it was sent: per team and local date, for the team's supervisor. content is the JSON
-- document published on leads.digest (reps with overdue tasks, how many, oldest, Tasklist links).
-- mailed_at / mail_attempts / mail_error: the e-mail's delivery, retried until it went out;
-- mail_claimed_at: a node is sending it (one node per e-mail; a claim older than a few minutes is stale).
create table lead_digest (
  id             bigint        not null auto_increment primary key,
  team_id        varchar(40)   not null,
  local_date     date          not null,
  manager_id     varchar(64),
  time_zone      varchar(60)   not null,
  generated_at   datetime(3)   not null,
  overdue_tasks  int           not null,
  content        mediumtext    not null,
  mailed_at      datetime(3),
  mail_attempts  int           not null default 0,
  mail_error     varchar(500),
  mail_claimed_at datetime(3),
  constraint ux_lead_digest unique (team_id, local_date)
);
create index ix_lead_digest_manager on lead_digest (manager_id, local_date);
create index ix_lead_digest_mail on lead_digest (mailed_at, mail_attempts);

-- A supervisor's review of sampled calls (one user task), and its items: per rep two calls of the
-- previous local day (or a row with lead_id null: no calls), the rep's tag, and the verdict.
create table lead_call_review (
  id             bigint        not null auto_increment primary key,
  supervisor_id  varchar(64)   not null,
  call_date      date          not null,
  run_id         varchar(64)   not null,
  created_at     datetime(3)   not null,
  completed_at   datetime(3)
);
create index ix_lead_call_review_run on lead_call_review (run_id);
create index ix_lead_call_review_supervisor on lead_call_review (supervisor_id, call_date);

create table lead_call_review_item (
  id           bigint        not null auto_increment primary key,
  review_id    bigint        not null,
  team_id      varchar(40)   not null,
  rep_id       varchar(64)   not null,
  lead_id      varchar(36),
  activity_id  bigint,
  call_type    varchar(30),
  call_code    varchar(40),
  called_at    datetime(3),
  tag          varchar(10),
  tag_right    boolean,
  note         varchar(1000),
  reviewed_at  datetime(3)
);
create index ix_lead_call_review_item_review on lead_call_review_item (review_id);
create index ix_lead_call_review_item_lead on lead_call_review_item (lead_id);

-- the outbox also carries digests, keyed by team id (up to 40 characters), not only lead ids
alter table lead_event_outbox modify lead_id varchar(64) not null;

-- the sampling query: a team's reps' calls of one day
create index ix_lead_activity_actor on lead_activity (actor, occurred_at);
