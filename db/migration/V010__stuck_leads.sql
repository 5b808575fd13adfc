-- Stuck leads (org.leadflow.stuck): when each opportunity entered its funnel position, and every time
-- a lead sat in one stage/position longer than the stuck-lead table allows.

-- Append-only: one row per funnel-position change of a lead (the stage history has the stages).
create table lead_position_change (
  id          bigint       not null auto_increment primary key,
  lead_id     varchar(36)  not null,
  position    varchar(10)  not null,
  changed_at  datetime(3)  not null
);
create index ix_lead_position_change_lead on lead_position_change (lead_id, changed_at);

-- One row per time a lead was flagged stuck, closed (resolved_at) when it moved or its instance ended.
-- open_lead_id is the lead id while the row is open and null once closed: its unique key lets at most
-- one open row exist per lead, so two nodes scanning at once cannot flag (and raise an incident for)
-- the same lead twice.
create table lead_stuck (
  id                  bigint        not null auto_increment primary key,
  lead_id             varchar(36)   not null,
  open_lead_id        varchar(36),
  stage               varchar(20)   not null,
  funnel_position     varchar(10),
  since               datetime(3)   not null,
  flagged_at          datetime(3)   not null,
  max_dwell           varchar(40)   not null,
  likely_cause        varchar(200)  not null,
  rule_ref            varchar(120)  not null,
  owner_id            varchar(64),
  team_id             varchar(40),
  process_instance_id varchar(64),
  incident_id         varchar(64),
  resolved_at         datetime(3),
  resolution          varchar(200),
  constraint ux_lead_stuck_open unique (open_lead_id)
);
create index ix_lead_stuck_lead on lead_stuck (lead_id, flagged_at);
create index ix_lead_stuck_team on lead_stuck (team_id, resolved_at);
