-- The lead aggregate: contact, source, stage, owner, scores, validity. Written by the app only.
create table lead (
  id               varchar(36)   not null primary key,
  source           varchar(40)   not null,
  external_id      varchar(200)  not null,
  campaign         varchar(200),
  landing_page     varchar(500),
  intent           varchar(20)   not null,
  first_name       varchar(100),
  last_name        varchar(100),
  email            varchar(254),
  phone            varchar(20),
  company          varchar(200),
  title            varchar(200),
  company_size     int,
  industry         varchar(100),
  country          varchar(2),
  region           varchar(100),
  product_interest varchar(200),
  consent          boolean       not null,
  captured_at      datetime(3)   not null,
  cost             decimal(12,2),
  stage            varchar(20)   not null,
  stage_changed_at datetime(3)   not null,
  owner_id         varchar(64),
  fit_score        int           not null default 0,
  engagement_score int           not null default 0,
  valid            boolean,
  invalid_reason   varchar(40),
  duplicate_of     varchar(36),
  recycle_count    int           not null default 0,
  funnel_position  varchar(10),
  deal_value       decimal(14,2),
  close_reason     varchar(40),
  new_customer     boolean,
  stuck_since      datetime(3),
  updated_at       datetime(3)   not null
);
create index ix_lead_email on lead (email);
create index ix_lead_phone on lead (phone);
create index ix_lead_stage on lead (stage, captured_at);
create index ix_lead_owner on lead (owner_id, stage);
create index ix_lead_captured on lead (captured_at);

-- Every submission received (REST today, Kafka later): idempotency by source + external id,
-- and the record of re-engagements attached to an open lead.
create table lead_submission (
  id           bigint        not null auto_increment primary key,
  source       varchar(40)   not null,
  external_id  varchar(200)  not null,
  lead_id      varchar(36)   not null,
  outcome      varchar(30)   not null,
  intent       varchar(20)   not null,
  received_at  datetime(3)   not null,
  received_by  varchar(64),
  constraint ux_lead_submission unique (source, external_id)
);
create index ix_lead_submission_lead on lead_submission (lead_id);

-- Append-only: one row per stage change.
create table lead_stage_history (
  id          bigint        not null auto_increment primary key,
  lead_id     varchar(36)   not null,
  from_stage  varchar(20),
  to_stage    varchar(20)   not null,
  changed_at  datetime(3)   not null,
  actor       varchar(64)   not null,
  reason      varchar(200)
);
create index ix_lead_stage_history_lead on lead_stage_history (lead_id, changed_at);
create index ix_lead_stage_history_to on lead_stage_history (to_stage, changed_at);

-- Append-only: who got the lead, from whom, and why.
create table lead_assignment (
  id                bigint       not null auto_increment primary key,
  lead_id           varchar(36)  not null,
  role              varchar(20)  not null,
  assignee          varchar(64)  not null,
  previous_assignee varchar(64),
  reason            varchar(500) not null,
  assigned_at       datetime(3)  not null,
  actor             varchar(64)  not null
);
create index ix_lead_assignment_lead on lead_assignment (lead_id, assigned_at);
create index ix_lead_assignment_assignee on lead_assignment (assignee, assigned_at);

-- Append-only score ledger: every score change with its rule and reason.
create table lead_score_event (
  id         bigint       not null auto_increment primary key,
  lead_id    varchar(36)  not null,
  kind       varchar(20)  not null,
  rule_id    varchar(60)  not null,
  points     int          not null,
  reason     varchar(300) not null,
  scored_at  datetime(3)  not null
);
create index ix_lead_score_event_lead on lead_score_event (lead_id, scored_at);

-- Append-only: SLA reminders, escalations and breaches.
create table lead_sla_event (
  id          bigint       not null auto_increment primary key,
  lead_id     varchar(36)  not null,
  sla_type    varchar(30)  not null,
  tier        varchar(20)  not null,
  owner_id    varchar(64),
  occurred_at datetime(3)  not null
);
create index ix_lead_sla_event_lead on lead_sla_event (lead_id, occurred_at);
create index ix_lead_sla_event_type on lead_sla_event (sla_type, occurred_at);

-- Append-only: what people did with the lead (call attempts, contacts, deal updates, notes).
create table lead_activity (
  id          bigint        not null auto_increment primary key,
  lead_id     varchar(36)   not null,
  type        varchar(30)   not null,
  code        varchar(40),
  objection   varchar(40),
  actor       varchar(64)   not null,
  occurred_at datetime(3)   not null,
  detail      varchar(2000)
);
create index ix_lead_activity_lead on lead_activity (lead_id, occurred_at);

-- Sales teams: a supervisor and the reps who report to them.
create table lead_team (
  id            varchar(40)  not null primary key,
  name          varchar(100) not null,
  supervisor_id varchar(64)
);
create table lead_team_member (
  team_id  varchar(40) not null,
  user_id  varchar(64) not null,
  primary key (team_id, user_id)
);
create index ix_lead_team_member_user on lead_team_member (user_id);

-- Round-robin position per assignment pool (locked while a rep is chosen).
create table lead_routing_cursor (
  pool          varchar(40) not null primary key,
  last_assignee varchar(64)
);
insert into lead_routing_cursor (pool, last_assignee) values ('sales', null);
