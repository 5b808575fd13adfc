-- Append-only (but for the result of a migration, written when its batch is seen finished): what process
-- owners changed through /api/models: DEPLOY (a model, or the whole model set, as a new version),
-- MIGRATE (running instances moved from one version to another, as a Camunda batch), KEEP_OLD_VERSION
-- (the instances of a version left to finish on it). Who, when and why.
create table lead_model_change (
  id             bigint        not null auto_increment primary key,
  changed_at     datetime(3)   not null,
  changed_by     varchar(64)   not null,
  action         varchar(20)   not null,
  model_type     varchar(10)   not null,
  model_key      varchar(100)  not null,
  from_version   int,
  to_version     int,
  change_note    varchar(1000) not null,
  deployment_id  varchar(64),
  definition_id  varchar(64),
  batch_id       varchar(64),
  instances      int,
  result         varchar(40)
);
create index ix_lead_model_change_key on lead_model_change (model_key, changed_at);
create index ix_lead_model_change_deployment on lead_model_change (deployment_id);
create index ix_lead_model_change_batch on lead_model_change (batch_id);
