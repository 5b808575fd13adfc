package org.leadflow.sales;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sales side of a lead: acceptance, first contact, the opportunity and its close. */
@Service
@Transactional
public class SalesService {

  public static final String OPPORTUNITY = "OPPORTUNITY";
  public static final String DISQUALIFIED = "DISQUALIFIED";
  public static final String WON = "WON";
  public static final String LOST = "LOST";
  public static final String DEFAULT_POSITION = "TOP";

  private final LeadService leads;

  public SalesService(LeadService leads) {
    this.leads = leads;
  }

  public void recordAccepted(String leadId, String rep, String actor, String notes) {
    leads.recordActivity(leadId, ActivityType.ACCEPT_DECISION, "ACCEPTED", null, actor, notes);
    leads.moveToStage(leadId, LeadStage.SAL, rep, actor, "accepted by " + rep);
  }

  /** Logs the first contact (speed to lead); disqualifies or prepares the opportunity. */
  public void recordFirstContact(String leadId, FirstContact contact, String actor) {
    leads.recordActivity(leadId, ActivityType.FIRST_CONTACT, contact.salesOutcome(), contact.objection(), actor,
        contact.notes());
    switch (Objects.requireNonNull(contact.salesOutcome(), "salesOutcome is required")) {
      case OPPORTUNITY -> {
        if (contact.dealValue() == null || contact.dealValue().signum() < 0) {
          throw new IllegalArgumentException("dealValue (>= 0) is required to open an opportunity");
        }
        leads.updateOpportunity(leadId, orDefault(contact.funnelPosition()), contact.dealValue());
      }
      case DISQUALIFIED -> leads.moveToStage(leadId, LeadStage.DISQUALIFIED, actor,
          "disqualified by sales: " + contact.disqualifyReason());
      default -> { } // RECYCLE: the lifecycle recycles the lead
    }
  }

  /** Opens the opportunity at the position and value the rep gave on first contact. */
  public OpenedOpportunity openOpportunity(String leadId, String rep, String actor) {
    Lead lead = leads.get(leadId);
    String position = orDefault(lead.funnelPosition());
    leads.updateOpportunity(leadId, position, lead.dealValue());
    leads.moveToStage(leadId, LeadStage.OPPORTUNITY, rep, actor,
        "opportunity at " + position + (lead.dealValue() == null ? "" : ", value " + lead.dealValue().toPlainString()));
    return new OpenedOpportunity(position, lead.dealValue());
  }

  /** Position and value changes (clearing a stuck flag); WON or LOST closes the lead. */
  public void recordOpportunityUpdate(String leadId, OpportunityUpdate update, String actor) {
    Lead before = leads.get(leadId);
    String position = orDefault(update.funnelPosition());
    BigDecimal value = update.dealValue() != null ? update.dealValue() : before.dealValue();
    leads.updateOpportunity(leadId, position, value);
    StringBuilder detail = new StringBuilder(orDefault(before.funnelPosition())).append(" -> ").append(position);
    if (update.dealValue() != null) {
      detail.append(", value ").append(update.dealValue().toPlainString());
    }
    if (update.notes() != null && !update.notes().isBlank()) {
      detail.append("; ").append(update.notes().strip());
    }
    leads.recordActivity(leadId, ActivityType.OPPORTUNITY_UPDATE, update.outcome(), null, actor, detail.toString());
    if (!position.equals(before.funnelPosition()) || before.stuckSince() != null) {
      leads.markStuck(leadId, false);
    }
    if (WON.equals(update.outcome()) || LOST.equals(update.outcome())) {
      if (update.closeReason() == null) {
        throw new IllegalArgumentException("closeReason is required to close a deal as " + update.outcome());
      }
      leads.recordClose(leadId, update.closeReason(), WON.equals(update.outcome()) ? update.newCustomer() : null);
      leads.moveToStage(leadId, LeadStage.valueOf(update.outcome()), actor,
          update.outcome().toLowerCase() + ": " + update.closeReason());
    }
  }

  public void flagStuck(String leadId, String position, Duration dwellLimit) {
    leads.markStuck(leadId, true);
    leads.recordActivity(leadId, ActivityType.STUCK, position, null, "system",
        "in " + position + " longer than " + describe(dwellLimit));
  }

  /** "21 days", "4 hours", "90 minutes": how people say a dwell limit. */
  static String describe(Duration duration) {
    if (duration.toDaysPart() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
      return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
    }
    if (duration.toMinutesPart() == 0) {
      return duration.toHours() + (duration.toHours() == 1 ? " hour" : " hours");
    }
    return duration.toMinutes() + " minutes";
  }

  private static String orDefault(String position) {
    return position == null ? DEFAULT_POSITION : position;
  }

  /** Where a new opportunity starts. */
  public record OpenedOpportunity(String funnelPosition, BigDecimal dealValue) {}

  /** The rep's first-contact form. */
  public record FirstContact(String salesOutcome, String funnelPosition, BigDecimal dealValue, String objection,
      String disqualifyReason, String notes) {}

  /** The rep's opportunity form. */
  public record OpportunityUpdate(String funnelPosition, BigDecimal dealValue, String outcome, String closeReason,
      Boolean newCustomer, String notes) {}
}
