package org.leadflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.modeler.ModelConventions;
import org.leadflow.modeler.ModelProblem;

/**
 * The BPMN conventions of STYLE §3 ({@link ModelConventions}, which the modeler's validation also runs)
 * hold for every processes/*.bpmn.
 */
class BpmnConventionsTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theProcessIsExecutableNamedVersionedAndKeyedByItsFileName(Path file) {
    assertThat(ModelConventions.process(keyOf(file), read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theDiagramHasAShapeForEveryFlowNodeAndAnEdgeForEveryFlow(Path file) {
    assertThat(ModelConventions.diagram(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyFlowNodeHasATypedPascalCaseIdAndAName(Path file) {
    assertThat(ModelConventions.flowNodes(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyServiceTaskCallsADelegateBean(Path file) {
    assertThat(ModelConventions.serviceTasks(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyUserTaskHasACandidateGroupADeployedFormAndAPolicyDueDate(Path file) {
    assertThat(ModelConventions.userTasks(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyTaskOfAWorkQueueProcessIsOfferedToItsGroupOnly(Path file) {
    assertThat(ModelConventions.queueTasks(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyTimerReadsItsDurationFromAPolicyBean(Path file) {
    assertThat(ModelConventions.timers(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyDivergingExclusiveGatewayHasADefaultAndConditionsOnItsOtherFlows(Path file) {
    assertThat(ModelConventions.exclusiveGateways(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void conditionalAndDefaultFlowsAreNamedAfterTheGatewaysAnswer(Path file) {
    assertThat(ModelConventions.answerFlows(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void callActivitiesBindByDeploymentPassTheBusinessKeyAndMapVariablesExplicitly(Path file) {
    assertThat(ModelConventions.callActivities(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void messagesErrorsAndEscalationsFollowTheNamingScheme(Path file) {
    assertThat(ModelConventions.naming(read(file))).as(problems(file)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void everyExpressionIsADelegateAPolicyCallOrAConditionOverVariables(Path file) {
    assertThat(ModelConventions.expressions(read(file))).as(problems(file)).isEmpty();
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

  private static String problems(Path file) {
    return "problems (" + ModelProblem.class.getSimpleName() + ") in " + file.getFileName();
  }

  private static BpmnModelInstance read(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  private static String keyOf(Path file) {
    return file.getFileName().toString().replaceFirst("\\.bpmn$", "");
  }
}
