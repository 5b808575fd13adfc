package org.leadflow.rules;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedOutput;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Evaluates the decision tables process owners edit ({@code processes/*.dmn}), always the latest
 * deployed version of a key, and reports which rules matched so that every score point, assignment
 * and SLA can name its rule. A new deployment (restart, engine REST, the rules endpoint) is picked up
 * within {@code lead.rules.refresh-interval} (default 2 s) on every node.
 *
 * <p>Uses a DMN engine of its own over the engine's deployed resources: evaluations are recorded in
 * our ledgers (score ledger, assignment log, SLA records), not as engine decision history, which would
 * add several rows per lead and rule.
 */
@Component
public class RuleBook {

  private final RepositoryService repository;
  private final Clock clock;
  private final Duration refreshInterval;
  private final DmnEngine dmn;
  private final ThreadLocal<List<DmnDecisionTableEvaluationEvent>> evaluations = ThreadLocal.withInitial(ArrayList::new);
  private final Map<String, Latest> latestByKey = new ConcurrentHashMap<>();
  private final Map<String, Parsed> parsedById = new ConcurrentHashMap<>();
  /** Candidates being validated or back-tested, forgotten with their model. */
  private final Map<DmnModelInstance, Map<String, Parsed>> parsedCandidates = new WeakHashMap<>();

  public RuleBook(RepositoryService repository, Clock clock,
      @Value("${lead.rules.refresh-interval:PT2S}") Duration refreshInterval) {
    this.repository = repository;
    this.clock = clock;
    this.refreshInterval = refreshInterval;
    DmnDecisionTableEvaluationListener collector = event -> evaluations.get().add(event);
    this.dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
        .customPostDecisionTableEvaluationListeners(List.of(collector))
        .buildEngine();
  }

  private record Latest(String definitionId, int version, Instant checkedAt) {}

  private record Parsed(DmnDecision decision, Map<String, String> annotations) {}

  /**
   * Evaluates the latest deployed version of the decision {@code decisionKey}.
   *
   * @throws RuleEvaluationException if no such decision is deployed or the table fails (e.g. a hit
   *     policy violation, an input the table cannot compare)
   */
  public RuleDecision evaluate(String decisionKey, Map<String, Object> inputs) {
    Latest latest = latest(decisionKey);
    Parsed parsed = parsedById.computeIfAbsent(latest.definitionId(), id -> parse(decisionKey, id));
    return evaluate(decisionKey, latest.version(), latest.definitionId(), parsed, inputs);
  }

  /** Forgets which version is latest, so that the next evaluation looks again (after a deployment). */
  public void refresh() {
    latestByKey.clear();
  }

  /**
   * Parses a DMN file that is not deployed yet and evaluates one of its decisions: for validating and
   * back-testing a changed table before it is deployed.
   */
  public RuleDecision evaluateCandidate(String decisionKey, DmnModelInstance model, Map<String, Object> inputs) {
    // a validation or back-test evaluates one candidate many times: parse it once
    Parsed parsed;
    synchronized (parsedCandidates) {
      parsed = parsedCandidates.computeIfAbsent(model, candidate -> new HashMap<>())
          .computeIfAbsent(decisionKey, key -> parse(key, model));
    }
    return evaluate(decisionKey, 0, "candidate", parsed, inputs);
  }

  /** Parses a candidate DMN file with the same engine as the deployed ones; throws if it does not parse. */
  public DmnModelInstance parseCandidate(String decisionKey, InputStream xml) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(xml);
    } catch (RuntimeException unreadable) {
      throw new RuleEvaluationException(decisionKey, decisionKey + " is not a readable DMN file: " + rootMessage(unreadable), unreadable);
    }
    parse(decisionKey, model);
    return model;
  }

  private RuleDecision evaluate(String decisionKey, int version, String definitionId, Parsed parsed,
      Map<String, Object> inputs) {
    List<DmnDecisionTableEvaluationEvent> events = evaluations.get();
    events.clear();
    try {
      dmn.evaluateDecision(parsed.decision(), inputs);
      List<RuleMatch> matches = new ArrayList<>();
      for (DmnDecisionTableEvaluationEvent event : events) {
        if (!event.getDecision().getKey().equals(decisionKey)) {
          continue; // a required decision's own rules
        }
        for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
          Map<String, Object> outputs = new LinkedHashMap<>();
          for (DmnEvaluatedOutput output : rule.getOutputEntries().values()) {
            outputs.put(output.getOutputName(), output.getValue() == null ? null : output.getValue().getValue());
          }
          matches.add(new RuleMatch(rule.getId(), parsed.annotations().get(rule.getId()), outputs));
        }
      }
      return new RuleDecision(decisionKey, version, definitionId, List.copyOf(matches));
    } catch (RuleEvaluationException e) {
      throw e;
    } catch (RuntimeException failed) {
      throw new RuleEvaluationException(decisionKey,
          decisionKey + (version > 0 ? " v" + version : "") + " could not decide: " + rootMessage(failed), failed);
    } finally {
      events.clear();
    }
  }

  private Latest latest(String decisionKey) {
    Instant now = clock.instant();
    Latest known = latestByKey.get(decisionKey);
    if (known != null && known.checkedAt().plus(refreshInterval).isAfter(now)) {
      return known;
    }
    DecisionDefinition definition = repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().withoutTenantId().singleResult();
    if (definition == null) {
      throw new RuleEvaluationException(decisionKey, "no decision '" + decisionKey + "' is deployed");
    }
    Latest latest = new Latest(definition.getId(), definition.getVersion(), now);
    latestByKey.put(decisionKey, latest);
    return latest;
  }

  private Parsed parse(String decisionKey, String definitionId) {
    try (InputStream xml = repository.getDecisionModel(definitionId)) {
      return parse(decisionKey, Dmn.readModelFromStream(xml));
    } catch (IOException e) {
      throw new RuleEvaluationException(decisionKey, "cannot read " + definitionId, e);
    }
  }

  private Parsed parse(String decisionKey, DmnModelInstance model) {
    DmnDecision decision;
    try {
      decision = dmn.parseDecision(decisionKey, model);
    } catch (RuntimeException invalid) {
      throw new RuleEvaluationException(decisionKey, decisionKey + " does not parse: " + rootMessage(invalid), invalid);
    }
    Map<String, String> annotations = new LinkedHashMap<>();
    for (Rule rule : model.getModelElementsByType(Rule.class)) {
      if (rule.getDescription() != null) {
        annotations.put(rule.getId(), rule.getDescription().getTextContent());
      }
    }
    return new Parsed(decision, annotations);
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return cause == failure ? message : failure.getMessage() + " (" + message + ")";
  }
}
