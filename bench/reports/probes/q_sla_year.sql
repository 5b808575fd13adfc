select sla_type, count(*) total, sum(outcome = 'MET') met, sum(breached_at is not null) breached, sum(status = 'OPEN') open
from lead_sla where started_at >= '2025-12-03' and started_at < '2026-12-03' group by sla_type;
