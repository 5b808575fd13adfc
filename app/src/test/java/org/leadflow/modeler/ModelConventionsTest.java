package org.leadflow.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  void aTaskForAnotherGroupInTheSdrQueueProcessIsNamedBecauseEverySdrCouldReadIt() throws IOException {
    String sdrQualification = shipped("processes/sdr-qualification.bpmn");
    assertThat(ModelConventions.bpmn("sdr-qualification", model(sdrQualification))).isEmpty();

    String managersTaskInside = sdrQualification.replaceFirst(
        "(<bpmn:userTask id=\"Task_CallLeadAgain\"[^>]*camunda:candidateGroups=)\"sdr\"", "$1\"sales-manager\"");
    String sharedWithSales = sdrQualification.replaceFirst(
        "(<bpmn:userTask id=\"Task_QualifyLead\"[^>]*camunda:candidateGroups=)\"sdr\"", "$1\"sdr,sales\"");

    assertThat(rules(ModelConventions.queueTasks(model(managersTaskInside))))
        .containsExactly("Task_CallLeadAgain queue-group");
    assertThat(rules(ModelConventions.queueTasks(model(sharedWithSales)))).containsExactly("Task_QualifyLead queue-group");
    assertThat(ModelConventions.queueTasks(model(lifecycle().replace("camunda:candidateGroups=\"marketing\"",
        "camunda:candidateGroups=\"sales-manager\"")))).as("not a work queue process").isEmpty();
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
  void aRetryCycleWrittenAsAnAttributeIsNamedBecauseTheEngineIgnoresIt() throws IOException {
    String followUp = shipped("processes/sales-follow-up.bpmn");
    String attribute = followUp.replace("camunda:delegateExpression=\"${assignSalesRepDelegate}\"\n",
        "camunda:delegateExpression=\"${assignSalesRepDelegate}\" camunda:failedJobRetryTimeCycle=\"R3/PT5M\"\n");

    assertThat(attribute).isNotEqualTo(followUp);
    assertThat(ModelConventions.retryCycles(model(followUp))).isEmpty();
    assertThat(rules(ModelConventions.retryCycles(model(attribute)))).containsExactly("Task_AssignSalesRep retry-cycle");
  }

  @Test
  void anExpressionThatReachesABeanIsRefusedWhereverItIsWritten() throws IOException {
    String grant = "identityService.createMembership('paul','camunda-admin')";
    Map<String, String> edits = new LinkedHashMap<>();
    edits.put("policy argument", lifecycle().replace("${slaPolicy.winLossReviewDue(leadId)}",
        "${slaPolicy.winLossReviewDue(" + grant + ")}"));
    edits.put("condition", lifecycle().replace("${leadValid}", "${" + grant + " == null}"));
    edits.put("bracket access", lifecycle().replace("${leadValid}", "${identityService['createMembership']}"));
    edits.put("function", lifecycle().replace("${leadValid}", "${fn:grant('paul')}"));
    edits.put("out mapping", lifecycle().replace("${acceptance == 'ACCEPTED' ? salesOutcome : 'RECYCLE'}",
        "#{execution.processEngineServices.identityService}"));
    edits.put("in mapping", lifecycle().replace("<camunda:in source=\"leadId\" target=\"leadId\"/>",
        "<camunda:in sourceExpression=\"${" + grant + "}\" target=\"leadId\"/>"));
    edits.put("input parameter", lifecycle().replace("<camunda:in businessKey=\"#{execution.processBusinessKey}\"/>",
        "<camunda:in businessKey=\"#{execution.processBusinessKey}\"/><camunda:inputOutput><camunda:inputParameter "
            + "name=\"x\">${" + grant + "}</camunda:inputParameter></camunda:inputOutput>"));
    edits.put("name", lifecycle().replace("name=\"Score lead\"", "name=\"Score ${" + grant + "}\""));
    edits.put("delegate", lifecycle().replace("${scoreLeadDelegate}", "${identityService}"));

    for (Map.Entry<String, String> edit : edits.entrySet()) {
      assertThat(rules(ModelConventions.expressions(model(edit.getValue())))).as(edit.getKey())
          .isNotEmpty().allMatch(rule -> rule.endsWith(" expression") && !rule.startsWith("null "));
    }
    assertThat(rules(ModelConventions.bpmn("lead-lifecycle", model(edits.get("policy argument")))))
        .contains("Task_ReviewWinLoss expression", "Task_ReviewWinLoss due-date");
    assertThat(rules(ModelConventions.expressions(model(edits.get("condition"))))).containsExactly(
        "Flow_LeadValidYes expression");
  }

  @Test
  void classesScriptsAndExpressionListenersAreRefused() throws IOException {
    String listeners = "<camunda:executionListener expression=\"${x}\" event=\"start\"/>"
        + "<camunda:taskListener class=\"org.example.Grant\" event=\"create\"/>"
        + "<camunda:executionListener event=\"end\"><camunda:script scriptFormat=\"groovy\">1</camunda:script>"
        + "</camunda:executionListener>";
    String withListeners = lifecycle().replace("<camunda:taskListener delegateExpression=\"${leadContextTaskListener}\"",
        listeners + "<camunda:taskListener delegateExpression=\"${leadContextTaskListener}\"");
    String withClass = lifecycle().replace("camunda:delegateExpression=\"${scoreLeadDelegate}\"",
        "camunda:class=\"org.example.Grant\"");
    String script = lifecycle().replace("<bpmn:serviceTask id=\"Task_ScoreLead\" name=\"Score lead\" "
        + "camunda:delegateExpression=\"${scoreLeadDelegate}\">", "<bpmn:scriptTask id=\"Task_ScoreLead\" "
        + "name=\"Score lead\" scriptFormat=\"groovy\">")
        .replaceFirst("(?s)(<bpmn:scriptTask id=\"Task_ScoreLead\".*?)</bpmn:serviceTask>",
            "$1<bpmn:script>1</bpmn:script></bpmn:scriptTask>");
    String scriptCondition = lifecycle().replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">"
        + "${leadValid}", "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true");

    assertThat(rules(ModelConventions.expressions(model(withListeners)))).containsExactly(
        "Task_ReviewWinLoss expression", "Task_ReviewWinLoss expression", "Task_ReviewWinLoss expression");
    String withActivitiClass = lifecycle().replace("xmlns:camunda=", "xmlns:activiti=\"http://activiti.org/bpmn\" "
        + "xmlns:camunda=").replace("camunda:delegateExpression=\"${scoreLeadDelegate}\"",
        "activiti:class=\"org.example.Grant\"");

    assertThat(rules(ModelConventions.expressions(model(withClass)))).containsExactly("Task_ScoreLead expression");
    assertThat(rules(ModelConventions.expressions(model(withActivitiClass)))).as("the engine reads activiti: as camunda:")
        .containsExactly("Task_ScoreLead expression");
    assertThat(rules(ModelConventions.expressions(model(script)))).contains("Task_ScoreLead expression");
    assertThat(rules(ModelConventions.expressions(model(scriptCondition)))).containsExactly(
        "Flow_LeadValidYes expression");
  }

  @Test
  void policyCallsWithVariablesAndLiteralsAndConditionsOverVariablesAreAllowed() throws IOException {
    String edited = lifecycle().replace("${leadValid}", "${(leadValid and score >= 10) || !empty manual}")
        .replace("${slaPolicy.winLossReviewDue(leadId)}", "${slaPolicy.dueAt(leadId, 'SALES_ACCEPT', -1, true)}");

    assertThat(ModelConventions.bpmn("lead-lifecycle", model(edited))).isEmpty();
    assertThat(ModelConventions.references(model(edited)).policyCalls()).extracting(call -> call.bean() + "."
        + call.method() + "/" + call.arity() + " " + call.elementId())
        .contains("slaPolicy.dueAt/4 Task_ReviewWinLoss", "recyclePolicy.allows/1 Flow_RecycleAllowedYes");
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
