package org.leadflow.modeler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.leadflow.rules.InvalidRuleException;
import org.leadflow.rules.RuleValidator;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Decides whether a model may be deployed, and says why not with the element ids the editor marks:
 * <ul>
 *   <li>BPMN: it parses (BPMN 2.0 schema); the house conventions ({@link ModelConventions}); what it
 *       refers to exists: forms and called processes in the model set it will be deployed with
 *       (both bind by deployment), decisions deployed, delegate, listener and policy beans in the
 *       application, each policy method called with that many arguments; and the engine's own parse
 *       ({@link EngineParse}). Expressions are restricted ({@link ModelExpressions}): the expression
 *       language reaches every bean.
 *   <li>DMN: the rules' validator ({@link RuleValidator}: engine parse, outputs the application reads,
 *       evaluation of generated inputs); rule ids in its message become the element id.
 *   <li>Form: JSON, id = key, unique field keys, each a declared process variable.
 * </ul>
 */
@Component
public class ModelValidator {

  /** The verdict: valid when no problem is an error. */
  public record Validation(boolean valid, List<ModelProblem> problems) {

    static Validation of(List<ModelProblem> problems) {
      return new Validation(problems.stream().noneMatch(ModelProblem::isError), List.copyOf(problems));
    }
  }

  private static final String APPLICATION_PACKAGE = "org.leadflow.";
  private static final Pattern DMN_ELEMENT = Pattern.compile("\\b((?:Rule|Decision|Input|Output)_[A-Za-z0-9_]+)");

  private final EngineParse engine;
  private final RuleValidator rules;
  private final RepositoryService repository;
  private final ApplicationContext beans;
  private final ObjectMapper json;

  ModelValidator(EngineParse engine, RuleValidator rules, RepositoryService repository, ApplicationContext beans,
      ObjectMapper json) {
    this.engine = engine;
    this.rules = rules;
    this.repository = repository;
    this.beans = beans;
    this.json = json;
  }

  /**
   * Validates {@code content} as the new version of the model; {@code set} is the model set it would be
   * deployed with, this model already in it (BPMN and forms; ignored for DMN).
   */
  public Validation validate(ModelType type, String key, byte[] content, ModelSet set) {
    return Validation.of(switch (type) {
      case BPMN -> bpmn(key, content, set);
      case DMN -> dmn(key, content);
      case FORM -> form(key, content);
    });
  }

  private List<ModelProblem> bpmn(String key, byte[] content, ModelSet set) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException unreadable) {
      return List.of(ModelProblem.error(null, "parse", "not a readable BPMN 2.0 file: " + rootCause(unreadable)));
    }
    List<ModelProblem> problems = new ArrayList<>(ModelConventions.bpmn(key, model));
    problems.addAll(references(key, model, set));
    if (problems.stream().anyMatch(problem -> ModelExpressions.RULE.equals(problem.rule()))) {
      // the engine's parse deploys the model (then rolls back), and a deployment evaluates some expressions
      // (a timer start event's): a refused expression must never reach the engine
      return problems;
    }
    problems.addAll(engine.problems("processes/" + key + ModelType.BPMN.suffix(), content));
    return problems;
  }

  private List<ModelProblem> references(String key, BpmnModelInstance model, ModelSet set) {
    ModelConventions.References references = ModelConventions.references(model);
    List<ModelProblem> problems = new ArrayList<>();
    Set<String> forms = set.keys(ModelType.FORM);
    references.forms().forEach((form, element) -> {
      if (!forms.contains(form)) {
        problems.add(ModelProblem.error(element, "form-exists", "the form '" + form + "' is not in the model set "
            + "(forms bind by deployment); known forms: " + String.join(", ", forms)));
      }
    });
    Set<String> processes = new TreeSet<>(set.keys(ModelType.BPMN));
    processes.add(key);
    references.calledElements().forEach((called, element) -> {
      if (!processes.contains(called)) {
        problems.add(ModelProblem.error(element, "called-element-exists", "the process '" + called
            + "' is not in the model set (call activities bind by deployment)"));
      }
    });
    references.decisions().forEach((decision, element) -> {
      if (repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision).count() == 0) {
        problems.add(ModelProblem.error(element, "decision-exists", "no decision '" + decision + "' is deployed"));
      }
    });
    references.beans().forEach((bean, element) -> {
      if (!beans.containsBean(bean)) {
        problems.add(ModelProblem.error(element, "bean-exists", "the application has no bean '" + bean + "'"));
      }
    });
    references.policyBeans().forEach((bean, element) -> {
      if (!beans.containsBean(bean)) {
        problems.add(ModelProblem.error(element, "policy-bean-exists", "the application has no policy bean '" + bean
            + "'"));
      }
    });
    for (ModelExpressions.PolicyCall call : references.policyCalls()) {
      if (beans.containsBean(call.bean())) {
        String missing = policyMethodProblem(call);
        if (missing != null) {
          problems.add(ModelProblem.error(call.elementId(), "reference", missing));
        }
      }
    }
    return problems;
  }

  /**
   * Why {@code call} cannot be made, or null: the bean must be one of the application's own classes and
   * declare a public method of that name taking that many arguments (a typo would fail only when a lead
   * reaches the element).
   */
  private String policyMethodProblem(ModelExpressions.PolicyCall call) {
    Class<?> type = beans.getType(call.bean());
    String name = call.bean() + "." + call.method() + " with " + call.arity() + " argument(s)";
    if (type == null) {
      return "the type of the bean '" + call.bean() + "' is unknown: cannot call " + name;
    }
    Class<?> user = ClassUtils.getUserClass(type);
    if (!user.getName().startsWith(APPLICATION_PACKAGE)) {
      return "'" + call.bean() + "' is not one of the application's policy beans";
    }
    boolean exists = Arrays.stream(user.getMethods())
        .filter(method -> method.getDeclaringClass().getName().startsWith(APPLICATION_PACKAGE))
        .anyMatch(method -> method.getName().equals(call.method()) && method.getParameterCount() == call.arity());
    if (exists) {
      return null;
    }
    String known = Arrays.stream(user.getMethods())
        .filter(method -> method.getDeclaringClass().getName().startsWith(APPLICATION_PACKAGE))
        .map(method -> method.getName() + "/" + method.getParameterCount()).distinct().sorted()
        .collect(Collectors.joining(", "));
    return "the policy bean '" + call.bean() + "' has no method " + name + " (it has " + known + ")";
  }

  private List<ModelProblem> dmn(String key, byte[] content) {
    try {
      rules.validate(key, content);
      return List.of();
    } catch (InvalidRuleException invalid) {
      return List.of(problem(invalid));
    }
  }

  /** The rules validator's verdict as a problem; the first rule, decision, input or output id it names is the element. */
  static ModelProblem problem(InvalidRuleException invalid) {
    Matcher element = DMN_ELEMENT.matcher(invalid.getMessage());
    return ModelProblem.error(element.find() ? element.group(1) : null, "dmn-" + invalid.field(), invalid.getMessage());
  }

  private List<ModelProblem> form(String key, byte[] content) {
    JsonNode form;
    try {
      form = json.readTree(content);
    } catch (JsonProcessingException unreadable) {
      return List.of(ModelProblem.error(null, "parse", "not a JSON form: " + unreadable.getOriginalMessage()));
    } catch (IOException unreadable) {
      return List.of(ModelProblem.error(null, "parse", "not a JSON form: " + unreadable.getMessage()));
    }
    return ModelConventions.form(key, form);
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? e.getMessage() : cause.getMessage();
  }
}
