package org.leadflow.rhythm;

import java.time.Instant;
import java.time.LocalDate;

/** A supervisor's review of the calls sampled from {@code callDate}; one user task. */
public record SampledReview(Long id, String supervisorId, LocalDate callDate, String runId, Instant createdAt,
    Instant completedAt) {}
