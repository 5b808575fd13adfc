-- Rep hand-over (rep-handover.bpmn): who handed whose leads to whom, when and why; one row per lead moved.
create table lead_handover (
  id                  bigint        not null auto_increment primary key,
  departing_rep       varchar(64)   not null,
  kind                varchar(10)   not null,
  returns_on          date,
  hand_back           boolean       not null,
  chosen_successor    varchar(64),
  note                varchar(1000),
  process_instance_id varchar(64),
  status              varchar(20)   not null,
  leads_moved         int           not null default 0,
  tasks_moved         int           not null default 0,
  timers_moved        int           not null default 0,
  started_by          varchar(64)   not null,
  started_at          datetime(3)   not null,
  handed_back_at      datetime(3)
);
create index ix_lead_handover_rep on lead_handover (departing_rep, started_at);

create table lead_handover_item (
  id              bigint        not null auto_increment primary key,
  handover_id     bigint        not null,
  lead_id         varchar(36)   not null,
  seq             int           not null,
  band            varchar(10)   not null,
  stage           varchar(20)   not null,
  successor       varchar(64),              -- null: back to the shared SDR queue
  tasks_moved     int           not null,
  timers_moved    int           not null,
  handed_back_at  datetime(3),
  hand_back_note  varchar(300),
  constraint ux_lead_handover_item unique (handover_id, lead_id)
);
create index ix_lead_handover_item_band on lead_handover_item (handover_id, band, seq);
