package org.leadflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.leadflow.calendar.BusinessTime;
import org.springframework.transaction.PlatformTransactionManager;

class FirstContactBackfillTest {

  private static final Instant CAPTURED = Instant.parse("2026-11-30T09:00:00Z");
  private static final Instant CONTACTED = Instant.parse("2026-11-30T11:00:00Z");

  private final ReportMapper reports = mock(ReportMapper.class);
  private final BusinessTime businessTime = mock(BusinessTime.class);
  private final ReportProjection projection = mock(ReportProjection.class);
  private final FirstContactBackfill backfill = new FirstContactBackfill(reports, businessTime, projection,
      mock(PlatformTransactionManager.class));

  @Test
  void everyRowWithoutWorkingTimeGetsItBatchAfterBatch() {
    // given a full batch, then a last short one
    List<ReportMapper.UntimedContact> full = IntStream.range(0, FirstContactBackfill.BATCH)
        .mapToObj(i -> contact("lead-" + i, "sales-north")).toList();
    when(reports.firstContactsWithoutSeconds(FirstContactBackfill.BATCH))
        .thenReturn(full, List.of(contact("lead-last", "sales-north")));
    when(businessTime.between(eq("sales-north"), any(), any())).thenReturn(Duration.ofHours(2));
    when(reports.setBusinessSeconds(any(), anyLong())).thenReturn(1);

    // when
    long filled = backfill.fill();

    // then every row is filled and moved in the contact rollup
    assertThat(filled).isEqualTo(FirstContactBackfill.BATCH + 1L);
    verify(reports).setBusinessSeconds("lead-last", 7200);
    verify(projection).timed(contact("lead-last", "sales-north"), 7200);
    verify(reports, times(2)).firstContactsWithoutSeconds(FirstContactBackfill.BATCH);
  }

  @Test
  void aRowAnotherNodeFilledFirstIsNotMovedInTheRollupTwice() {
    // given one row that another node fills between the read and the update
    when(reports.firstContactsWithoutSeconds(FirstContactBackfill.BATCH))
        .thenReturn(List.of(contact("lead-raced", "sales-north")));
    when(businessTime.between(eq("sales-north"), any(), any())).thenReturn(Duration.ofHours(2));
    when(reports.setBusinessSeconds("lead-raced", 7200)).thenReturn(0);

    // when
    long filled = backfill.fill();

    // then
    assertThat(filled).isZero();
    verify(projection, never()).timed(any(), anyLong());
  }

  @Test
  void aRowWhoseWorkingTimeCannotBeComputedStaysOpenAndDoesNotMakeTheFillReadTheSameBatchForever() {
    // given a full batch whose first row's team has no calendar (the same batch would come again)
    List<ReportMapper.UntimedContact> full = IntStream.range(0, FirstContactBackfill.BATCH)
        .mapToObj(i -> contact("lead-" + i, i == 0 ? "gone-team" : "sales-north")).toList();
    when(reports.firstContactsWithoutSeconds(FirstContactBackfill.BATCH)).thenReturn(full);
    when(businessTime.between(eq("sales-north"), any(), any())).thenReturn(Duration.ofHours(2));
    when(businessTime.between(eq("gone-team"), any(), any())).thenThrow(new IllegalArgumentException("no calendar"));
    when(reports.setBusinessSeconds(any(), anyLong())).thenReturn(1);

    // when
    long filled = backfill.fill();

    // then the others are filled, the failed one is left, and the batch was read once
    assertThat(filled).isEqualTo(FirstContactBackfill.BATCH - 1L);
    verify(reports, never()).setBusinessSeconds(eq("lead-0"), anyLong());
    verify(reports).firstContactsWithoutSeconds(FirstContactBackfill.BATCH);
  }

  @Test
  void aFailingBackfillDoesNotStopTheApp() {
    // given
    when(reports.firstContactsWithoutSeconds(FirstContactBackfill.BATCH))
        .thenThrow(new IllegalStateException("database away"));

    // when / then: no exception out of what the start listener runs
    backfill.fillAndLog();
    verify(reports).firstContactsWithoutSeconds(FirstContactBackfill.BATCH);
  }

  private static ReportMapper.UntimedContact contact(String leadId, String teamId) {
    return new ReportMapper.UntimedContact(leadId, CAPTURED, CONTACTED, teamId, "web-form", null, null, null);
  }
}
