package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The BPMN conventions of STYLE §3 as executable checks, for every processes/*.bpmn. */
class BpmnConventionsTest {

  private static final Pattern FLOW_NODE_ID =
      Pattern.compile("^(StartEvent|EndEvent|Task|CallActivity|SubProcess|Gateway|BoundaryEvent|Event)_[A-Z][A-Za-z0-9]+$");
  private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("^\\$\\{[a-z][A-Za-z]+Delegate}$");
  /** Durations, dates and due dates come from a policy bean: {@code ${slaPolicy.firstContact()}}. */
  private static final Pattern POLICY_EXPRESSION = Pattern.compile("^\\$\\{[a-z][A-Za-z]*Policy\\.[a-z][A-Za-z]*\\(.*\\)}$");
  private static final Pattern GATEWAY_ANSWER_FLOW_ID = Pattern.compile("^Flow_[A-Z][A-Za-z0-9]+$");
  private static final Set<String> CANDIDATE_GROUPS = Set.of("marketing", "sdr", "sales", "sales-manager", "process-owner");

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theProcessIsExecutableNamedVersionedAndKeyedByItsFileName(Path file) {
    BpmnModelInstance model = read(file);
    Collection<Process> processes = model.getModelElementsByType(Process.class);
    assertThat(processes).as("one process per file").hasSize(1);
    Process process = processes.iterator().next();

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(process.getId()).as("process id").isEqualTo(keyOf(file));
    softly.assertThat(process.isExecutable()).as("isExecutable").isTrue();
    softly.assertThat(process.getName()).as("name").isNotBlank();
    softly.assertThat(process.getCamundaVersionTag()).as("camunda:versionTag").isNotBlank();
    softly.assertThat(process.getCamundaHistoryTimeToLiveString()).as("camunda:historyTimeToLive").isNotBlank();
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theDiagramHasAShapeForEveryFlowNodeAndAnEdgeForEveryFlow(Path file) {
    BpmnModelInstance model = read(file);
    assertThat(model.getModelElementsByType(BpmnDiagram.class)).as("BPMN DI").isNotEmpty();
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> shape.getBpmnElement() != null)
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getBpmnElement() != null)
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());

    SoftAssertions softly = new SoftAssertions();
    softly.assertThat(ids(model.getModelElementsByType(FlowNode.class)).stream().filter(id -> !shapes.contains(id)))
        .as("flow nodes without a shape").isEmpty();
    softly.assertThat(ids(model.getModelElementsByType(SequenceFlow.class)).stream().filter(id -> !edges.contains(id)))
        .as("sequence flows without an edge").isEmpty();
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyFlowNodeHasATypedPascalCaseIdAndAName(Path file) {
    SoftAssertions softly = new SoftAssertions();
    for (FlowNode node : read(file).getModelElementsByType(FlowNode.class)) {
      softly.assertThat(node.getId()).as("id of '%s'", node.getName()).matches(FLOW_NODE_ID);
      softly.assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyServiceTaskCallsADelegateBean(Path file) {
    SoftAssertions softly = new SoftAssertions();
    for (ServiceTask task : read(file).getModelElementsByType(ServiceTask.class)) {
      softly.assertThat(task.getCamundaDelegateExpression()).as("camunda:delegateExpression of %s", task.getId())
          .isNotNull().matches(DELEGATE_EXPRESSION);
      softly.assertThat(task.getCamundaClass()).as("camunda:class of %s", task.getId()).isNull();
      softly.assertThat(task.getCamundaExpression()).as("camunda:expression of %s", task.getId()).isNull();
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyUserTaskHasACandidateGroupADeployedFormAndAPolicyDueDate(Path file) {
    SoftAssertions softly = new SoftAssertions();
    for (UserTask task : read(file).getModelElementsByType(UserTask.class)) {
      softly.assertThat(task.getCamundaCandidateGroupsList()).as("candidate groups of %s", task.getId())
          .isNotEmpty().allMatch(CANDIDATE_GROUPS::contains);
      softly.assertThat(task.getCamundaFormRef()).as("camunda:formRef of %s", task.getId()).isNotBlank();
      softly.assertThat(task.getCamundaFormRefBinding()).as("camunda:formRefBinding of %s", task.getId())
          .isEqualTo("deployment");
      softly.assertThat(task.getCamundaFormKey()).as("camunda:formKey of %s (use formRef)", task.getId()).isNull();
      softly.assertThat(task.getCamundaDueDate()).as("camunda:dueDate of %s", task.getId())
          .isNotNull().matches(POLICY_EXPRESSION);
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyTimerReadsItsDurationFromAPolicyBean(Path file) {
    SoftAssertions softly = new SoftAssertions();
    for (TimerEventDefinition timer : read(file).getModelElementsByType(TimerEventDefinition.class)) {
      String owner = ((BaseElement) timer.getParentElement()).getId();
      List<String> expressions = Stream.of(timer.getTimeDuration(), timer.getTimeDate(), timer.getTimeCycle())
          .filter(definition -> definition != null).map(definition -> definition.getTextContent().trim()).toList();
      softly.assertThat(expressions).as("time definitions of %s", owner).hasSize(1)
          .allMatch(expression -> POLICY_EXPRESSION.matcher(expression).matches());
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyDivergingExclusiveGatewayHasADefaultAndConditionsOnItsOtherFlows(Path file) {
    SoftAssertions softly = new SoftAssertions();
    for (ExclusiveGateway gateway : read(file).getModelElementsByType(ExclusiveGateway.class)) {
      if (gateway.getOutgoing().size() < 2) {
        continue;
      }
      SequenceFlow defaultFlow = gateway.getDefault();
      softly.assertThat(defaultFlow).as("default flow of %s", gateway.getId()).isNotNull();
      for (SequenceFlow flow : gateway.getOutgoing()) {
        if (flow != defaultFlow) {
          softly.assertThat(flow.getConditionExpression()).as("condition of %s", flow.getId()).isNotNull();
        }
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void conditionalAndDefaultFlowsAreNamedAfterTheGatewaysAnswer(Path file) {
    BpmnModelInstance model = read(file);
    Set<SequenceFlow> defaults = model.getModelElementsByType(ExclusiveGateway.class).stream()
        .map(ExclusiveGateway::getDefault).filter(flow -> flow != null).collect(Collectors.toSet());
    SoftAssertions softly = new SoftAssertions();
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() != null || defaults.contains(flow)) {
        softly.assertThat(flow.getId()).as("id of the flow '%s' out of %s", flow.getName(), flow.getSource().getId())
            .matches(GATEWAY_ANSWER_FLOW_ID);
        softly.assertThat(flow.getName()).as("answer (name) of %s", flow.getId()).isNotBlank();
      }
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void callActivitiesBindByDeploymentPassTheBusinessKeyAndMapVariablesExplicitly(Path file) {
    SoftAssertions softly = new SoftAssertions();
    for (CallActivity call : read(file).getModelElementsByType(CallActivity.class)) {
      softly.assertThat(call.getCamundaCalledElementBinding()).as("calledElementBinding of %s", call.getId())
          .isEqualTo("deployment");
      Collection<CamundaIn> ins = extensions(call, CamundaIn.class);
      Collection<CamundaOut> outs = extensions(call, CamundaOut.class);
      softly.assertThat(ins).as("camunda:in variables=\"all\" of %s", call.getId())
          .noneMatch(in -> "all".equals(in.getCamundaVariables()));
      softly.assertThat(outs).as("camunda:out variables=\"all\" of %s", call.getId())
          .noneMatch(out -> "all".equals(out.getCamundaVariables()));
      softly.assertThat(ins).as("business key passed on by %s", call.getId())
          .anyMatch(in -> in.getCamundaBusinessKey() != null);
      softly.assertThat(ins).as("explicit variable mappings into %s", call.getId())
          .anyMatch(in -> in.getCamundaTarget() != null);
    }
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void messagesErrorsAndEscalationsFollowTheNamingScheme(Path file) {
    BpmnModelInstance model = read(file);
    SoftAssertions softly = new SoftAssertions();
    for (Message message : model.getModelElementsByType(Message.class)) {
      softly.assertThat(message.getId()).as("id of message %s", message.getName()).matches("^Message_[A-Z][A-Za-z0-9]+$");
      softly.assertThat(message.getName()).as("name of %s", message.getId()).matches("^Msg_[A-Z][A-Za-z0-9]+$");
    }
    for (Error error : model.getModelElementsByType(Error.class)) {
      softly.assertThat(error.getId()).as("id of error %s", error.getErrorCode()).matches("^Error_[A-Z][A-Za-z0-9]+$");
      softly.assertThat(error.getErrorCode()).as("code of %s", error.getId()).matches("^Err_[A-Z][A-Za-z0-9]+$");
    }
    for (Escalation escalation : model.getModelElementsByType(Escalation.class)) {
      softly.assertThat(escalation.getId()).as("id of escalation %s", escalation.getEscalationCode())
          .matches("^Escalation_[A-Z][A-Za-z0-9]+$");
      softly.assertThat(escalation.getEscalationCode()).as("code of %s", escalation.getId())
          .matches("^Esc_[A-Z][A-Za-z0-9]+$");
    }
    softly.assertAll();
  }

  static Stream<Path> models() throws IOException, URISyntaxException {
    URL processes = BpmnConventionsTest.class.getClassLoader().getResource("processes");
    assertThat(processes).as("processes/ on the test classpath").isNotNull();
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of(processes.toURI()))) {
      files = listing.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(files).as("models in %s", processes).isNotEmpty();
    return files.stream();
  }

  private static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  private static String keyOf(Path file) {
    return file.getFileName().toString().replaceFirst("\\.bpmn$", "");
  }

  private static List<String> ids(Collection<? extends BaseElement> elements) {
    return elements.stream().map(BaseElement::getId).sorted().toList();
  }

  private static <T extends ModelElementInstance> Collection<T> extensions(BaseElement element, Class<T> type) {
    return element.getExtensionElements() == null ? List.of()
        : element.getExtensionElements().getChildElementsByType(type);
  }
}
