package org.leadflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.lead.Lead;
import org.leadflow.lead.TestLeads;

/**
 * Speed to lead in the read model: only a lead's first contact is kept, in its owner's team's working time; an
 * earlier one moves the lead in the contact rollup; the report reads many timed leads from the histogram.
 */
class ReportProjectionTest {

  private static final Instant CAPTURED = Instant.parse("2026-12-07T09:00:00Z");

  private final ReportMapper reports = mock(ReportMapper.class);
  private final BusinessTime businessTime = mock(BusinessTime.class);
  private final ReportProjection projection = new ReportProjection(reports, businessTime);
  private final Lead lead = TestLeads.lead("lead-1").capturedAt(CAPTURED).ownerId("sam").build();

  @Test
  void theFirstContactIsStoredWithTheWorkingTimeInTheOwnersTeamCalendar() {
    Instant called = CAPTURED.plus(Duration.ofHours(20));
    when(reports.teamOfRep("sam")).thenReturn("sdr-desk");
    when(businessTime.between("sdr-desk", CAPTURED, called)).thenReturn(Duration.ofHours(3));

    projection.contacted(lead, called);

    verify(reports).insertFirstContact(new ReportMapper.FirstContact("lead-1", CAPTURED, called, "sdr-desk", 10_800L));
  }

  @Test
  void aLaterContactChangesNothingAndAnEarlierOneReplacesIt() {
    Instant first = CAPTURED.plus(Duration.ofHours(2));
    when(reports.firstContact("lead-1"))
        .thenReturn(new ReportMapper.FirstContact("lead-1", CAPTURED, first, null, 7_200L));

    projection.contacted(lead, first.plusSeconds(60));
    projection.contacted(lead, first);
    verify(reports, never()).updateFirstContact(any());
    verify(reports, never()).insertFirstContact(any());

    Instant earlier = first.minus(Duration.ofHours(1));
    when(businessTime.between(null, CAPTURED, earlier)).thenReturn(Duration.ofHours(1));
    projection.contacted(lead, earlier);
    verify(reports).updateFirstContact(new ReportMapper.FirstContact("lead-1", CAPTURED, earlier, null, 3_600L));
    // the contact rollup moves the lead from the old contact's rows to the new one's (outside a transaction: at once)
    LocalDate day = LocalDate.parse("2026-12-07");
    verify(reports).addDailyContacts(contactRows(day, DurationHistogram.bucket(7_200), -1));
    verify(reports).addDailyContacts(contactRows(day, DurationHistogram.bucket(3_600), 1));
  }

  /** The lead's contact rows in its slices (all, its channel, its profile; no campaign, landing page, region). */
  private List<ReportMapper.DailyContact> contactRows(LocalDate day, int bucket, long leads) {
    String profile = ReportProfile.id(lead.source(), lead.campaign(), lead.landingPage(), lead.region());
    List<ReportMapper.DailyContact> rows = new java.util.ArrayList<>();
    for (String basis : List.of("C", "E")) {
      rows.add(new ReportMapper.DailyContact(basis, "all", "", day, bucket, leads));
      rows.add(new ReportMapper.DailyContact(basis, "channel", lead.source(), day, bucket, leads));
      rows.add(new ReportMapper.DailyContact(basis, ReportProfile.PROFILE, profile, day, bucket, leads));
    }
    return rows;
  }

  @Test
  void speedToLeadOfManyTimedLeadsIsReadFromTheHistogramAndOfFewExactly() {
    ReportService service = new ReportService(reports);
    ReportFilter filter = ReportFilter.parse(Map.of("channel", "sem"), LocalDate.parse("2026-12-07"));
    // 2,000 timed leads: 1,000 in the bucket of 60 s, 1,000 in that of 3,600 s
    when(reports.speedRollup(any())).thenReturn(new ReportMapper.SpeedCounts(5_000, 2_500, 2_000));
    when(reports.contactBuckets(any())).thenReturn(List.of(
        new DurationHistogram.Bucket(DurationHistogram.bucket(60), 1_000),
        new DurationHistogram.Bucket(DurationHistogram.bucket(3_600), 1_000)));

    ReportService.SpeedToLead many = service.speedToLead(filter);

    assertThat(many.leads()).isEqualTo(5_000);
    assertThat(many.contacted()).isEqualTo(2_500);
    assertThat(many.approximate()).isTrue();
    assertThat(many.medianBusinessSeconds()).isCloseTo(60L, within(3L));
    assertThat(many.p90BusinessSeconds()).isCloseTo(3_600L, within(180L));
    verify(reports, never()).businessSecondsAt(any(), anyLong());
    verify(reports, never()).speedCounts(any());

    // 3 timed leads: the exact figures of the read model, at the offsets of the rollup's count
    when(reports.speedRollup(any())).thenReturn(new ReportMapper.SpeedCounts(10, 4, 3));
    when(reports.businessSecondsAt(any(), eq(1L))).thenReturn(1_800L);
    when(reports.businessSecondsAt(any(), eq(2L))).thenReturn(7_200L);

    ReportService.SpeedToLead few = service.speedToLead(filter);

    assertThat(few.approximate()).isFalse();
    assertThat(few.medianBusinessSeconds()).isEqualTo(1_800L);
    assertThat(few.p90BusinessSeconds()).isEqualTo(7_200L);
  }
}
