package org.leadflow.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** What a rep ({@code REP}, subject = user id) or a team ({@code TEAM}, subject = team id) is to close in a month. */
public record Plan(Long id, YearMonth month, String scope, String subject, BigDecimal amount, Instant updatedAt,
    String updatedBy) {}
