select h.to_stage, count(distinct h.lead_id) leads, count(*) passes from lead l join lead_stage_history h on h.lead_id = l.id
where l.captured_at >= '2025-12-03' and l.captured_at < '2026-12-03' group by h.to_stage;
