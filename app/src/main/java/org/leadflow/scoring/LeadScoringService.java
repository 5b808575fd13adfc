package org.leadflow.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.leadflow.config.LeadProperties;
import org.leadflow.lead.Intent;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores leads and decides when they are sales-ready. Every point goes to the score ledger with its
 * rule and reason; reaching the threshold (or raising a hand) moves the lead to MQL.
 */
@Service
@Transactional
public class LeadScoringService {

  /** Engagement type prefix for a new submission of an already known contact. */
  public static final String RESUBMISSION = "RESUBMISSION_";

  /** Only a lead marketing still owns becomes an MQL; later stages keep their owner. */
  private static final Set<LeadStage> MARKETING_STAGES =
      EnumSet.of(LeadStage.CAPTURED, LeadStage.NURTURING, LeadStage.RECYCLED);

  private final LeadService leads;
  private final ScoreLedgerMapper ledger;
  private final LeadProperties.Scoring rules;
  private final Clock clock;

  public LeadScoringService(LeadService leads, ScoreLedgerMapper ledger, LeadProperties properties, Clock clock) {
    this.leads = leads;
    this.ledger = ledger;
    this.rules = properties.scoring();
    this.clock = clock;
  }

  /** First scoring of a valid lead: fit rules plus the points of the capturing intent. */
  public ScoreResult scoreNewLead(String leadId, String actor) {
    Lead lead = leads.get(leadId);
    List<ScoreLine> lines = new ArrayList<>(ScoringRules.fit(lead));
    lines.add(ScoringRules.intent(lead, lead.intent(), "INTENT_"));
    return apply(lead, lines, lead.intent().isHandRaiser(), actor);
  }

  /**
   * An engagement adds its points: a resubmission ({@code RESUBMISSION_DEMO_REQUEST}; a demo request
   * raises a hand) or an engagement event ({@code EVENT_PRICING_PAGE_VIEW}, points from
   * {@code lead.scoring.engagement-points}). An unknown type adds nothing and only re-checks the threshold.
   */
  public ScoreResult applyEngagement(String leadId, String engagementType, String actor) {
    Lead lead = leads.get(leadId);
    Optional<Intent> resubmitted = resubmittedIntent(engagementType);
    List<ScoreLine> lines = resubmitted
        .map(intent -> List.of(ScoringRules.intent(lead, intent, RESUBMISSION)))
        .or(() -> EngagementType.ofRuleId(engagementType).map(type -> List.of(eventLine(lead.id(), type, pointsOf(type), ""))))
        .orElse(List.of());
    return apply(lead, lines, resubmitted.map(Intent::isHandRaiser).orElse(false), actor);
  }

  /**
   * An engagement event the contact made before it became this lead: its points and ledger row,
   * without a stage change (Task_ScoreLead scores fit on top and decides).
   *
   * @param points the points the event was stored with
   * @param reasonSuffix appended to the ledger reason, e.g. " (event e-17, before capture)"
   */
  public void creditEarlierEngagement(String leadId, EngagementType type, int points, String reasonSuffix) {
    Lead lead = leads.get(leadId);
    book(lead, List.of(eventLine(leadId, type, points, reasonSuffix)));
  }

  /** Points of one engagement event of this type, as configured. */
  public int pointsOf(EngagementType type) {
    return rules.engagementPoints().of(type);
  }

  private static ScoreLine eventLine(String leadId, EngagementType type, int points, String reasonSuffix) {
    return new ScoreLine(leadId, ScoreLine.ENGAGEMENT, type.ruleId(), points, type.description() + reasonSuffix, null);
  }

  /** Periodic re-score: today nothing changes over time (decay arrives with the DMN rules). */
  public ScoreResult rescore(String leadId, String actor) {
    return apply(leads.get(leadId), List.of(), false, actor);
  }

  public List<ScoreLine> ledger(String leadId) {
    return ledger.findByLead(leadId);
  }

  private ScoreResult apply(Lead lead, List<ScoreLine> lines, boolean handRaiser, String actor) {
    Scores scores = book(lead, lines);
    int fit = scores.fit();
    int engagement = scores.engagement();
    int total = fit + engagement;
    boolean salesReady = handRaiser || total >= rules.salesReadyThreshold();
    String why = handRaiser
        ? "hand-raiser: demo requested (score " + total + ")"
        : "score " + total + (salesReady ? " >= " : " < ") + "threshold " + rules.salesReadyThreshold();
    if (salesReady && MARKETING_STAGES.contains(lead.stage())) {
      leads.moveToStage(lead.id(), LeadStage.MQL, null, actor, why);
    }
    return new ScoreResult(fit, engagement, salesReady, why);
  }

  private record Scores(int fit, int engagement) {}

  /** Writes the lines to the ledger and the lead's scores. */
  private Scores book(Lead lead, List<ScoreLine> lines) {
    Instant now = clock.instant();
    int fit = lead.fitScore();
    int engagement = lead.engagementScore();
    for (ScoreLine line : lines) {
      ledger.insert(lead.id(), line.kind(), line.ruleId(), line.points(), line.reason(), now);
      if (ScoreLine.FIT.equals(line.kind())) {
        fit += line.points();
      } else {
        engagement += line.points();
      }
    }
    if (!lines.isEmpty()) {
      leads.updateScores(lead.id(), fit, engagement);
    }
    return new Scores(fit, engagement);
  }

  private static Optional<Intent> resubmittedIntent(String engagementType) {
    if (engagementType == null || !engagementType.startsWith(RESUBMISSION)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Intent.valueOf(engagementType.substring(RESUBMISSION.length())));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
