package org.leadflow.rhythm;

import java.time.Instant;
import java.time.LocalDate;

/** A stored digest; {@code content} is the JSON document published on {@code leads.digest}. */
public record Digest(Long id, String teamId, LocalDate localDate, String managerId, String timeZone,
    Instant generatedAt, int overdueTasks, String content, Instant mailedAt, int mailAttempts, String mailError) {}
