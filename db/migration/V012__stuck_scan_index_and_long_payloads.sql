-- The stuck-lead scan holds each stage to its own limit: where stage = ? and stage_changed_at < ?, per
-- open stage, on every node every lead.stuck.scan-interval.
create index ix_lead_stage_changed on lead (stage, stage_changed_at);

-- A team's digest travels whole in its outbox row; MySQL/MariaDB TEXT stops at 64 KB, which a team of a
-- dozen reps with twenty overdue tasks each passes (MEDIUMTEXT: 16 MB).
alter table lead_event_outbox modify payload mediumtext not null;
