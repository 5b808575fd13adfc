package org.leadflow.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decides whether a changed decision table may be deployed, before anything is deployed:
 * <ol>
 *   <li>it parses with the DMN engine ({@link RuleBook#parseCandidate}) and contains the decision;
 *   <li>every decision has {@code camunda:historyTimeToLive} (the engine refuses to deploy without);
 *   <li>it keeps every output of the deployed version and every output the application reads
 *       ({@link RuleContract#requiredOutputs()});
 *   <li>it decides for inputs generated from the table itself: per input column the literals and
 *       numbers of its cells, each number also ±1, plus null and a value no cell names; the cartesian
 *       product (at most {@value #MAX_SAMPLES} combinations, spread over the product when larger) is
 *       evaluated with {@link RuleBook#evaluateCandidate}. Any failure — a hit policy conflict of a
 *       UNIQUE or ANY table names the overlapping rules — rejects the table, naming the inputs; so does
 *       any result the table's {@link RuleContract} cannot use (e.g. no catch-all row).
 * </ol>
 * Input columns whose expression is not a plain variable name, and date columns, are evaluated with
 * null only; a conflict that only such values reveal is not found.
 */
@Component
public class RuleValidator {

  static final int MAX_SAMPLES = 5_000;
  /** A value no cell of a text column names. */
  static final String OTHER = "zz-other";

  private static final Pattern VARIABLE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
  private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern MATCHED_RULE = Pattern.compile("DecisionRuleImpl\\{id='([^']+)'");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

  private final RuleBook rules;
  private final RepositoryService repository;
  private final Map<String, RuleContract> contracts;

  public RuleValidator(RuleBook rules, RepositoryService repository, List<RuleContract> contracts) {
    this.rules = rules;
    this.repository = repository;
    this.contracts = contracts.stream().collect(Collectors.toMap(RuleContract::decisionKey, Function.identity()));
  }

  /**
   * Validates {@code xml} as the new version of decision {@code key}.
   *
   * @return the parsed model, ready to deploy
   * @throws InvalidRuleException naming what is wrong; nothing has been deployed
   */
  public DmnModelInstance validate(String key, byte[] xml) {
    DmnModelInstance model = parse(key, xml);
    checkExpressionLanguages(key, model);
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (decision.getCamundaHistoryTimeToLiveString() == null || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
        throw new InvalidRuleException(key, "decision", "decision '" + decision.getId()
            + "' needs camunda:historyTimeToLive (e.g. \"P180D\"), or the engine refuses to deploy it");
      }
    }
    Decision decision = model.getModelElementById(key);
    DecisionTable table = decision.getExpression() instanceof DecisionTable t ? t : null;
    checkOutputs(key, table);
    if (table != null) {
      evaluateSamples(key, model, table);
    }
    return model;
  }

  /**
   * FEEL only: the engine also evaluates {@code expressionLanguage="juel"} (whose expressions reach every
   * Spring bean, as in BPMN) and script languages, on any element. Checked before anything is evaluated.
   */
  private static void checkExpressionLanguages(String key, DmnModelInstance model) {
    Node root = model.getDocument().getDomSource().getNode();
    Deque<Element> elements = new ArrayDeque<>();
    elements.push(root instanceof Document document ? document.getDocumentElement() : (Element) root);
    while (!elements.isEmpty()) {
      Element element = elements.pop();
      String language = element.getAttribute("expressionLanguage");
      if (!language.isBlank() && !FEEL_LANGUAGES.contains(language.trim().toLowerCase(Locale.ROOT))) {
        String id = element.getAttribute("id");
        throw new InvalidRuleException(key, "decision", (id.isBlank() ? element.getLocalName() : id)
            + ": expressionLanguage=\"" + language + "\" is not allowed; rules are FEEL only");
      }
      for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element childElement) {
          elements.push(childElement);
        }
      }
    }
  }

  private static final Set<String> FEEL_LANGUAGES = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
      "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20180521/feel/");

  private DmnModelInstance parse(String key, byte[] xml) {
    try {
      return rules.parseCandidate(key, new ByteArrayInputStream(xml));
    } catch (RuleEvaluationException invalid) {
      List<String> decisions = decisionIds(xml);
      if (decisions != null && !decisions.contains(key)) {
        throw new InvalidRuleException(key, "decision", "the file has no decision '" + key + "'"
            + (decisions.isEmpty() ? "" : "; it has " + decisions));
      }
      throw new InvalidRuleException(key, "body", invalid.getMessage());
    }
  }

  /** The decision ids of a readable DMN file, or null if it is not readable. */
  private static List<String> decisionIds(byte[] xml) {
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(xml)).getModelElementsByType(Decision.class).stream()
          .map(Decision::getId).toList();
    } catch (RuntimeException unreadable) {
      return null;
    }
  }

  private void checkOutputs(String key, DecisionTable table) {
    Set<String> required = new LinkedHashSet<>();
    Optional.ofNullable(contracts.get(key)).ifPresent(contract -> required.addAll(contract.requiredOutputs()));
    required.addAll(deployedOutputs(key));
    Set<String> present = table == null ? Set.of() : table.getOutputs().stream()
        .map(Output::getName).collect(Collectors.toSet());
    List<String> missing = required.stream().filter(name -> !present.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidRuleException(key, "decision", key + " must keep the outputs the application reads; missing: "
          + String.join(", ", missing));
    }
  }

  private Set<String> deployedOutputs(String key) {
    DecisionDefinition deployed = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().withoutTenantId().singleResult();
    if (deployed == null) {
      return Set.of();
    }
    try (InputStream xml = repository.getDecisionModel(deployed.getId())) {
      Decision decision = Dmn.readModelFromStream(xml).getModelElementById(key);
      if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
        return Set.of();
      }
      return table.getOutputs().stream().map(Output::getName).filter(name -> name != null)
          .collect(Collectors.toCollection(LinkedHashSet::new));
    } catch (IOException e) {
      throw new RuleEvaluationException(key, "cannot read the deployed " + key, e);
    }
  }

  private void evaluateSamples(String key, DmnModelInstance model, DecisionTable table) {
    List<String> variables = new ArrayList<>();
    List<List<Object>> values = new ArrayList<>();
    List<Input> inputs = new ArrayList<>(table.getInputs());
    for (int column = 0; column < inputs.size(); column++) {
      Input input = inputs.get(column);
      String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null
          ? null : input.getInputExpression().getText().getTextContent().strip();
      if (expression == null || !VARIABLE.matcher(expression).matches() || variables.contains(expression)) {
        continue;
      }
      variables.add(expression);
      values.add(samples(input.getInputExpression().getTypeRef(), cells(table, column)));
    }
    long total = 1;
    for (List<Object> column : values) {
      total = Math.multiplyExact(total, column.size());
    }
    long step = stride(total);
    long count = Math.min(total, MAX_SAMPLES);
    RuleContract contract = contracts.get(key);
    for (long k = 0; k < count; k++) {
      Map<String, Object> sample = sample(variables, values, Math.floorMod(k * step, total));
      RuleDecision decision;
      try {
        decision = rules.evaluateCandidate(key, model, sample);
      } catch (RuleEvaluationException failed) {
        throw new InvalidRuleException(key, "decision", readable(failed.getMessage()) + " — for inputs " + describe(sample));
      }
      Optional<String> problem = contract == null ? Optional.empty() : contract.check(decision);
      if (problem.isPresent()) {
        throw new InvalidRuleException(key, "decision", problem.get() + " — for inputs " + describe(sample));
      }
    }
  }

  private static List<String> cells(DecisionTable table, int column) {
    List<String> cells = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      List<InputEntry> entries = List.copyOf(rule.getInputEntries());
      if (column < entries.size() && entries.get(column).getText() != null) {
        cells.add(entries.get(column).getText().getTextContent());
      }
    }
    return cells;
  }

  /** The sample values of one column: what its cells name, around their numbers, null and "other". */
  static List<Object> samples(String typeRef, Collection<String> cells) {
    Set<String> strings = new LinkedHashSet<>();
    Set<BigDecimal> numbers = new LinkedHashSet<>();
    for (String cell : cells) {
      Matcher literal = STRING_LITERAL.matcher(cell);
      while (literal.find()) {
        strings.add(literal.group(1));
      }
      String rest = STRING_LITERAL.matcher(cell).replaceAll(" ");
      Matcher number = NUMBER.matcher(rest);
      while (number.find()) {
        BigDecimal n = new BigDecimal(number.group());
        numbers.add(n.subtract(BigDecimal.ONE));
        numbers.add(n);
        numbers.add(n.add(BigDecimal.ONE));
      }
    }
    String type = typeRef == null ? (strings.isEmpty() && !numbers.isEmpty() ? "number" : "string")
        : typeRef.toLowerCase(Locale.ROOT);
    List<Object> samples = new ArrayList<>();
    switch (type) {
      case "integer", "long" -> numbers.stream().filter(n -> n.stripTrailingZeros().scale() <= 0)
          .map(n -> type.equals("long") ? (Object) n.longValue() : (Object) n.intValue()).forEach(samples::add);
      case "double", "number" -> numbers.stream().map(BigDecimal::doubleValue).forEach(samples::add);
      case "boolean" -> samples.addAll(List.of(true, false));
      case "string" -> {
        samples.addAll(strings);
        samples.add(OTHER);
      }
      default -> { } // dates and others: null only
    }
    samples.add(null);
    return samples;
  }

  private static Map<String, Object> sample(List<String> variables, List<List<Object>> values, long index) {
    Map<String, Object> sample = new HashMap<>();
    long rest = index;
    for (int i = 0; i < variables.size(); i++) {
      List<Object> column = values.get(i);
      sample.put(variables.get(i), column.get((int) (rest % column.size())));
      rest /= column.size();
    }
    return sample;
  }

  /** 1 when every combination is evaluated; otherwise a step coprime with the total, spreading the samples. */
  private static long stride(long total) {
    if (total <= MAX_SAMPLES) {
      return 1;
    }
    long step = total / MAX_SAMPLES + 1;
    while (gcd(step, total) != 1) {
      step++;
    }
    return step;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }

  /** Camunda's hit policy message lists each matching rule with all its outputs; the ids are enough. */
  static String readable(String message) {
    int listed = message.indexOf("Actually match rules:");
    if (listed < 0) {
      return message;
    }
    List<String> ids = new ArrayList<>();
    Matcher rule = MATCHED_RULE.matcher(message);
    while (rule.find()) {
      ids.add(rule.group(1));
    }
    return message.substring(0, listed) + "These rules match together: " + String.join(", ", ids) + ".";
  }

  private static String describe(Map<String, Object> sample) {
    Map<String, Object> sorted = new TreeMap<>();
    sample.forEach((name, value) -> sorted.put(name, value instanceof String s ? "\"" + s + "\"" : value));
    return sorted.toString();
  }
}
