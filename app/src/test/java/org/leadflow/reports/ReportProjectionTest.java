package org.leadflow.reports;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.lead.Lead;
import org.leadflow.lead.TestLeads;

/** Speed to lead in the read model: only a lead's first contact is kept, in its owner's team's working time. */
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
    when(reports.firstContactAt("lead-1")).thenReturn(first);

    projection.contacted(lead, first.plusSeconds(60));
    projection.contacted(lead, first);
    verify(reports, never()).updateFirstContact(any());
    verify(reports, never()).insertFirstContact(any());

    Instant earlier = first.minus(Duration.ofHours(1));
    when(businessTime.between(null, CAPTURED, earlier)).thenReturn(Duration.ofHours(1));
    projection.contacted(lead, earlier);
    verify(reports).updateFirstContact(new ReportMapper.FirstContact("lead-1", CAPTURED, earlier, null, 3_600L));
  }
}
