select h.to_stage, count(distinct h.lead_id) leads, count(*) passes from lead_stage_history h
where h.changed_at >= '2026-07-01' and h.changed_at < '2026-10-01' group by h.to_stage;
