package org.leadflow.handover;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Whether a rep can take leads: the hand-over marks the departing or absent rep unavailable first, so
 * that routing does not pick them as a successor, and checks a returning rep before handing back.
 */
public interface RepAvailability {

  void markUnavailable(String rep, HandoverKind kind, Instant from, LocalDate returnsOn, String reason, String actor);

  boolean isAvailable(String rep, Instant at);
}
