package org.leadflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** What each convention reports, with the element id the modeler marks. */
class ModelConventionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theShippedLifecycleBreaksNoConvention() throws IOException {
    assertThat(ModelConventions.bpmn("lead-lifecycle", model(lifecycle()))).isEmpty();
  }

  @Test
  void aUserTaskOfferedToAnUnknownGroupOrWithoutOneIsNamed() throws IOException {
    String unknown = lifecycle().replace("camunda:candidateGroups=\"marketing\"", "camunda:candidateGroups=\"growth\"");
    String none = lifecycle().replace("camunda:candidateGroups=\"marketing\"", "");

    assertThat(rules(ModelConventions.userTasks(model(unknown)))).containsExactly("Task_ReviewWinLoss candidate-group");
    assertThat(ModelConventions.userTasks(model(unknown)).get(0).message()).contains("'growth'");
    assertThat(rules(ModelConventions.userTasks(model(none)))).containsExactly("Task_ReviewWinLoss candidate-group");
  }

  @Test
  void aUserTaskNeedsAFormOfTheDeploymentAndAPolicyDueDate() throws IOException {
    String edited = lifecycle().replace("camunda:formRefBinding=\"deployment\"", "camunda:formRefBinding=\"latest\"")
        .replaceAll("camunda:dueDate=\"[^\"]*\"", "camunda:dueDate=\"2030-01-01T00:00:00\"");

    assertThat(rules(ModelConventions.userTasks(model(edited))))
        .containsExactly("Task_ReviewWinLoss form-ref", "Task_ReviewWinLoss due-date");
  }

  @Test
  void aLiteralTimerIsNamedByItsEvent() throws IOException {
    String nurture = shipped("processes/lead-nurture.bpmn").replace("${nurturePolicy.rescoreInterval()}", "PT1H");

    List<ModelProblem> problems = ModelConventions.timers(model(nurture));

    assertThat(rules(problems)).containsExactly("Event_RescoreIntervalElapsed timer-policy");
    assertThat(problems.get(0).message()).contains("'PT1H'");
  }

  @Test
  void theProcessIdMustBeTheKeyAndVersionTagAndHistoryTimeToLiveArePresent() throws IOException {
    String edited = lifecycle().replace("camunda:versionTag=\"1.0.0\"", "")
        .replace("camunda:historyTimeToLive=\"P180D\"", "");

    assertThat(rules(ModelConventions.process("lead-life", model(edited))))
        .containsExactly("lead-lifecycle process-id", "lead-lifecycle version-tag", "lead-lifecycle history-time-to-live");
  }

  @Test
  void generatedIdsAndMissingNamesAreNamed() throws IOException {
    String edited = lifecycle().replace("Task_ScoreLead", "Activity_0x1y2z").replace("name=\"Score lead\"", "");

    assertThat(rules(ModelConventions.flowNodes(model(edited))))
        .containsExactly("Activity_0x1y2z element-id", "Activity_0x1y2z element-name");
  }

  @Test
  void aServiceTaskMustCallADelegateBean() throws IOException {
    String edited = lifecycle().replace("camunda:delegateExpression=\"${scoreLeadDelegate}\"",
        "camunda:expression=\"${scoring.score(leadId)}\"");

    assertThat(rules(ModelConventions.serviceTasks(model(edited))))
        .containsExactly("Task_ScoreLead delegate", "Task_ScoreLead delegate");
  }

  @Test
  void referencesNameWhatTheModelNeedsOutsideItself() throws IOException {
    ModelConventions.References references = ModelConventions.references(model(lifecycle()));

    assertThat(references.forms()).containsEntry("marketing-review-win-loss", "Task_ReviewWinLoss");
    assertThat(references.calledElements()).containsEntry("sdr-qualification", "CallActivity_QualifyWithSdr")
        .containsKeys("lead-nurture", "sales-follow-up", "opportunity");
    assertThat(references.beans()).containsEntry("scoreLeadDelegate", "Task_ScoreLead")
        .containsEntry("leadContextTaskListener", "Task_ReviewWinLoss");
    assertThat(references.policyBeans()).containsKey("recyclePolicy");
  }

  @Test
  void aFormNamesItsDuplicateAndUndeclaredKeysAndAWrongId() throws IOException {
    String form = """
        {"id": "sdr-qualify", "type": "default", "components": [
          {"id": "Field_Outcome", "key": "callOutcome", "type": "select"},
          {"id": "Field_Again", "key": "callOutcome", "type": "textfield"},
          {"id": "Field_Mood", "key": "mood", "type": "textfield"}]}""";

    assertThat(rules(ModelConventions.form("sdr-qualify-lead", JSON.readTree(form))))
        .containsExactly("null form-id", "Field_Again form-key-unique", "Field_Mood form-key-variable");
    assertThat(rules(ModelConventions.form("x", JSON.readTree("[]")))).containsExactly("null form");
  }

  private static List<String> rules(List<ModelProblem> problems) {
    return problems.stream().map(problem -> problem.elementId() + " " + problem.rule()).toList();
  }

  private static BpmnModelInstance model(String xml) {
    return Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static String lifecycle() throws IOException {
    return shipped("processes/lead-lifecycle.bpmn");
  }

  static String shipped(String resource) throws IOException {
    try (InputStream in = ModelConventionsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
