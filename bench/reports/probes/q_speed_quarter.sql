select count(*), avg(timestampdiff(second, l.captured_at, f.first_at)) from lead l
join (select a.lead_id, min(a.occurred_at) first_at from lead_activity a where a.type in ('CALL_ATTEMPT','FIRST_CONTACT') and a.code in ('REACHED','OPPORTUNITY','RECYCLE') group by a.lead_id) f on f.lead_id = l.id
where l.captured_at >= '2026-07-01' and l.captured_at < '2026-10-01';
