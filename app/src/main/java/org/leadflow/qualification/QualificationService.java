package org.leadflow.qualification;

import java.util.StringJoiner;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.InvalidReason;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The SDR's calls: every attempt is logged; a reached contact gets a verdict applied to the lead. */
@Service
@Transactional
public class QualificationService {

  public static final String SALES_READY = "SALES_READY";
  public static final String RECYCLE = "RECYCLE";
  public static final String INVALID = "INVALID";
  public static final String DISQUALIFIED = "DISQUALIFIED";

  private final LeadService leads;

  public QualificationService(LeadService leads) {
    this.leads = leads;
  }

  /**
   * Logs the attempt and applies the verdict. Rejects verdicts that contradict the agreed criteria
   * (a sales-ready lead needs a confirmed real need; budget is not a criterion).
   */
  public void recordCall(String leadId, int attempt, CallVerdict call, String actor) {
    if (call.callOutcome() == null) {
      throw new IllegalArgumentException("callOutcome is required (REACHED or NO_ANSWER)");
    }
    if (call.reached()) {
      requireConsistent(call);
    }
    leads.recordActivity(leadId, ActivityType.CALL_ATTEMPT, call.callOutcome(), call.objection(), actor,
        describe(attempt, call));
    if (!call.reached()) {
      return;
    }
    switch (call.qualification()) {
      case SALES_READY -> leads.moveToStage(leadId, LeadStage.SQL, actor, actor,
          "need confirmed; authority " + orUnknown(call.authority()) + ", timing " + orUnknown(call.timing()));
      case INVALID -> leads.markInvalid(leadId, InvalidReason.valueOf(call.invalidReason()), null, actor,
          "SDR verdict");
      case DISQUALIFIED -> leads.moveToStage(leadId, LeadStage.DISQUALIFIED, actor, actor,
          "disqualified: " + call.disqualifyReason());
      default -> { } // RECYCLE: the lifecycle recycles the lead (or closes it when the cap is reached)
    }
  }

  /** Closes the lead as unreachable after the last attempt. */
  public void markUnreachable(String leadId, int attempts, String actor) {
    leads.markInvalid(leadId, InvalidReason.UNREACHABLE, null, actor, "no answer after " + attempts + " attempt(s)");
  }

  private static void requireConsistent(CallVerdict call) {
    String verdict = call.qualification();
    if (verdict == null) {
      throw new IllegalArgumentException("qualification is required when the contact was reached");
    }
    switch (verdict) {
      case SALES_READY -> {
        if (!Boolean.TRUE.equals(call.realNeed())) {
          throw new IllegalArgumentException("A sales-ready lead needs a confirmed real need (realNeed)");
        }
      }
      case INVALID -> {
        if (call.invalidReason() == null) {
          throw new IllegalArgumentException("invalidReason is required for an invalid lead");
        }
        InvalidReason reason;
        try {
          reason = InvalidReason.valueOf(call.invalidReason());
        } catch (IllegalArgumentException unknown) {
          reason = null;
        }
        if (reason == null || !InvalidReason.sdrVerdicts().contains(reason)) {
          throw new IllegalArgumentException("invalidReason '" + call.invalidReason() + "' is not an SDR verdict; one of "
              + InvalidReason.sdrVerdicts());
        }
      }
      case DISQUALIFIED -> {
        if (call.disqualifyReason() == null) {
          throw new IllegalArgumentException("disqualifyReason is required to disqualify a lead");
        }
      }
      case RECYCLE -> {
        if (call.recycleReason() == null) {
          throw new IllegalArgumentException("recycleReason is required to recycle a lead");
        }
      }
      default -> throw new IllegalArgumentException("Unknown qualification '" + verdict + "'");
    }
  }

  private static String describe(int attempt, CallVerdict call) {
    StringJoiner text = new StringJoiner("; ");
    text.add("attempt " + attempt);
    if (call.reached()) {
      text.add("verdict " + call.qualification());
      text.add("real need " + (Boolean.TRUE.equals(call.realNeed()) ? "yes" : "no"));
      text.add("authority " + orUnknown(call.authority()));
      text.add("timing " + orUnknown(call.timing()));
      if (call.recycleReason() != null && RECYCLE.equals(call.qualification())) {
        text.add("recycle reason " + call.recycleReason());
      }
    }
    if (call.notes() != null && !call.notes().isBlank()) {
      text.add(call.notes().strip());
    }
    return text.toString();
  }

  private static String orUnknown(String value) {
    return value == null ? "UNKNOWN" : value;
  }
}
