package org.leadflow.handover;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One hand-over as recorded in {@code lead_handover}. */
public record Handover(long id, String departingRep, HandoverKind kind, LocalDate returnsOn, boolean handBack,
    String chosenSuccessor, String note, String processInstanceId, String status, int leadsMoved, int tasksMoved,
    int timersMoved, String startedBy, Instant startedAt, Instant handedBackAt) {

  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String HANDED_OVER = "HANDED_OVER";
  public static final String HANDED_BACK = "HANDED_BACK";

  /** A lead the hand-over moved: in which band and order, to whom, with how many tasks and timers. */
  public record Item(String leadId, int seq, FunnelBand band, String stage, String successor, int tasksMoved,
      int timersMoved, Instant handedBackAt, String handBackNote) {}

  /** A hand-over with the leads it moved, as {@code GET /api/handovers/{id}} shows it. */
  public record Report(Handover handover, List<Item> items) {}
}
