package org.leadflow.scoring;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadFilter;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleEvaluationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Back-tests a changed scoring table before it is deployed: how many closed leads (WON, LOST) the
 * candidate would have called sales-ready, against the table deployed now.
 * <ul>
 *   <li>{@code lead-sales-ready}: both tables decide on each lead's stored fit and engagement score and
 *       whether it asked for a demo.</li>
 *   <li>{@code lead-fit-score}: both fit tables score each lead's stored facts (title, size, industry,
 *       country, product interest, company and phone); the deployed lead-sales-ready table then decides
 *       on that fit plus the stored engagement score.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class ScoringBacktest {

  /** How many leads that change their verdict the answer lists. */
  static final int MAX_CHANGED_LISTED = 100;
  private static final int PAGE = 500;

  private final LeadService leads;
  private final LeadScoringService scoring;
  private final RuleBook rules;

  public ScoringBacktest(LeadService leads, LeadScoringService scoring, RuleBook rules) {
    this.leads = leads;
    this.scoring = scoring;
    this.rules = rules;
  }

  /** Won or lost leads, and how many of them each table calls sales-ready. */
  public record Tally(int leads, int salesReadyCurrent, int salesReadyCandidate) {

    Tally plus(boolean current, boolean candidate) {
      return new Tally(leads + 1, salesReadyCurrent + (current ? 1 : 0), salesReadyCandidate + (candidate ? 1 : 0));
    }

    Tally plus(Tally other) {
      return new Tally(leads + other.leads, salesReadyCurrent + other.salesReadyCurrent,
          salesReadyCandidate + other.salesReadyCandidate);
    }
  }

  /** A closed lead on which the candidate decides differently. */
  public record Changed(String leadId, LeadStage stage, int scoreCurrent, int scoreCandidate, boolean salesReadyCurrent,
      boolean salesReadyCandidate) {}

  /** The answer: {@code current} names the deployed table ({@code lead-sales-ready:v3}). */
  public record Result(String decision, String current, Tally won, Tally lost, Tally total, List<Changed> changed) {}

  /** The decisions that can be back-tested. */
  public static boolean supports(String decisionKey) {
    return LeadScoringService.SALES_READY_TABLE.equals(decisionKey) || LeadScoringService.FIT_TABLE.equals(decisionKey);
  }

  /**
   * @throws RuleEvaluationException if the candidate does not parse, or cannot decide on a closed lead
   *     (e.g. two rules of a UNIQUE table match)
   */
  public Result run(String decisionKey, String candidateXml) {
    if (!supports(decisionKey)) {
      throw new IllegalArgumentException("no back-test for " + decisionKey + "; use " + LeadScoringService.SALES_READY_TABLE
          + " or " + LeadScoringService.FIT_TABLE);
    }
    if (candidateXml == null || candidateXml.isBlank()) {
      throw new RuleEvaluationException(decisionKey, "the body must be the candidate DMN file (XML), it is empty");
    }
    DmnModelInstance candidate = rules.parseCandidate(decisionKey,
        new ByteArrayInputStream(candidateXml.getBytes(StandardCharsets.UTF_8)));
    Tally won = new Tally(0, 0, 0);
    Tally lost = new Tally(0, 0, 0);
    List<Changed> changed = new ArrayList<>();
    String current = null;
    for (LeadStage stage : List.of(LeadStage.WON, LeadStage.LOST)) {
      for (int offset = 0; ; offset += PAGE) {
        List<Lead> page = leads.find(new LeadFilter(stage, null, null, null, null, offset, PAGE));
        for (Lead lead : page) {
          Verdicts verdicts = decide(decisionKey, candidate, lead);
          current = verdicts.current();
          if (stage == LeadStage.WON) {
            won = won.plus(verdicts.salesReadyCurrent(), verdicts.salesReadyCandidate());
          } else {
            lost = lost.plus(verdicts.salesReadyCurrent(), verdicts.salesReadyCandidate());
          }
          if (verdicts.salesReadyCurrent() != verdicts.salesReadyCandidate() && changed.size() < MAX_CHANGED_LISTED) {
            changed.add(new Changed(lead.id(), stage, verdicts.scoreCurrent(), verdicts.scoreCandidate(),
                verdicts.salesReadyCurrent(), verdicts.salesReadyCandidate()));
          }
        }
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    if (current == null) {
      RuleDecision probe = rules.evaluate(decisionKey, probeInputs(decisionKey));
      current = probe.decisionKey() + ":v" + probe.version();
    }
    return new Result(decisionKey, current, won, lost, won.plus(lost), List.copyOf(changed));
  }

  private record Verdicts(String current, int scoreCurrent, int scoreCandidate, boolean salesReadyCurrent,
      boolean salesReadyCandidate) {}

  private Verdicts decide(String decisionKey, DmnModelInstance candidate, Lead lead) {
    boolean handRaiser = lead.intent().isHandRaiser();
    if (LeadScoringService.SALES_READY_TABLE.equals(decisionKey)) {
      Map<String, Object> inputs = LeadScoringService.salesReadyInputs(lead.fitScore(), lead.engagementScore(), handRaiser);
      RuleDecision now = rules.evaluate(decisionKey, inputs);
      RuleDecision then = candidate(decisionKey, candidate, inputs, lead);
      return new Verdicts(decisionKey + ":v" + now.version(), lead.score(), lead.score(), salesReady(now),
          salesReady(then));
    }
    Map<String, Object> inputs = LeadScoringService.fitInputs(lead);
    RuleDecision now = rules.evaluate(decisionKey, inputs);
    RuleDecision then = candidate(decisionKey, candidate, inputs, lead);
    int fitNow = points(now);
    int fitThen = points(then);
    return new Verdicts(decisionKey + ":v" + now.version(), fitNow + lead.engagementScore(),
        fitThen + lead.engagementScore(), scoring.salesReady(fitNow, lead.engagementScore(), handRaiser).salesReady(),
        scoring.salesReady(fitThen, lead.engagementScore(), handRaiser).salesReady());
  }

  private RuleDecision candidate(String decisionKey, DmnModelInstance candidate, Map<String, Object> inputs, Lead lead) {
    try {
      return rules.evaluateCandidate(decisionKey, candidate, inputs);
    } catch (RuleEvaluationException failed) {
      throw new RuleEvaluationException(decisionKey, "the candidate cannot decide on closed lead " + lead.id() + ": "
          + failed.getMessage(), failed);
    }
  }

  private static boolean salesReady(RuleDecision decision) {
    return Boolean.TRUE.equals(decision.single().bool("salesReady"));
  }

  private static int points(RuleDecision decision) {
    return decision.matches().stream().map(match -> match.integer("points")).filter(p -> p != null)
        .mapToInt(Integer::intValue).sum();
  }

  /** Inputs for asking the deployed table its version when there is no closed lead. */
  private static Map<String, Object> probeInputs(String decisionKey) {
    if (LeadScoringService.SALES_READY_TABLE.equals(decisionKey)) {
      return LeadScoringService.salesReadyInputs(0, 0, false);
    }
    Map<String, Object> inputs = new HashMap<>();
    for (String name : List.of("seniority", "companySize", "industry", "country", "productInterest")) {
      inputs.put(name, null);
    }
    inputs.put("completeContact", false);
    return inputs;
  }
}
