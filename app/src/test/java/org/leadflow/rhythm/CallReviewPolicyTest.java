package org.leadflow.rhythm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadflow.MovableClock;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.calendar.WorkingCalendar;
import org.leadflow.calendar.WorkingHours;

/** The call review's due date counts working time in the calendar of the review's team. */
class CallReviewPolicyTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final WorkingCalendar OFFICE_HOURS = new WorkingCalendar("de-berlin", "Berlin", BERLIN,
      Arrays.stream(new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY}).map(day -> new WorkingHours(day, "09:00", "17:00")).toList(), List.of());

  /** sdr-desk counts in Berlin office hours; any other team around the clock. */
  private final BusinessTime businessTime = new BusinessTime() {
    @Override
    public Instant plus(String teamId, Instant start, Duration workingTime) {
      return "sdr-desk".equals(teamId) ? OFFICE_HOURS.plus(start, workingTime) : start.plus(workingTime);
    }

    @Override
    public Duration between(String teamId, Instant from, Instant to) {
      return "sdr-desk".equals(teamId) ? OFFICE_HOURS.between(from, to) : Duration.between(from, to);
    }
  };

  private final CallReviewService reviews = mock(CallReviewService.class);
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T06:00:00Z")); // Saturday 07:00 Berlin
  private final CallReviewPolicy policy = new CallReviewPolicy(RhythmProperties.defaults(), reviews, businessTime,
      clock);

  @Test
  void aReviewMadeOnSaturdayMorningFallsDueAtTheEndOfMondayInTheTeamsCalendar() {
    when(reviews.items(7L)).thenReturn(List.of(CallReviewItem.noCalls(7L, "sdr-desk", "sam")));

    assertThat(policy.reviewDue("7").toInstant()).isEqualTo(Instant.parse("2026-12-07T16:00:00Z")); // Mon 17:00
  }

  @Test
  void aReviewWithoutItemsCountsInTheDefaultCalendarOfNoTeam() {
    Map<String, Instant> asked = new java.util.HashMap<>();
    when(reviews.items(8L)).thenReturn(List.of());
    CallReviewPolicy recording = new CallReviewPolicy(RhythmProperties.defaults(), reviews, new BusinessTime() {
      @Override
      public Instant plus(String teamId, Instant start, Duration workingTime) {
        asked.put(String.valueOf(teamId), start);
        return start.plus(workingTime);
      }

      @Override
      public Duration between(String teamId, Instant from, Instant to) {
        return Duration.between(from, to);
      }
    }, clock);

    assertThat(recording.reviewDue("8").toInstant()).isEqualTo(clock.instant().plus(Duration.ofHours(8)));
    assertThat(asked).containsOnlyKeys("null");
  }
}
