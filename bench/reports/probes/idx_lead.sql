create index ix_lead_captured_quality on lead (captured_at, valid, invalid_reason, stage, close_reason, source);
create index ix_lead_open_pipeline on lead (stage, owner_id, funnel_position, deal_value);
