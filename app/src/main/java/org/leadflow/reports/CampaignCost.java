package org.leadflow.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** What a campaign on a channel cost between two dates (both inclusive). */
public record CampaignCost(Long id, String campaign, String channel, LocalDate periodStart, LocalDate periodEnd,
    BigDecimal amount, String currency, String note, Instant createdAt, String createdBy) {}
