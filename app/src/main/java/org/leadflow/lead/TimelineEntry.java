package org.leadflow.lead;

import java.time.Instant;

/** One line of a lead's timeline: what happened, when, by whom. */
public record TimelineEntry(Instant at, String kind, String summary, String actor) {}
