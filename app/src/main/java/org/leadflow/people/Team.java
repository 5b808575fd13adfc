package org.leadflow.people;

/**
 * A team of reps working one pool for a territory and product line. {@code timeZone} is an IANA id
 * (e.g. {@code Europe/Berlin}): absences are dated in it, and the SLA calendars will count in it.
 */
public record Team(String id, String name, TeamRole role, String supervisorId, String region, String productLine,
    String timeZone) {}
