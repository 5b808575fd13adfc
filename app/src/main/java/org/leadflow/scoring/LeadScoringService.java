package org.leadflow.scoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leadflow.config.ScoringProperties;
import org.leadflow.lead.Intent;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleMatch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores leads with the decision tables process owners edit and decides when they are sales-ready:
 * {@code lead-fit-score} (who they are, COLLECT), {@code engagement-points} (what they did, one row
 * per intent and event type) and {@code lead-sales-ready} (the threshold). Engagement points decay
 * with {@code lead.scoring.engagement-half-life}: every scoring step first books the decay since the
 * last booking, so the score ledger ({@code lead_score_event}) always sums to the lead's score. Every
 * line names its rule ({@link RuleDecision#ref}); reaching the threshold (or raising a hand) moves a
 * marketing-owned lead to MQL.
 */
@Service
@Transactional
public class LeadScoringService {

  public static final String FIT_TABLE = "lead-fit-score";
  public static final String ENGAGEMENT_TABLE = "engagement-points";
  public static final String SALES_READY_TABLE = "lead-sales-ready";

  /** Engagement type prefix for a new submission of an already known contact. */
  public static final String RESUBMISSION = "RESUBMISSION_";
  /** The rule id of decay lines (no table decides decay; the half-life does). */
  public static final String DECAY_RULE = "DECAY";

  /** Only a lead marketing still owns becomes an MQL; later stages keep their owner. */
  private static final Set<LeadStage> MARKETING_STAGES =
      EnumSet.of(LeadStage.CAPTURED, LeadStage.NURTURING, LeadStage.RECYCLED);
  private static final int MAX_REASON = 300;

  private final LeadService leads;
  private final ScoreLedgerMapper ledger;
  private final RuleBook rules;
  private final Duration halfLife;
  private final Clock clock;

  public LeadScoringService(LeadService leads, ScoreLedgerMapper ledger, RuleBook rules, ScoringProperties properties,
      Clock clock) {
    this.leads = leads;
    this.ledger = ledger;
    this.rules = rules;
    this.halfLife = properties.engagementHalfLife();
    this.clock = clock;
  }

  /** First scoring of a valid lead: fit rules plus the points of the capturing intent. */
  public ScoreResult scoreNewLead(String leadId, String actor) {
    Lead lead = leads.get(leadId);
    List<ScoreLine> lines = new ArrayList<>(fitLines(lead));
    intentLine(lead, lead.intent(), "").ifPresent(lines::add);
    return apply(lead, lines, lead.intent().isHandRaiser(), actor);
  }

  /**
   * An engagement books the decay so far and adds its points: a resubmission
   * ({@code RESUBMISSION_DEMO_REQUEST}; a demo request raises a hand) or an engagement event
   * ({@code EVENT_PRICING_PAGE_VIEW}). An unknown type adds nothing and only re-checks the threshold.
   */
  public ScoreResult applyEngagement(String leadId, String engagementType, String actor) {
    Lead lead = leads.get(leadId);
    Optional<Intent> resubmitted = resubmittedIntent(engagementType);
    List<ScoreLine> lines = resubmitted
        .flatMap(intent -> intentLine(lead, intent, " (new submission)"))
        .or(() -> EngagementType.ofRuleId(engagementType).flatMap(type -> eventLine(lead, type, "")))
        .map(List::of)
        .orElse(List.of());
    return apply(lead, lines, resubmitted.map(Intent::isHandRaiser).orElse(false), actor);
  }

  /**
   * An engagement event the contact made before it became this lead: its points and ledger row,
   * without a stage change (Task_ScoreLead scores fit on top and decides).
   *
   * @param points the points the event was stored with (by the engagement-points rule of its arrival)
   * @param reasonSuffix appended to the ledger reason, e.g. " (event e-17, before capture)"
   */
  public void creditEarlierEngagement(String leadId, EngagementType type, int points, String reasonSuffix) {
    Lead lead = leads.get(leadId);
    String rule = engagementRule(EngagementKind.EVENT, type.name()).map(Points::rule).orElse(type.ruleId());
    book(lead, List.of(new ScoreLine(leadId, ScoreLine.ENGAGEMENT, rule, points, type.description() + reasonSuffix,
        null)), clock.instant());
  }

  /** Points of one engagement event of this type, by the engagement-points table (0 without a row). */
  public int pointsOf(EngagementType type) {
    return engagementRule(EngagementKind.EVENT, type.name()).map(Points::points).orElse(0);
  }

  /** Periodic re-score: books the decay since the last booking and re-checks the threshold. */
  public ScoreResult rescore(String leadId, String actor) {
    return apply(leads.get(leadId), List.of(), false, actor);
  }

  @Transactional(readOnly = true)
  public List<ScoreLine> ledger(String leadId) {
    return ledger.findByLead(leadId);
  }

  /**
   * Why the lead's score is what it is, as of now: the ledger, the booked and the decayed engagement,
   * and what the sales-ready table decides on them (nothing is booked).
   */
  @Transactional(readOnly = true)
  public ScoreExplanation explain(String leadId) {
    Lead lead = leads.get(leadId);
    Instant now = clock.instant();
    List<ScoreLine> history = ledger.findByLead(leadId);
    int engagement = history.isEmpty() ? lead.engagementScore() : decayedEngagement(history, now);
    Threshold decision = salesReady(lead.fitScore(), engagement, lead.intent().isHandRaiser());
    return new ScoreExplanation(lead.fitScore(), lead.engagementScore(), engagement,
        engagement - lead.engagementScore(), lead.fitScore() + engagement, decision.threshold(), decision.salesReady(),
        decision.rule(), decision.reason(), words(halfLife), now,
        history.stream().mapToInt(ScoreLine::points).sum(), history);
  }

  /** The fit table's matching rules, one line each. */
  List<ScoreLine> fitLines(Lead lead) {
    RuleDecision decision = rules.evaluate(FIT_TABLE, fitInputs(lead));
    List<ScoreLine> lines = new ArrayList<>();
    for (RuleMatch match : decision.matches()) {
      Integer points = match.integer("points");
      if (points != null && points != 0) {
        lines.add(new ScoreLine(lead.id(), ScoreLine.FIT, decision.ref(match), points, reason(match), null));
      }
    }
    return lines;
  }

  /** The inputs of lead-fit-score (and of its back-test). */
  public static Map<String, Object> fitInputs(Lead lead) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    Seniority seniority = Seniority.of(lead.title());
    inputs.put("seniority", seniority == null ? null : seniority.name());
    inputs.put("companySize", lead.companySize());
    inputs.put("industry", lead.industry() == null ? null : lead.industry().strip().toLowerCase(Locale.ROOT));
    inputs.put("country", lead.country());
    inputs.put("productInterest", lead.productInterest() == null || lead.productInterest().isBlank()
        ? null : lead.productInterest());
    inputs.put("completeContact", lead.company() != null && lead.phone() != null);
    return inputs;
  }

  /** The inputs of lead-sales-ready (and of its back-test). */
  public static Map<String, Object> salesReadyInputs(int fitScore, int engagementScore, boolean handRaiser) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("fitScore", fitScore);
    inputs.put("engagementScore", engagementScore);
    inputs.put("handRaiser", handRaiser);
    return inputs;
  }

  private enum EngagementKind { INTENT, EVENT }

  private record Points(int points, String rule) {}

  private Optional<Points> engagementRule(EngagementKind kind, String type) {
    RuleDecision decision = rules.evaluate(ENGAGEMENT_TABLE, Map.of("kind", kind.name(), "type", type));
    return decision.first().map(match -> new Points(
        match.integer("points") == null ? 0 : match.integer("points"), decision.ref(match)));
  }

  private Optional<ScoreLine> intentLine(Lead lead, Intent intent, String reasonSuffix) {
    return engagementRule(EngagementKind.INTENT, intent.name())
        .filter(points -> points.points() != 0)
        .map(points -> new ScoreLine(lead.id(), ScoreLine.ENGAGEMENT, points.rule(), points.points(),
            intent.name().toLowerCase(Locale.ROOT).replace('_', ' ') + reasonSuffix, null));
  }

  private Optional<ScoreLine> eventLine(Lead lead, EngagementType type, String reasonSuffix) {
    return engagementRule(EngagementKind.EVENT, type.name())
        .filter(points -> points.points() != 0)
        .map(points -> new ScoreLine(lead.id(), ScoreLine.ENGAGEMENT, points.rule(), points.points(),
            type.description() + reasonSuffix, null));
  }

  private ScoreResult apply(Lead lead, List<ScoreLine> lines, boolean handRaiser, String actor) {
    Instant now = clock.instant();
    List<ScoreLine> booked = new ArrayList<>();
    decayLine(lead, ledger.findByLead(lead.id()), now).ifPresent(booked::add);
    booked.addAll(lines);
    Scores scores = book(lead, booked, now);
    Threshold decision = salesReady(scores.fit(), scores.engagement(), handRaiser);
    if (!booked.isEmpty() || decision.salesReady()) {
      ledger.insert(lead.id(), ScoreLine.THRESHOLD, decision.rule(), 0, truncate(decision.reason()), now);
    }
    String why = decision.reason() + " (" + decision.rule() + ")";
    if (decision.salesReady() && MARKETING_STAGES.contains(lead.stage())) {
      leads.moveToStage(lead.id(), LeadStage.MQL, null, actor, why);
    }
    return new ScoreResult(scores.fit(), scores.engagement(), decision.salesReady(), why);
  }

  /** What lead-sales-ready decided, with the rule that decided and the reason in words. */
  record Threshold(boolean salesReady, Integer threshold, String rule, String reason) {}

  Threshold salesReady(int fit, int engagement, boolean handRaiser) {
    RuleDecision decision = rules.evaluate(SALES_READY_TABLE, salesReadyInputs(fit, engagement, handRaiser));
    RuleMatch match = decision.single();
    boolean salesReady = Boolean.TRUE.equals(match.bool("salesReady"));
    Integer threshold = match.integer("threshold");
    int total = fit + engagement;
    String reason;
    if (handRaiser && salesReady && (threshold == null || total < threshold)) {
      reason = "hand-raiser: demo requested (score " + total + ")";
    } else {
      reason = "score " + total + (threshold == null ? "" : (total >= threshold ? " >= " : " < ") + "threshold " + threshold)
          + (salesReady ? ": sales-ready" : ": not sales-ready");
    }
    return new Threshold(salesReady, threshold, decision.ref(match), reason);
  }

  private record Scores(int fit, int engagement) {}

  /** Writes the lines to the ledger and the lead's scores. */
  private Scores book(Lead lead, List<ScoreLine> lines, Instant now) {
    int fit = lead.fitScore();
    int engagement = lead.engagementScore();
    for (ScoreLine line : lines) {
      ledger.insert(lead.id(), line.kind(), line.ruleId(), line.points(), truncate(line.reason()), now);
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

  /**
   * The decay since the last booking: the engagement the ledger's engagement lines are worth now
   * (each halves every half-life from when it was booked), rounded to whole points, minus what is
   * booked; empty when that is less than half a point.
   */
  Optional<ScoreLine> decayLine(Lead lead, List<ScoreLine> history, Instant now) {
    Instant last = null;
    for (ScoreLine line : history) {
      if (ScoreLine.ENGAGEMENT.equals(line.kind()) || ScoreLine.DECAY.equals(line.kind())) {
        last = last == null || line.scoredAt().isAfter(last) ? line.scoredAt() : last;
      }
    }
    if (last == null) {
      return Optional.empty();
    }
    int change = decayedEngagement(history, now) - lead.engagementScore();
    if (change == 0) {
      return Optional.empty();
    }
    return Optional.of(new ScoreLine(lead.id(), ScoreLine.DECAY, DECAY_RULE, change, "decay: half-life "
        + words(halfLife) + ", " + words(Duration.between(last, now)) + " since last re-score", null));
  }

  /** Σ points × 0.5^(age / half-life) over the engagement lines, rounded to the nearest point. */
  int decayedEngagement(List<ScoreLine> history, Instant now) {
    double value = 0;
    for (ScoreLine line : history) {
      if (ScoreLine.ENGAGEMENT.equals(line.kind())) {
        double age = Math.max(0, Duration.between(line.scoredAt(), now).toMillis());
        value += line.points() * Math.pow(0.5, age / halfLife.toMillis());
      }
    }
    return (int) Math.round(value);
  }

  /** "30 days", "1.5 days", "5 hours", "12 minutes". */
  static String words(Duration duration) {
    if (duration.compareTo(Duration.ofDays(1)) >= 0) {
      return number(duration.toMinutes() / 1440.0) + " days";
    }
    if (duration.compareTo(Duration.ofHours(1)) >= 0) {
      return number(duration.toMinutes() / 60.0) + " hours";
    }
    return duration.toMinutes() + " minutes";
  }

  private static String number(double value) {
    double rounded = Math.round(value * 10) / 10.0;
    return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
  }

  private static String reason(RuleMatch match) {
    return match.annotation() != null && !match.annotation().isBlank() ? match.annotation() : "rule " + match.ruleId();
  }

  private static String truncate(String text) {
    return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
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
