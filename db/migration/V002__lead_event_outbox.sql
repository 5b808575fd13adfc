-- Transactional outbox: every lifecycle event is inserted here in the transaction that made the
-- change, and shipped to Kafka by OutboxRelay after that transaction committed. Rows stay after
-- shipping (published_at set): the reports may read them. id is the per-lead order (the event's
-- sequence): stage changes, assignments and SLA records hold the lead's row lock when they insert.
create table lead_event_outbox (
  id             bigint        not null auto_increment primary key,
  event_id       varchar(36)   not null,
  topic          varchar(200)  not null,
  lead_id        varchar(36)   not null,
  event_type     varchar(40)   not null,
  schema_version int           not null,
  occurred_at    datetime(3)   not null,
  payload        text          not null,
  created_at     datetime(3)   not null,
  published_at   datetime(3),
  constraint ux_lead_event_outbox_event unique (event_id)
);
-- the relay's query: where published_at is null order by id
create index ix_lead_event_outbox_pending on lead_event_outbox (published_at, id);
create index ix_lead_event_outbox_lead on lead_event_outbox (lead_id, id);
create index ix_lead_event_outbox_type on lead_event_outbox (event_type, occurred_at);

-- One row per relay: locked (select ... for update skip locked) by the node that ships, so two
-- nodes never ship at the same time and the per-lead order holds across nodes.
create table lead_outbox_lock (
  name varchar(40) not null primary key
);
insert into lead_outbox_lock (name) values ('lifecycle-relay');
