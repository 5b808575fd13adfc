select h.to_stage, count(distinct h.lead_id) leads, count(*) passes from lead l join lead_stage_history h on h.lead_id = l.id
where l.captured_at >= '2026-07-01' and l.captured_at < '2026-10-01'
  and exists (select 1 from lead_assignment a join lead_rep r on r.user_id = a.assignee where a.lead_id = l.id and r.team_id = 'sales-north') group by h.to_stage;
