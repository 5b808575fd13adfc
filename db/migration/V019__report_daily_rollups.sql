-- Daily rollups of the reports' read model (README "Reports", BENCHMARKS.md "Reports at 1,000,000 leads"):
-- funnel, recycles, outcomes' won/lost, trend and quality sum a few thousand rows per year instead of counting
-- report_stage_pass / lead per request. Maintained by ReportProjection in the transaction that writes the pass
-- (insert ... on duplicate key update n = n + values(n): two nodes adding to the same row do not lose counts;
-- H2's MySQL mode runs the same statements), read by ReportMapper.xml when the filter has at most one dimension.
--
-- dim / dim_value: which slice a row counts: 'all' ('' : every lead), 'channel' (lead.source), 'campaign',
-- 'landing' (landing page), 'region' (no row when the lead's value is null: a filter never matches null),
-- 'rep' (every person ever assigned the lead, report_lead_rep) and 'team' (each distinct team of those people).
-- A lead counts in each of its slices; a rep or team slice gets the lead's earlier rows when the assignment
-- happens (ReportProjection.assigned).
--
-- report_daily_pass: passes of report_stage_pass per day.
--   basis 'C' (cohort): on_day = the lead's capture day, prev_day = '1000-01-01';
--   basis 'E' (event):  on_day = the day the pass was entered, prev_day = the day the lead entered the same stage
--                       the time before ('1000-01-01': never). Distinct leads entering a stage in [from, to]
--                       = passes whose prev_day < from (a lead's first pass of the period).
--   passes: count; first_passes: pass_no = 1 (cohort: distinct leads); strict_passes: strict_rank is not null
--   (at most one per lead and stage: the strict funnel's leads).
-- Days are UTC dates of the datetime(3) columns (stored in UTC).
create table report_daily_pass (
  basis         char(1)      not null,
  dim           varchar(8)   not null,
  dim_value     varchar(500) not null,
  stage         varchar(20)  not null,
  on_day        date         not null,
  prev_day      date         not null,
  passes        bigint       not null,
  first_passes  bigint       not null,
  strict_passes bigint       not null,
  primary key (basis, dim, dim_value, stage, on_day, prev_day)
);

-- RECYCLED passes by reason (coalesce(reason, 'UNKNOWN')); on_day as in report_daily_pass
create table report_daily_recycle (
  basis     char(1)      not null,
  dim       varchar(8)   not null,
  dim_value varchar(500) not null,
  on_day    date         not null,
  reason    varchar(200) not null,
  passes    bigint       not null,
  primary key (basis, dim, dim_value, on_day, reason)
);

-- leads by capture day and their validity verdict as it stands: verdict 'V' valid, 'I' invalid (reason =
-- coalesce(invalid_reason, 'UNKNOWN')), 'U' not decided (reason ''). A verdict change moves the lead: -1 on
-- the old row, +1 on the new one (a row may stay at 0).
create table report_daily_quality (
  dim       varchar(8)   not null,
  dim_value varchar(500) not null,
  on_day    date         not null,
  verdict   char(1)      not null,
  reason    varchar(40)  not null,
  leads     bigint       not null,
  primary key (dim, dim_value, on_day, verdict, reason)
);

-- completed passes' durations as a histogram, for the stage-time percentiles of large slices (ReportService:
-- above ReportService.EXACT_DURATIONS_UP_TO passes they are read from here, approximate): bucket 0 = 0 s,
-- bucket b >= 1 = [1.1^(b-1), 1.1^b) seconds (floor(ln(s) / ln(1.1)) + 1; a year is bucket 182), read as its
-- geometric middle 1.1^(b-0.5): within 5 % of the exact figure. VALID (a milestone, 0 s) is not counted.
-- on_day as in report_daily_pass (cohort: capture day, event: the day the pass was entered); a pass is added
-- when it closes.
create table report_daily_duration (
  basis     char(1)      not null,
  dim       varchar(8)   not null,
  dim_value varchar(500) not null,
  stage     varchar(20)  not null,
  on_day    date         not null,
  bucket    int          not null,
  passes    bigint       not null,
  primary key (basis, dim, dim_value, stage, on_day, bucket)
);

-- Backfill from the read model (V014, V018) and lead: set-based, one grouped insert per basis and slice
-- kind. Rebuild: delete the four tables' rows and run these statements again (with writers stopped).
create table report_rollup_dim (dim varchar(8) not null primary key);
insert into report_rollup_dim (dim) values ('all'), ('channel'), ('campaign'), ('landing'), ('region');

insert into report_daily_pass (basis, dim, dim_value, stage, on_day, prev_day, passes, first_passes, strict_passes)
  select 'C', k.dim,
         case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
         p.stage, cast(p.captured_at as date), date '1000-01-01', count(*),
         sum(case when p.pass_no = 1 then 1 else 0 end), sum(case when p.strict_rank is not null then 1 else 0 end)
  from report_stage_pass p join report_rollup_dim k
    on k.dim in ('all', 'channel') or (k.dim = 'campaign' and p.campaign is not null)
       or (k.dim = 'landing' and p.landing_page is not null) or (k.dim = 'region' and p.region is not null)
  group by k.dim, case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
           p.stage, cast(p.captured_at as date);

-- event basis: the previous pass of the same stage is pass_no - 1 (report_stage_pass numbers them per lead
-- and stage); first passes need no look-up
create table report_rollup_prev (id bigint not null primary key, prev_day date not null);
insert into report_rollup_prev (id, prev_day)
  select p.id, cast(q.entered_at as date)
  from report_stage_pass p join report_stage_pass q on q.lead_id = p.lead_id and q.stage = p.stage
    and q.pass_no = p.pass_no - 1
  where p.pass_no > 1;

insert into report_daily_pass (basis, dim, dim_value, stage, on_day, prev_day, passes, first_passes, strict_passes)
  select 'E', k.dim,
         case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
         p.stage, cast(p.entered_at as date), coalesce(x.prev_day, date '1000-01-01'), count(*),
         sum(case when p.pass_no = 1 then 1 else 0 end), sum(case when p.strict_rank is not null then 1 else 0 end)
  from report_stage_pass p join report_rollup_dim k
    on k.dim in ('all', 'channel') or (k.dim = 'campaign' and p.campaign is not null)
       or (k.dim = 'landing' and p.landing_page is not null) or (k.dim = 'region' and p.region is not null)
    left join report_rollup_prev x on x.id = p.id
  group by k.dim, case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
           p.stage, cast(p.entered_at as date), coalesce(x.prev_day, date '1000-01-01');

-- rep and team slices: the lead's passes once per rep / per distinct team
create table report_rollup_slice (lead_id varchar(36) not null, dim varchar(8) not null, dim_value varchar(64) not null,
  primary key (lead_id, dim, dim_value));
insert into report_rollup_slice (lead_id, dim, dim_value) select lead_id, 'rep', rep from report_lead_rep;
insert into report_rollup_slice (lead_id, dim, dim_value)
  select distinct lead_id, 'team', team_id from report_lead_rep where team_id is not null;

insert into report_daily_pass (basis, dim, dim_value, stage, on_day, prev_day, passes, first_passes, strict_passes)
  select 'C', s.dim, s.dim_value, p.stage, cast(p.captured_at as date), date '1000-01-01', count(*),
         sum(case when p.pass_no = 1 then 1 else 0 end), sum(case when p.strict_rank is not null then 1 else 0 end)
  from report_rollup_slice s join report_stage_pass p on p.lead_id = s.lead_id
  group by s.dim, s.dim_value, p.stage, cast(p.captured_at as date);

insert into report_daily_pass (basis, dim, dim_value, stage, on_day, prev_day, passes, first_passes, strict_passes)
  select 'E', s.dim, s.dim_value, p.stage, cast(p.entered_at as date), coalesce(x.prev_day, date '1000-01-01'),
         count(*), sum(case when p.pass_no = 1 then 1 else 0 end),
         sum(case when p.strict_rank is not null then 1 else 0 end)
  from report_rollup_slice s join report_stage_pass p on p.lead_id = s.lead_id
    left join report_rollup_prev x on x.id = p.id
  group by s.dim, s.dim_value, p.stage, cast(p.entered_at as date), coalesce(x.prev_day, date '1000-01-01');

insert into report_daily_recycle (basis, dim, dim_value, on_day, reason, passes)
  select 'C', k.dim,
         case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
         cast(p.captured_at as date), coalesce(p.reason, 'UNKNOWN'), count(*)
  from report_stage_pass p join report_rollup_dim k
    on k.dim in ('all', 'channel') or (k.dim = 'campaign' and p.campaign is not null)
       or (k.dim = 'landing' and p.landing_page is not null) or (k.dim = 'region' and p.region is not null)
  where p.stage = 'RECYCLED'
  group by k.dim, case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
           cast(p.captured_at as date), coalesce(p.reason, 'UNKNOWN');
insert into report_daily_recycle (basis, dim, dim_value, on_day, reason, passes)
  select 'E', k.dim,
         case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
         cast(p.entered_at as date), coalesce(p.reason, 'UNKNOWN'), count(*)
  from report_stage_pass p join report_rollup_dim k
    on k.dim in ('all', 'channel') or (k.dim = 'campaign' and p.campaign is not null)
       or (k.dim = 'landing' and p.landing_page is not null) or (k.dim = 'region' and p.region is not null)
  where p.stage = 'RECYCLED'
  group by k.dim, case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
           cast(p.entered_at as date), coalesce(p.reason, 'UNKNOWN');
insert into report_daily_recycle (basis, dim, dim_value, on_day, reason, passes)
  select 'C', s.dim, s.dim_value, cast(p.captured_at as date), coalesce(p.reason, 'UNKNOWN'), count(*)
  from report_rollup_slice s join report_stage_pass p on p.lead_id = s.lead_id
  where p.stage = 'RECYCLED'
  group by s.dim, s.dim_value, cast(p.captured_at as date), coalesce(p.reason, 'UNKNOWN');
insert into report_daily_recycle (basis, dim, dim_value, on_day, reason, passes)
  select 'E', s.dim, s.dim_value, cast(p.entered_at as date), coalesce(p.reason, 'UNKNOWN'), count(*)
  from report_rollup_slice s join report_stage_pass p on p.lead_id = s.lead_id
  where p.stage = 'RECYCLED'
  group by s.dim, s.dim_value, cast(p.entered_at as date), coalesce(p.reason, 'UNKNOWN');

insert into report_daily_duration (basis, dim, dim_value, stage, on_day, bucket, passes)
  select 'C', k.dim,
         case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
         p.stage, cast(p.captured_at as date),
         case when p.seconds_in_stage < 1 then 0 else floor(ln(p.seconds_in_stage) / ln(1.1)) + 1 end, count(*)
  from report_stage_pass p join report_rollup_dim k
    on k.dim in ('all', 'channel') or (k.dim = 'campaign' and p.campaign is not null)
       or (k.dim = 'landing' and p.landing_page is not null) or (k.dim = 'region' and p.region is not null)
  where p.seconds_in_stage is not null and p.stage <> 'VALID'
  group by k.dim, case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
           p.stage, cast(p.captured_at as date),
           case when p.seconds_in_stage < 1 then 0 else floor(ln(p.seconds_in_stage) / ln(1.1)) + 1 end;
insert into report_daily_duration (basis, dim, dim_value, stage, on_day, bucket, passes)
  select 'E', k.dim,
         case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
         p.stage, cast(p.entered_at as date),
         case when p.seconds_in_stage < 1 then 0 else floor(ln(p.seconds_in_stage) / ln(1.1)) + 1 end, count(*)
  from report_stage_pass p join report_rollup_dim k
    on k.dim in ('all', 'channel') or (k.dim = 'campaign' and p.campaign is not null)
       or (k.dim = 'landing' and p.landing_page is not null) or (k.dim = 'region' and p.region is not null)
  where p.seconds_in_stage is not null and p.stage <> 'VALID'
  group by k.dim, case k.dim when 'all' then '' when 'channel' then p.source when 'campaign' then p.campaign
                    when 'landing' then p.landing_page else p.region end,
           p.stage, cast(p.entered_at as date),
           case when p.seconds_in_stage < 1 then 0 else floor(ln(p.seconds_in_stage) / ln(1.1)) + 1 end;
insert into report_daily_duration (basis, dim, dim_value, stage, on_day, bucket, passes)
  select 'C', s.dim, s.dim_value, p.stage, cast(p.captured_at as date),
         case when p.seconds_in_stage < 1 then 0 else floor(ln(p.seconds_in_stage) / ln(1.1)) + 1 end, count(*)
  from report_rollup_slice s join report_stage_pass p on p.lead_id = s.lead_id
  where p.seconds_in_stage is not null and p.stage <> 'VALID'
  group by s.dim, s.dim_value, p.stage, cast(p.captured_at as date),
           case when p.seconds_in_stage < 1 then 0 else floor(ln(p.seconds_in_stage) / ln(1.1)) + 1 end;
insert into report_daily_duration (basis, dim, dim_value, stage, on_day, bucket, passes)
  select 'E', s.dim, s.dim_value, p.stage, cast(p.entered_at as date),
         case when p.seconds_in_stage < 1 then 0 else floor(ln(p.seconds_in_stage) / ln(1.1)) + 1 end, count(*)
  from report_rollup_slice s join report_stage_pass p on p.lead_id = s.lead_id
  where p.seconds_in_stage is not null and p.stage <> 'VALID'
  group by s.dim, s.dim_value, p.stage, cast(p.entered_at as date),
           case when p.seconds_in_stage < 1 then 0 else floor(ln(p.seconds_in_stage) / ln(1.1)) + 1 end;

insert into report_daily_quality (dim, dim_value, on_day, verdict, reason, leads)
  select k.dim,
         case k.dim when 'all' then '' when 'channel' then l.source when 'campaign' then l.campaign
                    when 'landing' then l.landing_page else l.region end,
         cast(l.captured_at as date),
         case when l.valid = true then 'V' when l.valid = false then 'I' else 'U' end,
         case when l.valid = false then coalesce(l.invalid_reason, 'UNKNOWN') else '' end, count(*)
  from lead l join report_rollup_dim k
    on k.dim in ('all', 'channel') or (k.dim = 'campaign' and l.campaign is not null)
       or (k.dim = 'landing' and l.landing_page is not null) or (k.dim = 'region' and l.region is not null)
  group by k.dim, case k.dim when 'all' then '' when 'channel' then l.source when 'campaign' then l.campaign
                    when 'landing' then l.landing_page else l.region end,
           cast(l.captured_at as date), case when l.valid = true then 'V' when l.valid = false then 'I' else 'U' end,
           case when l.valid = false then coalesce(l.invalid_reason, 'UNKNOWN') else '' end;
insert into report_daily_quality (dim, dim_value, on_day, verdict, reason, leads)
  select s.dim, s.dim_value, cast(l.captured_at as date),
         case when l.valid = true then 'V' when l.valid = false then 'I' else 'U' end,
         case when l.valid = false then coalesce(l.invalid_reason, 'UNKNOWN') else '' end, count(*)
  from report_rollup_slice s join lead l on l.id = s.lead_id
  group by s.dim, s.dim_value, cast(l.captured_at as date),
           case when l.valid = true then 'V' when l.valid = false then 'I' else 'U' end,
           case when l.valid = false then coalesce(l.invalid_reason, 'UNKNOWN') else '' end;

drop table report_rollup_slice;
drop table report_rollup_prev;
drop table report_rollup_dim;
