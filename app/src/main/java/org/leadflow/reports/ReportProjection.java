package org.leadflow.reports;

import java.time.Instant;
import java.util.List;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.lead.Lead;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model ({@code report_stage_pass}, {@code report_lead_rep}; V014, {@code report_first_contact};
 * V018, README "Reports") in step with the facts, in the caller's transaction (the lead's row is locked by
 * then). Two statements per stage change (close the open pass, insert the new one) plus one read of the lead's
 * strict rank; one statement per assignment; one read (plus one write the first time) per call attempt or
 * first contact.
 */
@Component
public class ReportProjection {

  /** The main line of the strict funnel, in order; a pass of {@code MAIN_LINE.get(k)} may get strict rank k. */
  public static final List<String> MAIN_LINE = List.of("CAPTURED", "VALID", "MQL", "SQL", "SAL", "OPPORTUNITY",
      "WON");

  private final ReportMapper reports;
  private final BusinessTime businessTime;

  public ReportProjection(ReportMapper reports, BusinessTime businessTime) {
    this.reports = reports;
    this.businessTime = businessTime;
  }

  /** The lead (as it is now, dimensions set) entered {@code stage} at {@code at}. */
  public void entered(Lead lead, String stage, Instant at, String reason) {
    ReportMapper.PassState state = reports.passState(lead.id(), stage);
    reports.closeOpenPass(lead.id(), at);
    Integer rank = strictRank(state.strictRank(), stage);
    reports.insertPass(new ReportMapper.PassRow(lead.id(), stage, state.passes() + 1, rank, at, null, null,
        truncate(reason), lead.capturedAt(), lead.source(), lead.campaign(), lead.landingPage(), lead.region()));
  }

  /** The validity check passed: a VALID milestone (no time in it; the lead stays in its stage). */
  public void validated(Lead lead, Instant at) {
    ReportMapper.PassState state = reports.passState(lead.id(), "VALID");
    reports.insertPass(new ReportMapper.PassRow(lead.id(), "VALID", state.passes() + 1,
        strictRank(state.strictRank(), "VALID"), at, at, 0L, null, lead.capturedAt(), lead.source(),
        lead.campaign(), lead.landingPage(), lead.region()));
  }

  /** Someone was assigned the lead (a no-op when they had been before). */
  public void assigned(String leadId, String assignee, Instant at) {
    reports.insertLeadRep(leadId, assignee, at);
  }

  /**
   * Someone called or contacted the lead at {@code at} (a call attempt or a first contact): the lead's first
   * contact is stored with the working time from capture to it in the calendar of the owner's team (the
   * owner now, when the contact is recorded). Later contacts change nothing; an earlier one (recorded late)
   * replaces it.
   */
  public void contacted(Lead lead, Instant at) {
    Instant first = reports.firstContactAt(lead.id());
    if (first != null && !at.isBefore(first)) {
      return;
    }
    String team = lead.ownerId() == null ? null : reports.teamOfRep(lead.ownerId());
    ReportMapper.FirstContact contact = new ReportMapper.FirstContact(lead.id(), lead.capturedAt(), at, team,
        businessTime.between(team, lead.capturedAt(), at).getSeconds());
    if (first == null) {
      reports.insertFirstContact(contact);
    } else {
      reports.updateFirstContact(contact);
    }
  }

  /**
   * The strict rank a new pass of {@code stage} gets when the lead's main line reached {@code reached}
   * (-1: nothing yet): the next stage of the line extends it, anything else does not.
   */
  static Integer strictRank(int reached, String stage) {
    int rank = MAIN_LINE.indexOf(stage);
    return rank >= 0 && rank == reached + 1 ? rank : null;
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 200 ? text : text.substring(0, 199) + "…";
  }
}
