-- People and teams as data (users themselves come from the Camunda identity), and the fairness
-- ledger of performance-weighted routing.

-- A team works one pool (SALES or SDR) for a territory and product line, in its time zone (IANA id,
-- for the SLA calendars); its supervisor is a user in group sales-manager.
alter table lead_team add column role varchar(10) not null default 'SALES';
alter table lead_team add column region varchar(100);
alter table lead_team add column product_line varchar(100);
alter table lead_team add column time_zone varchar(60) not null default 'UTC';

-- A rep's profile: one team, a capacity (most open leads at a time) and ACTIVE or DEPARTED.
create table lead_rep (
  user_id    varchar(64)  not null primary key,
  team_id    varchar(40)  not null,
  capacity   int          not null,
  status     varchar(10)  not null,
  updated_at datetime(3)  not null
);
create index ix_lead_rep_team on lead_rep (team_id, status);
-- lead_team_member becomes lead_rep (a rep in several teams keeps the first)
insert into lead_rep (user_id, team_id, capacity, status, updated_at)
  select user_id, min(team_id), 20, 'ACTIVE', current_timestamp(3) from lead_team_member group by user_id;
drop table lead_team_member;

-- Out of office, both dates inclusive (in the team's time zone).
create table lead_rep_absence (
  id         bigint       not null auto_increment primary key,
  user_id    varchar(64)  not null,
  from_date  date         not null,
  to_date    date         not null,
  reason     varchar(200) not null,
  created_at datetime(3)  not null,
  created_by varchar(64)  not null
);
create index ix_lead_rep_absence_user on lead_rep_absence (user_id, to_date);

-- Smooth weighted round robin per team: every eligible rep gains their weight in credit per lead,
-- the chosen rep pays the sum of the weights. The team's row is locked while choosing. A rep who was
-- not eligible (absent, departed, at capacity) keeps their credit frozen and comes back with at most 0.
create table lead_routing_credit (
  team_id     varchar(40)  not null,
  user_id     varchar(64)  not null,
  credit      double       not null,
  assigned    int          not null,
  eligible    boolean      not null,
  updated_at  datetime(3)  not null,
  primary key (team_id, user_id)
);

-- the round-robin cursor is replaced by the ledger
drop table lead_routing_cursor;

-- "why this rep" names the rule, the team, the weights, loads and everyone skipped
alter table lead_assignment modify reason varchar(2000) not null;
