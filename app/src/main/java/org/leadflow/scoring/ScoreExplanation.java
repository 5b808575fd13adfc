package org.leadflow.scoring;

import java.time.Instant;
import java.util.List;

/**
 * Why a lead's score is what it is, as of {@code at}: fit; engagement as booked and after the decay
 * since the last booking ({@code pendingDecay}, booked at the next re-score); their total; what the
 * latest lead-sales-ready table decides on it ({@code decidedBy} names the rule and its version); the
 * half-life; and the ledger, whose lines sum to {@code ledgerSum} (= fit + booked engagement).
 */
public record ScoreExplanation(int fit, int engagementBooked, int engagement, int pendingDecay, int total,
    Integer threshold, boolean salesReady, String decidedBy, String why, String engagementHalfLife, Instant at,
    int ledgerSum, List<ScoreLine> ledger) {}
