-- Every SLA instance of a lead: one row per SLA clock (SDR first call attempt, sales accept, first
-- contact, opportunity follow-up) and owner. It records what the sla-policy table decided (rule and
-- durations), the instants each tier falls due in the owner's business calendar, which tiers fired,
-- and how it ended, so SLA compliance is a query. Tier firings stay in lead_sla_event.
create table lead_sla (
  id                  bigint        not null auto_increment primary key,
  lead_id             varchar(36)   not null,
  sla_type            varchar(30)   not null,
  owner_id            varchar(64),
  team_id             varchar(40),
  rule_ref            varchar(120)  not null,
  rule_note           varchar(500),
  started_at          datetime(3)   not null,
  remind_at           datetime(3)   not null,
  due_at              datetime(3)   not null,
  escalate_at         datetime(3)   not null,
  reassign_at         datetime(3)   not null,
  recycle_at          datetime(3)   not null,
  tiers_fired         varchar(100)  not null,
  breached_at         datetime(3),
  status              varchar(10)   not null,
  outcome             varchar(20),
  ended_at            datetime(3),
  -- business time between the due instant and the end when it ended late, else 0
  overdue_seconds     bigint,
  process_instance_id varchar(64),
  task_id             varchar(64)
);
create index ix_lead_sla_lead on lead_sla (lead_id, sla_type, status);
create index ix_lead_sla_started on lead_sla (sla_type, started_at);
create index ix_lead_sla_open_due on lead_sla (status, due_at);

-- superseded by lead_sla, which keeps the deciding rule per SLA instance
drop table lead_sla_decision;
