package org.leadflow.engagement;

import java.time.Instant;
import org.leadflow.scoring.EngagementType;

/** A row of {@code lead_engagement_event}. */
public record StoredEngagement(String eventId, String leadId, String email, EngagementType type, int points,
    Instant occurredAt, Instant receivedAt, String source, String detail, Instant attachedAt) {}
