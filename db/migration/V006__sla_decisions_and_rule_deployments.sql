-- Append-only: which row of the sla-policy table decided a lead's SLA durations, with the facts it
-- saw. One row per lead and decision (a new row when another rule or table version decides).
create table lead_sla_decision (
  id                      bigint        not null auto_increment primary key,
  lead_id                 varchar(36)   not null,
  rule_ref                varchar(120)  not null,
  rule_note               varchar(500),
  channel                 varchar(40),
  intent                  varchar(20),
  score                   int,
  region                  varchar(100),
  sdr_attempt_within      varchar(20)   not null,
  accept_reminder_after   varchar(20)   not null,
  accept_escalation_after varchar(20)   not null,
  accept_within           varchar(20)   not null,
  first_contact_within    varchar(20)   not null,
  follow_up_every         varchar(20)   not null,
  decided_at              datetime(3)   not null
);
create index ix_lead_sla_decision_lead on lead_sla_decision (lead_id, decided_at);

-- Append-only: decision tables deployed through PUT /api/rules/{key}: who, when and why.
create table lead_rule_deployment (
  id             bigint        not null auto_increment primary key,
  decision_key   varchar(100)  not null,
  version        int           not null,
  definition_id  varchar(64)   not null,
  deployment_id  varchar(64)   not null,
  deployed_by    varchar(64)   not null,
  deployed_at    datetime(3)   not null,
  change_note    varchar(1000) not null
);
create index ix_lead_rule_deployment_key on lead_rule_deployment (decision_key, version);
create index ix_lead_rule_deployment_deployment on lead_rule_deployment (deployment_id);
