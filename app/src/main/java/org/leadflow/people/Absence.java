package org.leadflow.people;

import java.time.Instant;
import java.time.LocalDate;

/** A rep out of office from {@code fromDate} to {@code toDate}, both inclusive, in the team's time zone. */
public record Absence(long id, String userId, LocalDate fromDate, LocalDate toDate, String reason, Instant createdAt,
    String createdBy) {

  public boolean covers(LocalDate day) {
    return !day.isBefore(fromDate) && !day.isAfter(toDate);
  }
}
