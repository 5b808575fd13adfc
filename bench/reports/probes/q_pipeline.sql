select owner_id, count(*), sum(deal_value), sum(deal_value * case funnel_position when 'TOP' then 0.25 when 'MIDDLE' then 0.5 else 0.75 end) from lead where stage = 'OPPORTUNITY' group by owner_id;
