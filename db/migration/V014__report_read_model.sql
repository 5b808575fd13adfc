-- The reports' read model (org.leadflow.reports, README "Reports"): maintained in the transaction that
-- writes the facts, so a report reads one table instead of walking lead_stage_history.
--
-- report_stage_pass: one row per stage a lead entered (each pass dated; a lead recycled twice has three
-- NURTURING/MQL passes ...), with the lead's capture-time dimensions copied (they never change after
-- capture) so both bases filter without a join:
--   cohort basis: stage + captured_at (ix_report_pass_cohort), event basis: stage + entered_at (ix_report_pass_event).
-- VALID is a milestone pass (entered_at = left_at = when the validity check passed), not a stage of lead.stage.
-- pass_no: the lead's n-th pass of that stage (1 = first time). left_at/seconds_in_stage: null while the lead
-- is still in it. strict_rank: set on the pass that extends the lead's main line CAPTURED(0) VALID(1) MQL(2)
-- SQL(3) SAL(4) OPPORTUNITY(5) WON(6) in order (the earliest such pass), null otherwise: the strict funnel
-- counts leads with strict_rank = k. reason: the stage change's reason (RECYCLED: the recycle reason).
-- Written by LeadService (create, markValid, moveToStage): the open pass is closed and the new one inserted.
--
-- report_lead_rep: one row per lead and person ever assigned it (lead_assignment, any role), with the
-- assignee's team at the first assignment: the rep and team filters. Written by RoutingService.
--
-- Rebuild: delete both tables' rows and run the insert statements below again (they read only
-- lead, lead_stage_history, lead_assignment and lead_rep). The rebuilt strict ranks follow the first pass of
-- each main-line stage (exact for every path that does not revisit a main-line stage before reaching the next).
create table report_stage_pass (
  id               bigint        not null auto_increment primary key,
  lead_id          varchar(36)   not null,
  stage            varchar(20)   not null,
  pass_no          int           not null,
  strict_rank      int,
  entered_at       datetime(3)   not null,
  left_at          datetime(3),
  seconds_in_stage bigint,
  reason           varchar(200),
  captured_at      datetime(3)   not null,
  source           varchar(40)   not null,
  campaign         varchar(200),
  landing_page     varchar(500),
  region           varchar(100)
);
create index ix_report_pass_lead on report_stage_pass (lead_id, left_at);
-- seconds_in_stage last: the stage-time percentiles read the index alone (BENCHMARKS.md, reports: a covering
-- duration index took the quarter's stage-times from 2,417 to 357 ms p95 at 100,000 leads)
create index ix_report_pass_cohort on report_stage_pass (stage, captured_at, lead_id, seconds_in_stage);
create index ix_report_pass_event on report_stage_pass (stage, entered_at, lead_id, seconds_in_stage);
create index ix_report_pass_region on report_stage_pass (region, stage, captured_at);
create index ix_report_pass_source on report_stage_pass (source, stage, captured_at);
create index ix_report_pass_campaign on report_stage_pass (campaign, stage, captured_at);

create table report_lead_rep (
  lead_id     varchar(36)  not null,
  rep         varchar(64)  not null,
  team_id     varchar(40),
  assigned_at datetime(3)  not null,
  primary key (lead_id, rep)
);
create index ix_report_lead_rep_rep on report_lead_rep (rep, lead_id);
create index ix_report_lead_rep_team on report_lead_rep (team_id, lead_id);

-- backfill: every stage change becomes a pass, closed by the lead's next change
insert into report_stage_pass (lead_id, stage, pass_no, entered_at, left_at, reason, captured_at, source, campaign,
    landing_page, region)
  select h.lead_id, h.to_stage,
         (select count(*) from lead_stage_history e where e.lead_id = h.lead_id and e.to_stage = h.to_stage
            and e.id <= h.id),
         h.changed_at,
         (select min(n.changed_at) from lead_stage_history n where n.lead_id = h.lead_id and n.id > h.id),
         case when h.to_stage = 'RECYCLED' and h.reason like 'recycled: %' then substring(h.reason, 11)
              else h.reason end,
         l.captured_at, l.source, l.campaign, l.landing_page, l.region
  from lead_stage_history h join lead l on l.id = h.lead_id;
update report_stage_pass set seconds_in_stage = timestampdiff(second, entered_at, left_at) where left_at is not null;

-- VALID: when the lead first left CAPTURED for anything but INVALID (the validity check had passed)
insert into report_stage_pass (lead_id, stage, pass_no, entered_at, left_at, seconds_in_stage, captured_at, source,
    campaign, landing_page, region)
  select p.lead_id, 'VALID', 1, min(p.entered_at), min(p.entered_at), 0, min(p.captured_at), min(p.source),
         min(p.campaign), min(p.landing_page), min(p.region)
  from report_stage_pass p where p.stage not in ('CAPTURED', 'INVALID')
  group by p.lead_id;

-- strict ranks, stage by stage along the main line (a scratch table: MySQL cannot update a table it reads)
create table report_strict_scratch (lead_id varchar(36) not null primary key, entered_at datetime(3) not null);
update report_stage_pass set strict_rank = 0 where stage = 'CAPTURED' and pass_no = 1;
insert into report_strict_scratch select lead_id, entered_at from report_stage_pass where strict_rank = 0;
update report_stage_pass set strict_rank = 1 where stage = 'VALID' and pass_no = 1 and exists (select 1
  from report_strict_scratch s where s.lead_id = report_stage_pass.lead_id and s.entered_at <= report_stage_pass.entered_at);
delete from report_strict_scratch;
insert into report_strict_scratch select lead_id, entered_at from report_stage_pass where strict_rank = 1;
update report_stage_pass set strict_rank = 2 where stage = 'MQL' and pass_no = 1 and exists (select 1
  from report_strict_scratch s where s.lead_id = report_stage_pass.lead_id and s.entered_at <= report_stage_pass.entered_at);
delete from report_strict_scratch;
insert into report_strict_scratch select lead_id, entered_at from report_stage_pass where strict_rank = 2;
update report_stage_pass set strict_rank = 3 where stage = 'SQL' and pass_no = 1 and exists (select 1
  from report_strict_scratch s where s.lead_id = report_stage_pass.lead_id and s.entered_at <= report_stage_pass.entered_at);
delete from report_strict_scratch;
insert into report_strict_scratch select lead_id, entered_at from report_stage_pass where strict_rank = 3;
update report_stage_pass set strict_rank = 4 where stage = 'SAL' and pass_no = 1 and exists (select 1
  from report_strict_scratch s where s.lead_id = report_stage_pass.lead_id and s.entered_at <= report_stage_pass.entered_at);
delete from report_strict_scratch;
insert into report_strict_scratch select lead_id, entered_at from report_stage_pass where strict_rank = 4;
update report_stage_pass set strict_rank = 5 where stage = 'OPPORTUNITY' and pass_no = 1 and exists (select 1
  from report_strict_scratch s where s.lead_id = report_stage_pass.lead_id and s.entered_at <= report_stage_pass.entered_at);
delete from report_strict_scratch;
insert into report_strict_scratch select lead_id, entered_at from report_stage_pass where strict_rank = 5;
update report_stage_pass set strict_rank = 6 where stage = 'WON' and pass_no = 1 and exists (select 1
  from report_strict_scratch s where s.lead_id = report_stage_pass.lead_id and s.entered_at <= report_stage_pass.entered_at);
drop table report_strict_scratch;

insert into report_lead_rep (lead_id, rep, team_id, assigned_at)
  select a.lead_id, a.assignee, (select r.team_id from lead_rep r where r.user_id = a.assignee), min(a.assigned_at)
  from lead_assignment a group by a.lead_id, a.assignee;
