package org.leadflow.lead;

/** Filters of {@code GET /api/leads}; null means "any". */
public record LeadFilter(LeadStage stage, String source, String campaign, String ownerId, String email,
    int offset, int limit) {}
