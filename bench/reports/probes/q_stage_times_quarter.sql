select stage, count(*), avg(secs) from (
 select h.to_stage stage, timestampdiff(second, h.changed_at, lead(h.changed_at) over (partition by h.lead_id order by h.changed_at, h.id)) secs
 from lead l join lead_stage_history h on h.lead_id = l.id where l.captured_at >= '2026-07-01' and l.captured_at < '2026-10-01') s
where secs is not null group by stage;
