select count(*) captured, sum(valid = 1) valid, sum(valid = 0) invalid from lead where captured_at >= '2025-12-03' and captured_at < '2026-12-03';
select invalid_reason, count(*) from lead where captured_at >= '2025-12-03' and captured_at < '2026-12-03' and valid = 0 group by invalid_reason;
