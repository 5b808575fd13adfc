package org.leadflow.people;

/** A rep's profile: their team, how many open leads they may hold at once, and whether they still work here. */
public record Rep(String userId, String teamId, int capacity, RepStatus status) {}
