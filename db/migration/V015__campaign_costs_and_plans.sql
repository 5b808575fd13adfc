-- Money side of the funnel reports (issue 7): what a campaign cost per period, and monthly plans.

-- What a campaign on a channel cost between two dates (both inclusive). A period of one campaign and
-- channel never overlaps another (the API rejects it), so costs are never counted twice; reports
-- pro-rate a cost by the days of its period that fall in the report period.
create table lead_campaign_cost (
  id           bigint        not null auto_increment primary key,
  campaign     varchar(200)  not null,
  channel      varchar(40)   not null,
  period_start date          not null,
  period_end   date          not null,
  amount       decimal(14,2) not null,
  currency     varchar(3)    not null,
  note         varchar(500),
  created_at   datetime(3)   not null,
  created_by   varchar(64)   not null,
  constraint ux_lead_campaign_cost unique (campaign, channel, period_start, period_end)
);

-- The amount a rep (scope REP, subject = user id) or a team (scope TEAM, subject = team id) is to close
-- in a month (plan_month = the month's first day).
create table lead_plan (
  id          bigint        not null auto_increment primary key,
  plan_month  date          not null,
  scope       varchar(4)    not null,
  subject     varchar(64)   not null,
  amount      decimal(14,2) not null,
  updated_at  datetime(3)   not null,
  updated_by  varchar(64)   not null,
  constraint ux_lead_plan unique (plan_month, scope, subject)
);

-- The weighted pipeline (open opportunities per owner and funnel position) from the index alone: at
-- 1,000,000 leads the query took 17.1 s without it and 1.1 s with it (BENCHMARKS.md, reports).
create index ix_lead_open_pipeline on lead (stage, owner_id, funnel_position, deal_value);
