-- Speed to lead in the reports' read model (README "Reports"): one row per lead that was contacted, written
-- by ReportProjection.contacted in the transaction that records the lead's first call attempt or first
-- contact (LeadService.recordActivity), so /api/reports/speed-to-lead reads stored figures instead of walking
-- lead_activity and the calendars per request.
--   contacted_at:     the earliest CALL_ATTEMPT / FIRST_CONTACT activity of the lead
--   team_id:          the owner's team when that contact was recorded (its calendar counts the working time)
--   business_seconds: capture -> contacted_at in that team's working time (BusinessTime.between)
-- captured_at is the lead's (never changes after capture), copied so the percentiles read this table alone.
create table report_first_contact (
  lead_id          varchar(36)  not null primary key,
  captured_at      datetime(3)  not null,
  contacted_at     datetime(3)  not null,
  team_id          varchar(40),
  business_seconds bigint
);
-- event basis (first contacted in the period) and the cohort basis' percentiles, read from the index
create index ix_report_first_contact_at on report_first_contact (contacted_at, lead_id, business_seconds);
create index ix_report_first_contact_seconds on report_first_contact (business_seconds, lead_id);

-- backfill: contacts recorded before this table existed. Working time needs the Java calendars, so
-- business_seconds stays null here and FirstContactBackfill computes it when the app starts.
insert into report_first_contact (lead_id, captured_at, contacted_at, team_id)
  select l.id, l.captured_at, min(a.occurred_at), (select r.team_id from lead_rep r where r.user_id = l.owner_id)
  from lead l join lead_activity a on a.lead_id = l.id
  where a.type in ('CALL_ATTEMPT', 'FIRST_CONTACT')
  group by l.id, l.captured_at, l.owner_id;
