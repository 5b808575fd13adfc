package org.leadflow.modeler;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.leadflow.identity.QueueGrants;
import org.leadflow.identity.Roles;
import org.leadflow.process.LeadVariables;
import org.leadflow.process.ProcessVariable;

/**
 * The house conventions for models (STYLE §3 for BPMN, §9 for Camunda Forms) as checks that return
 * {@link ModelProblem}s naming the element. The convention tests (BpmnConventionsTest,
 * FormConventionsTest) run them over the files, {@link ModelValidator} over a model a process owner
 * wants to deploy. Each method checks one rule group and names it in {@link ModelProblem#rule()}.
 * References to other models and to beans are collected here ({@link #references}) and checked by
 * {@link ModelValidator}, which knows what is deployed and which beans exist.
 */
public final class ModelConventions {

  public static final Pattern FLOW_NODE_ID =
      Pattern.compile("^(StartEvent|EndEvent|Task|CallActivity|SubProcess|Gateway|BoundaryEvent|Event)_[A-Z][A-Za-z0-9]+$");
  public static final Pattern DELEGATE_EXPRESSION = Pattern.compile("^\\$\\{[a-z][A-Za-z]+Delegate}$");
  private static final String ARGUMENT = "(?:[A-Za-z_][A-Za-z0-9_]*|'[^'\\\\]*'|\"[^\"\\\\]*\"|-?[0-9]+(?:\\.[0-9]+)?)";
  /**
   * Durations, dates and due dates come from a policy bean: {@code ${slaPolicy.dueAt(leadId, 'SALES_ACCEPT')}},
   * the arguments process variables or literals (never an expression: see {@link ModelExpressions}).
   */
  public static final Pattern POLICY_EXPRESSION = Pattern.compile("^\\$\\{[a-z][A-Za-z]*Policy\\.[a-z][A-Za-z]*\\(\\s*(?:"
      + ARGUMENT + "(?:\\s*,\\s*" + ARGUMENT + ")*)?\\s*\\)}$");
  public static final Pattern GATEWAY_ANSWER_FLOW_ID = Pattern.compile("^Flow_[A-Z][A-Za-z0-9]+$");
  /** The groups user tasks may be offered to. */
  public static final Set<String> CANDIDATE_GROUPS = Set.copyOf(Roles.WORKING_GROUPS);

  private static final Pattern BEAN_IN_EXPRESSION = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern POLICY_BEAN = Pattern.compile("[$#]\\{[^}]*?\\b([a-z][A-Za-z0-9]*(?:Policy|Plan))\\.");

  private ModelConventions() {}

  /** Every BPMN rule group. */
  public static List<ModelProblem> bpmn(String key, BpmnModelInstance model) {
    return Stream.of(process(key, model), diagram(model), flowNodes(model), serviceTasks(model), userTasks(model),
        queueTasks(model), timers(model), retryCycles(model), exclusiveGateways(model), answerFlows(model), callActivities(model),
        naming(model), expressions(model))
        .flatMap(List::stream).toList();
  }

  /** One executable process per file, its id the file's key, with a name, a version tag and a history TTL. */
  public static List<ModelProblem> process(String key, BpmnModelInstance model) {
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    if (processes.size() != 1) {
      return List.of(ModelProblem.error(null, "process", "a model holds exactly one process; this one has "
          + processes.size()));
    }
    Process process = processes.iterator().next();
    String id = process.getId();
    List<ModelProblem> problems = new ArrayList<>();
    if (!key.equals(id)) {
      problems.add(ModelProblem.error(id, "process-id", "the process id must be '" + key + "' (the model's key), not '"
          + id + "'"));
    }
    if (!process.isExecutable()) {
      problems.add(ModelProblem.error(id, "process-executable", "the process must be executable (isExecutable=\"true\")"));
    }
    if (blank(process.getName())) {
      problems.add(ModelProblem.error(id, "process-name", "the process needs a name"));
    }
    if (blank(process.getCamundaVersionTag())) {
      problems.add(ModelProblem.error(id, "version-tag", "the process needs a camunda:versionTag (e.g. \"1.0.1\")"));
    }
    if (blank(process.getCamundaHistoryTimeToLiveString())) {
      problems.add(ModelProblem.error(id, "history-time-to-live",
          "the process needs camunda:historyTimeToLive (e.g. \"P180D\"), or the engine refuses to deploy it"));
    }
    return problems;
  }

  /** BPMN DI: a diagram, a shape for every flow node and an edge for every sequence flow. */
  public static List<ModelProblem> diagram(BpmnModelInstance model) {
    if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
      return List.of(ModelProblem.error(null, "diagram", "the model has no diagram (BPMN DI)"));
    }
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> shape.getBpmnElement() != null)
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getBpmnElement() != null)
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
    List<ModelProblem> problems = new ArrayList<>();
    for (FlowNode node : sorted(model.getModelElementsByType(FlowNode.class))) {
      if (!shapes.contains(node.getId())) {
        problems.add(ModelProblem.error(node.getId(), "diagram", node.getId() + " has no shape in the diagram"));
      }
    }
    for (SequenceFlow flow : sorted(model.getModelElementsByType(SequenceFlow.class))) {
      if (!edges.contains(flow.getId())) {
        problems.add(ModelProblem.error(flow.getId(), "diagram", flow.getId() + " has no edge in the diagram"));
      }
    }
    return problems;
  }

  /** Readable ids ({@code Type_PascalCase}) and a name on every flow node. */
  public static List<ModelProblem> flowNodes(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (FlowNode node : sorted(model.getModelElementsByType(FlowNode.class))) {
      if (node.getId() == null || !FLOW_NODE_ID.matcher(node.getId()).matches()) {
        problems.add(ModelProblem.error(node.getId(), "element-id", "the id '" + node.getId() + "' of '" + node.getName()
            + "' must read Type_PascalCaseName (StartEvent_, EndEvent_, Task_, CallActivity_, SubProcess_, Gateway_, "
            + "BoundaryEvent_, Event_)"));
      }
      if (blank(node.getName())) {
        problems.add(ModelProblem.error(node.getId(), "element-name", node.getId() + " needs a name"));
      }
    }
    return problems;
  }

  /** Service tasks call a delegate bean ({@code ${somethingDelegate}}), never a class or an expression. */
  public static List<ModelProblem> serviceTasks(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (ServiceTask task : sorted(model.getModelElementsByType(ServiceTask.class))) {
      String delegate = task.getCamundaDelegateExpression();
      if (delegate == null || !DELEGATE_EXPRESSION.matcher(delegate).matches()) {
        problems.add(ModelProblem.error(task.getId(), "delegate", task.getId()
            + " must call a delegate bean: camunda:delegateExpression=\"${somethingDelegate}\""));
      }
      if (task.getCamundaClass() != null) {
        problems.add(ModelProblem.error(task.getId(), "delegate", task.getId() + " must not use camunda:class"));
      }
      if (task.getCamundaExpression() != null) {
        problems.add(ModelProblem.error(task.getId(), "delegate", task.getId() + " must not use camunda:expression"));
      }
    }
    return problems;
  }

  /**
   * A retry cycle is an extension element ({@code <camunda:failedJobRetryTimeCycle>}): written as an attribute
   * the engine ignores it without a word, and a failing job burns its three retries at once.
   */
  public static List<ModelProblem> retryCycles(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (BaseElement element : sorted(model.getModelElementsByType(BaseElement.class))) {
      for (String namespace : ModelExpressions.CAMUNDA_NAMESPACES) {
        if (element.getDomElement().getAttribute(namespace, "failedJobRetryTimeCycle") != null) {
          problems.add(ModelProblem.error(element.getId(), "retry-cycle", element.getId() + ": the retry cycle must"
              + " be the extension element <camunda:failedJobRetryTimeCycle>; as an attribute it is ignored"));
        }
      }
    }
    return problems;
  }

  /** User tasks: candidate groups among the working groups, a Camunda Form of the deployment, a policy due date. */
  public static List<ModelProblem> userTasks(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (UserTask task : sorted(model.getModelElementsByType(UserTask.class))) {
      String id = task.getId();
      List<String> groups = task.getCamundaCandidateGroupsList();
      if (groups.isEmpty()) {
        problems.add(ModelProblem.error(id, "candidate-group", id + " needs camunda:candidateGroups (one of "
            + String.join(", ", sortedGroups()) + ")"));
      }
      for (String group : groups) {
        if (!CANDIDATE_GROUPS.contains(group)) {
          problems.add(ModelProblem.error(id, "candidate-group", id + ": '" + group + "' is not a known group (one of "
              + String.join(", ", sortedGroups()) + ")"));
        }
      }
      if (blank(task.getCamundaFormRef())) {
        problems.add(ModelProblem.error(id, "form-ref", id + " needs a Camunda Form: camunda:formRef"));
      }
      if (!"deployment".equals(task.getCamundaFormRefBinding())) {
        problems.add(ModelProblem.error(id, "form-ref", id + " needs camunda:formRefBinding=\"deployment\""));
      }
      if (task.getCamundaFormKey() != null) {
        problems.add(ModelProblem.error(id, "form-ref", id + " must use camunda:formRef, not camunda:formKey"));
      }
      String due = task.getCamundaDueDate();
      if (due == null || !POLICY_EXPRESSION.matcher(due).matches()) {
        problems.add(ModelProblem.error(id, "due-date", id + " needs a camunda:dueDate from a policy bean, "
            + "e.g. ${slaPolicy.firstContact(...)}" + (due == null ? "" : ", not '" + due + "'")));
      }
    }
    return problems;
  }

  /**
   * A work queue of {@link QueueGrants} (its group reads and works every task of the process through a grant on
   * the definition, with no authorization per task) offers each user task to that group only: a task for anyone
   * else there would be readable by the whole group (the managers' review of an uncalled lead is a process of
   * its own for that reason).
   */
  public static List<ModelProblem> queueTasks(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      String group = QueueGrants.GROUP_BY_PROCESS.get(process.getId());
      if (group == null) {
        continue;
      }
      for (UserTask task : sorted(model.getModelElementsByType(UserTask.class))) {   // one process per model
        if (!List.of(group).equals(task.getCamundaCandidateGroupsList())) {
          problems.add(ModelProblem.error(task.getId(), "queue-group", task.getId() + ": every task of "
              + process.getId() + " is readable by group '" + group + "' (a grant on the process definition), so its "
              + "only candidate group must be '" + group + "'; a task for others belongs in a called process of its own"));
        }
      }
    }
    return problems;
  }

  /** Every timer has exactly one time definition, an expression against a policy bean (never a literal). */
  public static List<ModelProblem> timers(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String owner = ((BaseElement) timer.getParentElement()).getId();
      List<String> expressions = timeDefinitions(timer);
      if (expressions.size() != 1) {
        problems.add(ModelProblem.error(owner, "timer-policy", owner + " needs exactly one time definition (duration, "
            + "date or cycle); it has " + expressions.size()));
      }
      for (String expression : expressions) {
        if (!POLICY_EXPRESSION.matcher(expression).matches()) {
          problems.add(ModelProblem.error(owner, "timer-policy", "the timer of " + owner
              + " must read its time from a policy bean, e.g. ${slaPolicy.firstContact(...)}, not '" + expression + "'"));
        }
      }
    }
    problems.sort((a, b) -> String.valueOf(a.elementId()).compareTo(String.valueOf(b.elementId())));
    return problems;
  }

  /** A diverging exclusive gateway has a default flow and conditions on its other flows. */
  public static List<ModelProblem> exclusiveGateways(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (ExclusiveGateway gateway : sorted(model.getModelElementsByType(ExclusiveGateway.class))) {
      if (gateway.getOutgoing().size() < 2) {
        continue;
      }
      SequenceFlow defaultFlow = gateway.getDefault();
      if (defaultFlow == null) {
        problems.add(ModelProblem.error(gateway.getId(), "gateway-default", gateway.getId() + " needs a default flow"));
      }
      for (SequenceFlow flow : gateway.getOutgoing()) {
        if (flow != defaultFlow && flow.getConditionExpression() == null) {
          problems.add(ModelProblem.error(flow.getId(), "gateway-condition", flow.getId() + " out of " + gateway.getId()
              + " needs a condition (or must be the default flow)"));
        }
      }
    }
    return problems;
  }

  /** Conditional and default flows are {@code Flow_<Gateway><Answer>} and named after the answer. */
  public static List<ModelProblem> answerFlows(BpmnModelInstance model) {
    Set<SequenceFlow> defaults = model.getModelElementsByType(ExclusiveGateway.class).stream()
        .map(ExclusiveGateway::getDefault).filter(flow -> flow != null).collect(Collectors.toSet());
    List<ModelProblem> problems = new ArrayList<>();
    for (SequenceFlow flow : sorted(model.getModelElementsByType(SequenceFlow.class))) {
      if (flow.getConditionExpression() == null && !defaults.contains(flow)) {
        continue;
      }
      if (flow.getId() == null || !GATEWAY_ANSWER_FLOW_ID.matcher(flow.getId()).matches()) {
        problems.add(ModelProblem.error(flow.getId(), "flow-id", "the flow '" + flow.getName() + "' out of "
            + flow.getSource().getId() + " needs an id Flow_<Gateway><Answer>, not '" + flow.getId() + "'"));
      }
      if (blank(flow.getName())) {
        problems.add(ModelProblem.error(flow.getId(), "flow-name", flow.getId() + " needs the gateway's answer as its name"));
      }
    }
    return problems;
  }

  /** Call activities bind by deployment, pass the business key and map variables one by one. */
  public static List<ModelProblem> callActivities(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (CallActivity call : sorted(model.getModelElementsByType(CallActivity.class))) {
      String id = call.getId();
      if (!"deployment".equals(call.getCamundaCalledElementBinding())) {
        problems.add(ModelProblem.error(id, "call-activity", id + " needs camunda:calledElementBinding=\"deployment\""));
      }
      Collection<CamundaIn> ins = extensions(call, CamundaIn.class);
      Collection<CamundaOut> outs = extensions(call, CamundaOut.class);
      if (ins.stream().anyMatch(in -> "all".equals(in.getCamundaVariables()))
          || outs.stream().anyMatch(out -> "all".equals(out.getCamundaVariables()))) {
        problems.add(ModelProblem.error(id, "call-activity", id + " must map variables one by one, not variables=\"all\""));
      }
      if (ins.stream().noneMatch(in -> in.getCamundaBusinessKey() != null)) {
        problems.add(ModelProblem.error(id, "call-activity", id
            + " must pass the business key: <camunda:in businessKey=\"#{execution.processBusinessKey}\"/>"));
      }
      if (ins.stream().noneMatch(in -> in.getCamundaTarget() != null)) {
        problems.add(ModelProblem.error(id, "call-activity", id + " needs explicit variable mappings (camunda:in target)"));
      }
    }
    return problems;
  }

  /** Messages ({@code Message_X}/{@code Msg_X}), errors ({@code Error_X}/{@code Err_X}), escalations. */
  public static List<ModelProblem> naming(BpmnModelInstance model) {
    List<ModelProblem> problems = new ArrayList<>();
    for (Message message : sorted(model.getModelElementsByType(Message.class))) {
      check(problems, message.getId(), message.getId(), "^Message_[A-Z][A-Za-z0-9]+$", "message-name", "message id");
      check(problems, message.getId(), message.getName(), "^Msg_[A-Z][A-Za-z0-9]+$", "message-name", "message name");
    }
    for (Error error : sorted(model.getModelElementsByType(Error.class))) {
      check(problems, error.getId(), error.getId(), "^Error_[A-Z][A-Za-z0-9]+$", "error-name", "error id");
      check(problems, error.getId(), error.getErrorCode(), "^Err_[A-Z][A-Za-z0-9]+$", "error-name", "error code");
    }
    for (Escalation escalation : sorted(model.getModelElementsByType(Escalation.class))) {
      check(problems, escalation.getId(), escalation.getId(), "^Escalation_[A-Z][A-Za-z0-9]+$", "escalation-name",
          "escalation id");
      check(problems, escalation.getId(), escalation.getEscalationCode(), "^Esc_[A-Z][A-Za-z0-9]+$", "escalation-name",
          "escalation code");
    }
    return problems;
  }

  /**
   * Expressions are only delegate beans, policy calls with variables and literals as arguments and
   * conditions over process variables; no Java class, no script, no {@code camunda:expression}
   * (rule {@code expression}; see {@link ModelExpressions}: the expression language reaches every bean).
   */
  public static List<ModelProblem> expressions(BpmnModelInstance model) {
    return ModelExpressions.problems(model);
  }

  /** What a BPMN model refers to outside itself, each with the element that refers to it. */
  public record References(Map<String, String> forms, Map<String, String> calledElements,
      Map<String, String> decisions, Map<String, String> beans, Map<String, String> policyBeans,
      List<ModelExpressions.PolicyCall> policyCalls) {}

  /** The forms, called processes, decisions, delegate/listener beans and policy beans a model names (name → element). */
  public static References references(BpmnModelInstance model) {
    Map<String, String> forms = new LinkedHashMap<>();
    Map<String, String> called = new LinkedHashMap<>();
    Map<String, String> decisions = new LinkedHashMap<>();
    Map<String, String> beans = new LinkedHashMap<>();
    Map<String, String> policies = new LinkedHashMap<>();
    for (UserTask task : sorted(model.getModelElementsByType(UserTask.class))) {
      if (!blank(task.getCamundaFormRef())) {
        forms.putIfAbsent(task.getCamundaFormRef(), task.getId());
      }
      policyBeans(task.getCamundaDueDate(), task.getId(), policies);
      policyBeans(task.getCamundaFollowUpDate(), task.getId(), policies);
    }
    for (CallActivity call : sorted(model.getModelElementsByType(CallActivity.class))) {
      if (!blank(call.getCalledElement()) && !call.getCalledElement().contains("{")) {
        called.putIfAbsent(call.getCalledElement(), call.getId());
      }
    }
    for (BusinessRuleTask task : sorted(model.getModelElementsByType(BusinessRuleTask.class))) {
      if (!blank(task.getCamundaDecisionRef()) && !task.getCamundaDecisionRef().contains("{")) {
        decisions.putIfAbsent(task.getCamundaDecisionRef(), task.getId());
      }
      bean(task.getCamundaDelegateExpression(), task.getId(), beans);
    }
    for (ServiceTask task : sorted(model.getModelElementsByType(ServiceTask.class))) {
      bean(task.getCamundaDelegateExpression(), task.getId(), beans);
    }
    for (SendTask task : sorted(model.getModelElementsByType(SendTask.class))) {
      bean(task.getCamundaDelegateExpression(), task.getId(), beans);
    }
    for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
      bean(listener.getCamundaDelegateExpression(), owner(listener), beans);
    }
    for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
      bean(listener.getCamundaDelegateExpression(), owner(listener), beans);
    }
    for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
      String owner = ((BaseElement) timer.getParentElement()).getId();
      timeDefinitions(timer).forEach(expression -> policyBeans(expression, owner, policies));
    }
    for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
      policyBeans(condition.getTextContent(), owner(condition), policies);
    }
    List<ModelExpressions.PolicyCall> calls = ModelExpressions.policyCalls(model);
    calls.forEach(call -> policies.putIfAbsent(call.bean(), call.elementId()));
    return new References(forms, called, decisions, beans, policies, calls);
  }

  /**
   * A Camunda Form: an object whose {@code id} is the key, with at least one field, unique field keys,
   * each a process variable declared in {@link LeadVariables}.
   */
  public static List<ModelProblem> form(String key, JsonNode form) {
    if (form == null || !form.isObject()) {
      return List.of(ModelProblem.error(null, "form", "a form is a JSON object (form-js schema)"));
    }
    List<ModelProblem> problems = new ArrayList<>();
    String id = form.path("id").asText("");
    if (!key.equals(id)) {
      problems.add(ModelProblem.error(null, "form-id", "the form's id must be '" + key + "' (the model's key), not '"
          + id + "'"));
    }
    Set<String> declared = declaredVariables();
    List<JsonNode> fields = new ArrayList<>();
    collectFields(form.path("components"), fields);
    if (fields.isEmpty()) {
      problems.add(ModelProblem.error(null, "form-fields", "the form has no field with a key"));
    }
    Set<String> seen = new HashSet<>();
    for (JsonNode field : fields) {
      String fieldKey = field.get("key").asText();
      String elementId = field.hasNonNull("id") ? field.get("id").asText() : fieldKey;
      if (!seen.add(fieldKey)) {
        problems.add(ModelProblem.error(elementId, "form-key-unique", "the key '" + fieldKey + "' is used twice"));
      }
      if (!declared.contains(fieldKey)) {
        problems.add(ModelProblem.error(elementId, "form-key-variable", "the key '" + fieldKey
            + "' is not a process variable declared in LeadVariables"));
      }
    }
    return problems;
  }

  /** The field keys of a form, in document order. */
  public static List<String> formKeys(JsonNode form) {
    List<JsonNode> fields = new ArrayList<>();
    collectFields(form.path("components"), fields);
    return fields.stream().map(field -> field.get("key").asText()).toList();
  }

  /** The names of the process variables {@link LeadVariables} declares. */
  public static Set<String> declaredVariables() {
    return Arrays.stream(LeadVariables.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ProcessVariable.class)
        .map(ModelConventions::variableName)
        .collect(Collectors.toSet());
  }

  private static String variableName(Field field) {
    try {
      return ((ProcessVariable<?>) field.get(null)).name();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collectFields(JsonNode components, List<JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.add(component);
      }
      collectFields(component.path("components"), fields);
    }
  }

  private static List<String> timeDefinitions(TimerEventDefinition timer) {
    return Stream.of(timer.getTimeDuration(), timer.getTimeDate(), timer.getTimeCycle())
        .filter(definition -> definition != null).map(definition -> definition.getTextContent().trim()).toList();
  }

  private static void bean(String expression, String elementId, Map<String, String> beans) {
    if (expression == null) {
      return;
    }
    Matcher matcher = BEAN_IN_EXPRESSION.matcher(expression);
    if (matcher.find()) {
      beans.putIfAbsent(matcher.group(1), elementId);
    }
  }

  private static void policyBeans(String expression, String elementId, Map<String, String> policies) {
    if (expression == null) {
      return;
    }
    Matcher matcher = POLICY_BEAN.matcher(expression);
    while (matcher.find()) {
      policies.putIfAbsent(matcher.group(1), elementId);
    }
  }

  /** The id of the nearest enclosing BPMN element. */
  private static String owner(ModelElementInstance element) {
    ModelElementInstance current = element.getParentElement();
    while (current != null && !(current instanceof BaseElement)) {
      current = current.getParentElement();
    }
    return current == null ? null : ((BaseElement) current).getId();
  }

  private static void check(List<ModelProblem> problems, String elementId, String value, String pattern, String rule,
      String what) {
    if (value == null || !value.matches(pattern)) {
      problems.add(ModelProblem.error(elementId, rule, "the " + what + " '" + value + "' must match " + pattern));
    }
  }

  private static <T extends ModelElementInstance> Collection<T> extensions(BaseElement element, Class<T> type) {
    return element.getExtensionElements() == null ? List.of()
        : element.getExtensionElements().getChildElementsByType(type);
  }

  private static <T extends BaseElement> List<T> sorted(Collection<T> elements) {
    return elements.stream().sorted((a, b) -> String.valueOf(a.getId()).compareTo(String.valueOf(b.getId()))).toList();
  }

  private static List<String> sortedGroups() {
    return CANDIDATE_GROUPS.stream().sorted().toList();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
