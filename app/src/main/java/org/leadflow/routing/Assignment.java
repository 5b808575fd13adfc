package org.leadflow.routing;

/** The chosen rep, their manager (may be null) and the human-readable reason. */
public record Assignment(String assignee, String manager, String reason) {}
