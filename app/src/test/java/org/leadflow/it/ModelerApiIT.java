package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.modeler.ModelService;
import org.leadflow.process.SdrQualification;
import org.leadflow.rules.RulesService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The modeler's API as a process owner (paul) uses it: list and read the models, validate a change,
 * deploy it with a note, migrate running leads to the new version. The ITs share one engine: the
 * deploys here change only version tags of the shipped models (or add processes of their own), so
 * every other test's leads behave the same on the new versions. The decision table deployed here is
 * engagement-points with a comment added: no other IT names its version (StuckLeadIT expects stuck-lead v1).
 */
class ModelerApiIT extends IntegrationTestBase {

  @Autowired ModelService models;

  @Test
  void aProcessOwnerListsEveryModelWithItsVersionsAndReadsOne() {
    ResponseEntity<JsonNode> list = get("paul", "/api/models");

    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> listed = new ArrayList<>();
    list.getBody().forEach(model -> listed.add(model.path("type").asText() + ":" + model.path("key").asText()));
    assertThat(listed).contains("bpmn:lead-lifecycle", "bpmn:sdr-qualification", "dmn:sla-policy",
        "form:sdr-qualify-lead");
    assertThat(listed.indexOf("bpmn:sdr-qualification")).isLessThan(listed.indexOf("dmn:sla-policy"));
    assertThat(listed.indexOf("dmn:sla-policy")).isLessThan(listed.indexOf("form:sdr-qualify-lead"));
    JsonNode lifecycle = model(list.getBody(), "bpmn", LeadLifecycle.KEY);
    assertThat(lifecycle.path("name").asText()).isEqualTo("Lead lifecycle");
    JsonNode latest = lifecycle.path("latest");
    assertThat(latest.path("version").asInt()).isPositive();
    assertThat(latest.path("versionTag").asText()).isNotBlank();
    assertThat(latest.path("deployedAt").asText()).isNotBlank();
    assertThat(latest.path("runningInstances").isNumber()).isTrue();
    assertThat(lifecycle.path("versions").get(0)).isEqualTo(latest);
    assertThat(model(list.getBody(), "form", "sdr-qualify-lead").path("latest").path("runningInstances").isNull())
        .isTrue();

    ResponseEntity<String> xml = raw("paul", "/api/models/bpmn/lead-lifecycle");
    assertThat(xml.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(xml.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_XML)).isTrue();
    assertThat(xml.getHeaders().getFirst("X-Model-Version")).isEqualTo(latest.path("version").asText());
    assertThat(xml.getBody()).contains("id=\"lead-lifecycle\"");
    ResponseEntity<String> first = raw("paul", "/api/models/bpmn/lead-lifecycle?version=1");
    assertThat(first.getHeaders().getFirst("X-Model-Version")).isEqualTo("1");
    ResponseEntity<String> form = raw("demo", "/api/models/form/sdr-qualify-lead");
    assertThat(form.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(form.getBody()).contains("\"sdr-qualify-lead\"");
    assertThat(raw("paul", "/api/models/dmn/sla-policy").getBody()).contains("sla-policy");
    assertThat(raw("paul", "/api/models/bpmn/no-such-process").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(raw("paul", "/api/models/bpmn/lead-lifecycle?version=9999").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void aStoredModelIsServedAsASandboxedAttachmentNeverAsAPage() {
    for (String path : List.of("/api/models/bpmn/lead-lifecycle?version=1", "/api/models/form/sdr-qualify-lead",
        "/api/models/dmn/sla-policy")) {
      ResponseEntity<String> read = raw("paul", path);

      assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(read.getHeaders().getContentDisposition().isAttachment()).as(path).isTrue();
      assertThat(read.getHeaders().getContentDisposition().getFilename()).as(path)
          .matches("(lead-lifecycle-v1\\.bpmn|sdr-qualify-lead-v[0-9]+\\.form|sla-policy-v[0-9]+\\.dmn)");
      assertThat(read.getHeaders().getFirst("Content-Security-Policy")).as(path).isEqualTo("sandbox; default-src 'none'");
      assertThat(read.getHeaders().get("X-Content-Type-Options")).as(path).contains("nosniff");
    }
  }

  @Test
  void validationNamesTheElementsThatBreakTheConventionsAndAcceptsTheDeployedModel() throws IOException {
    String lifecycle = shipped("processes/lead-lifecycle.bpmn");
    String withoutGroup = lifecycle.replace("camunda:candidateGroups=\"marketing\"", "");
    String nurture = shipped("processes/lead-nurture.bpmn");
    String literalTimer = nurture.replace("${nurturePolicy.rescoreInterval()}", "PT1H");

    long deployments = engine.getRepositoryService().createDeploymentQuery().count();
    JsonNode accepted = validate("paul", "bpmn", LeadLifecycle.KEY, raw("paul", "/api/models/bpmn/lead-lifecycle")
        .getBody());
    // the engine's parse deployed it in a transaction that was rolled back
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deployments);
    JsonNode noGroup = validate("paul", "bpmn", LeadLifecycle.KEY, withoutGroup);
    JsonNode timer = validate("demo", "bpmn", "lead-nurture", literalTimer);
    JsonNode unreadable = validate("paul", "bpmn", LeadLifecycle.KEY, "<definitions");

    assertThat(accepted.path("valid").asBoolean()).as(accepted.toString()).isTrue();
    assertThat(errors(accepted)).isEmpty();
    assertThat(noGroup.path("valid").asBoolean()).isFalse();
    assertThat(errors(noGroup)).extracting(problem -> problem.path("elementId").asText() + " " + problem.path("rule")
        .asText()).containsExactly("Task_ReviewWinLoss candidate-group");
    assertThat(timer.path("valid").asBoolean()).isFalse();
    assertThat(errors(timer)).extracting(problem -> problem.path("elementId").asText() + " " + problem.path("rule")
        .asText()).contains("Event_RescoreIntervalElapsed timer-policy");
    assertThat(unreadable.path("valid").asBoolean()).isFalse();
    assertThat(errors(unreadable)).singleElement().satisfies(problem -> {
      assertThat(problem.path("rule").asText()).isEqualTo("parse");
      assertThat(problem.path("elementId").isNull()).isTrue();
    });
  }

  @Test
  void onlyProcessOwnersAndAdminsUseTheModeler() {
    assertThat(get("sam", "/api/models").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(raw("sam", "/api/models/bpmn/lead-lifecycle").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("max", "/api/models/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("sam", "/api/models/bpmn/lead-lifecycle/validation", "x").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(null, "/api/models").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("demo", "/api/models").getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aDeployNeedsANoteAndAnInvalidOrUnchangedModelDeploysNothing() throws IOException {
    String latest = raw("paul", "/api/models/bpmn/lead-lifecycle").getBody();
    String withoutGroup = latest.replace("camunda:candidateGroups=\"marketing\"", "");
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();

    ResponseEntity<JsonNode> withoutNote = deploy("paul", "bpmn", LeadLifecycle.KEY, "", latest);
    ResponseEntity<JsonNode> blankNote = deploy("paul", "bpmn", LeadLifecycle.KEY, "  ", latest);
    ResponseEntity<JsonNode> invalid = deploy("paul", "bpmn", LeadLifecycle.KEY, "no group", withoutGroup);
    ResponseEntity<JsonNode> unchanged = deploy("paul", "bpmn", LeadLifecycle.KEY, "same again", latest);

    assertThat(withoutNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutNote.getBody().path("errors").get(0).path("field").asText()).isEqualTo("note");
    assertThat(blankNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(invalid.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(invalid.getBody().path("problems").findValuesAsText("elementId")).contains("Task_ReviewWinLoss");
    assertThat(unchanged.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(unchanged.getBody().path("problems").get(0).path("rule").asText()).isEqualTo("unchanged");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).as("deployments").isEqualTo(deployments);
    assertThat(deploy("sam", "bpmn", LeadLifecycle.KEY, "sdr", latest).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aDeployOfAnotherModelMeanwhileIsNoConflictButAChangeOfTheSameModelIs() {
    // given two process owners opened lead-nurture at the same version
    ResponseEntity<String> opened = raw("paul", "/api/models/bpmn/lead-nurture");
    int base = Integer.parseInt(opened.getHeaders().getFirst("X-Model-Version"));
    String sdr = raw("paul", "/api/models/bpmn/" + SdrQualification.KEY).getBody()
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"1.0.0-other-" + unique() + "\"");

    // when someone deploys another process: every process of the set gets a new version, lead-nurture unchanged
    assertThat(deploy("paul", "bpmn", SdrQualification.KEY, "another model", sdr).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    int afterOther = Integer.parseInt(raw("paul", "/api/models/bpmn/lead-nurture").getHeaders()
        .getFirst("X-Model-Version"));
    String tag = "1.0.0-mine-" + unique();
    ResponseEntity<JsonNode> mine = send("paul", HttpMethod.POST, "/api/models/bpmn/lead-nurture/deployments"
        + "?note=my edit&baseVersion=" + base, opened.getBody()
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + tag + "\""));
    // and then the second editor, who also started from that version, deploys a different edit
    ResponseEntity<JsonNode> theirs = send("paul", HttpMethod.POST, "/api/models/bpmn/lead-nurture/deployments"
        + "?note=their edit&baseVersion=" + base, opened.getBody()
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"1.0.0-theirs-" + unique() + "\""));

    // then the first edit is deployed; the second would take it back: 409 with the latest version
    assertThat(afterOther).isGreaterThan(base);
    assertThat(mine.getStatusCode()).as(String.valueOf(mine.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(theirs.getBody().path("latestVersion").asInt()).isEqualTo(mine.getBody().path("version").asInt());
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("lead-nurture")
        .latestVersion().singleResult().getVersionTag()).isEqualTo(tag);
  }

  @Test
  void anExpressionThatCallsABeanIsRefusedAndNothingIsDeployed() {
    String latest = raw("paul", "/api/models/bpmn/lead-lifecycle").getBody();
    String grant = "identityService.createMembership('paul','camunda-admin')";
    String throughPolicy = latest.replace("${slaPolicy.winLossReviewDue(leadId)}",
        "${slaPolicy.winLossReviewDue(" + grant + ")}");
    String throughListener = latest.replace("<camunda:taskListener delegateExpression=\"${leadContextTaskListener}\"",
        "<camunda:taskListener expression=\"${" + grant + "}\" event=\"create\"/>"
            + "<camunda:taskListener delegateExpression=\"${leadContextTaskListener}\"");
    String typo = latest.replace("${slaPolicy.winLossReviewDue(leadId)}", "${slaPolicy.winLossReviewDu(leadId)}");
    long deployments = engine.getRepositoryService().createDeploymentQuery().count();

    for (String body : List.of(throughPolicy, throughListener)) {
      ResponseEntity<JsonNode> refused = deploy("paul", "bpmn", LeadLifecycle.KEY, "grant", body);
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
      assertThat(refused.getBody().path("problems").findValuesAsText("rule")).contains("expression");
      assertThat(refused.getBody().path("problems").findValuesAsText("elementId")).contains("Task_ReviewWinLoss");
    }
    ResponseEntity<JsonNode> misspelt = deploy("paul", "bpmn", LeadLifecycle.KEY, "typo", typo);
    assertThat(misspelt.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(misspelt.getBody().path("problems").findValuesAsText("rule")).containsExactly("reference");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).as("deployments").isEqualTo(deployments);
    assertThat(engine.getIdentityService().createUserQuery().userId("paul").memberOfGroup("camunda-admin").count())
        .isZero();
  }

  @Test
  void twoDeploysOfDifferentModelsAtOnceBothEndUpInTheNewestModelSet() throws Exception {
    Map<String, String> tags = Map.of("lead-nurture", "1.0.0-parallel-" + unique(),
        "sdr-qualification", "1.0.0-parallel-" + unique());
    Map<String, String> edits = new HashMap<>();
    tags.forEach((key, tag) -> edits.put(key, raw("paul", "/api/models/bpmn/" + key).getBody()
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + tag + "\"")));
    ExecutorService owners = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<ResponseEntity<JsonNode>>> deploys = new ArrayList<>();
      edits.forEach((key, body) -> deploys.add(owners.submit(() -> {
        start.await();
        return deploy("paul", "bpmn", key, "at the same time", body);
      })));
      start.countDown();
      for (Future<ResponseEntity<JsonNode>> deploy : deploys) {
        ResponseEntity<JsonNode> response = deploy.get(120, TimeUnit.SECONDS);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
      }
    } finally {
      owners.shutdownNow();
    }

    tags.forEach((key, tag) -> assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult().getVersionTag()).as(key).isEqualTo(tag));
  }

  @Test
  void aDeployGivesEveryProcessANewVersionAndTheLeadWaitingOnTheOldOneIsMigratedAndContinues() {
    // given a lead waiting for its SDR on the current version
    String waiting = capture(inquiry());
    assertThat(task(waiting, SdrQualification.Tasks.QUALIFY_LEAD)).as("SDR task of %s", waiting).isNotNull();
    ProcessInstance old = lifecycle(waiting);
    int oldVersion = definition(old.getProcessDefinitionId()).getVersion();
    Map<String, Integer> before = latestVersions();
    String edited = raw("paul", "/api/models/bpmn/lead-lifecycle").getBody()
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"1.0.0-it-" + unique() + "\"");

    // when paul deploys the lifecycle with a new version tag
    ResponseEntity<JsonNode> deployed = deploy("paul", "bpmn", LeadLifecycle.KEY, "tag for the spring campaign", edited);

    // then every process of the set has a new version, audited
    assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode body = deployed.getBody();
    int newVersion = body.path("version").asInt();
    String deploymentId = body.path("deploymentId").asText();
    assertThat(newVersion).isEqualTo(before.get(LeadLifecycle.KEY) + 1);
    assertThat(body.path("deployedBy").asText()).isEqualTo("paul");
    assertThat(body.path("changeNote").asText()).isEqualTo("tag for the spring campaign");
    Map<String, Integer> also = new HashMap<>();
    body.path("alsoDeployed").forEach(process -> also.put(process.path("key").asText(), process.path("version").asInt()));
    assertThat(also).containsEntry(SdrQualification.KEY, before.get(SdrQualification.KEY) + 1)
        .containsEntry(SalesFollowUp.KEY, before.get(SalesFollowUp.KEY) + 1).doesNotContainKey(LeadLifecycle.KEY);
    assertThat(jdbc.queryForMap("select changed_by, change_note, changed_at, action, to_version from lead_model_change "
        + "where deployment_id = ?", deploymentId)).containsEntry("CHANGED_BY", "paul")
        .containsEntry("CHANGE_NOTE", "tag for the spring campaign").containsEntry("ACTION", "DEPLOY")
        .containsEntry("TO_VERSION", newVersion).extractingByKey("CHANGED_AT").isNotNull();
    JsonNode listed = model(get("paul", "/api/models").getBody(), "bpmn", SdrQualification.KEY).path("latest");
    assertThat(listed.path("deploymentId").asText()).isEqualTo(deploymentId);
    assertThat(listed.path("deployedBy").asText()).isEqualTo("paul");
    assertThat(listed.path("deploymentName").asText()).isEqualTo("models");
    JsonNode audit = get("paul", "/api/models/audit?key=lead-lifecycle").getBody();
    assertThat(audit.findValuesAsText("deploymentId")).contains(deploymentId);

    // and a new lead starts on the new version, its sub-process from the same deployment
    String fresh = capture(inquiry());
    assertThat(lifecycle(fresh).getProcessDefinitionId()).isEqualTo(body.path("definitionId").asText());
    assertThat(definition(task(fresh, SdrQualification.Tasks.QUALIFY_LEAD).getProcessDefinitionId()).getDeploymentId())
        .isEqualTo(deploymentId);

    // when paul looks at the old version's instances and migrates the waiting lead
    JsonNode instances = get("paul", "/api/models/bpmn/lead-lifecycle/instances").getBody();
    assertThat(instances.path("latestVersion").asInt()).isEqualTo(newVersion);
    JsonNode oldOne = versionOf(instances, oldVersion);
    assertThat(oldOne.path("activities").findValuesAsText("activityId")).contains("CallActivity_QualifyWithSdr");
    JsonNode plan = post("paul", "/api/models/bpmn/lead-lifecycle/migration-plans",
        Map.of("sourceVersion", oldVersion)).getBody();
    assertThat(plan.path("targetVersion").asInt()).isEqualTo(newVersion);
    assertThat(plan.path("unmapped")).isEmpty();
    List<Map<String, Object>> instructions = new ArrayList<>();
    plan.path("instructions").forEach(instruction -> instructions.add(Map.of(
        "sourceActivityId", instruction.path("sourceActivityId").asText(),
        "targetActivityId", instruction.path("targetActivityId").asText(),
        "updateEventTrigger", instruction.path("updateEventTrigger").asBoolean())));
    assertThat(instructions).extracting(instruction -> instruction.get("sourceActivityId"))
        .contains("CallActivity_QualifyWithSdr");
    Map<String, Object> request = new HashMap<>(Map.of("sourceVersion", oldVersion, "targetVersion", newVersion,
        "instructions", instructions, "processInstanceIds", List.of(old.getId())));
    JsonNode dryRun = post("paul", "/api/models/bpmn/lead-lifecycle/migrations/validation", request).getBody();
    assertThat(dryRun.path("valid").asBoolean()).as(dryRun.toString()).isTrue();
    assertThat(dryRun.path("instances").asInt()).isEqualTo(1);
    assertThat(lifecycle(waiting).getProcessDefinitionId()).as("the dry run migrated nothing")
        .isEqualTo(old.getProcessDefinitionId());
    assertThat(post("paul", "/api/models/bpmn/lead-lifecycle/migrations", request).getStatusCode())
        .as("no note").isEqualTo(HttpStatus.BAD_REQUEST);
    request.put("note", "move the waiting lead to the tagged version");
    ResponseEntity<JsonNode> started = post("paul", "/api/models/bpmn/lead-lifecycle/migrations", request);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    String batchId = started.getBody().path("batchId").asText();
    assertThat(get("paul", "/api/models/migrations/" + batchId).getBody().path("done").asBoolean()).isFalse();
    runBatch(batchId);

    // then the lead is on the new version, the migration audited as completed, and it goes on to sales
    assertThat(lifecycle(waiting).getProcessDefinitionId()).isEqualTo(body.path("definitionId").asText());
    JsonNode progress = get("paul", "/api/models/migrations/" + batchId).getBody();
    assertThat(progress.path("done").asBoolean()).isTrue();
    assertThat(progress.path("result").asText()).isEqualTo("COMPLETED");
    assertThat(progress.path("total").asInt()).isEqualTo(1);
    assertThat(jdbc.queryForMap("select action, changed_by, from_version, to_version, instances, result "
        + "from lead_model_change where batch_id = ?", batchId)).containsEntry("ACTION", "MIGRATE")
        .containsEntry("CHANGED_BY", "paul").containsEntry("FROM_VERSION", oldVersion)
        .containsEntry("TO_VERSION", newVersion).containsEntry("INSTANCES", 1).containsEntry("RESULT", "COMPLETED");
    completeOk("sam", task(waiting, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "REACHED",
        "realNeed", true, "authority", "DECISION_MAKER", "timing", "THIS_QUARTER", "objection", "NONE",
        "qualification", "SALES_READY"));
    runAsyncJobs(waiting);
    org.camunda.bpm.engine.task.Task accept = task(waiting, SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(accept).as("accept task of the migrated lead").isNotNull();
    assertThat(definition(accept.getProcessDefinitionId()).getDeploymentId())
        .as("sales follow-up called from the new deployment").isEqualTo(deploymentId);
  }

  @Test
  void anActivityTheNewVersionRenamedIsUnmappedRefusedByTheDryRunAndMappedByHand() {
    String key = "modeler-it-" + unique();
    ResponseEntity<JsonNode> first = deploy("paul", "bpmn", key, "a review process of this test", review(key,
        "Task_ReviewRequest", "Review request"));
    assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(first.getBody().path("version").asInt()).isEqualTo(1);
    ProcessInstance instance = runtime.startProcessInstanceByKey(key, "review-" + unique());
    ResponseEntity<JsonNode> second = deploy("paul", "bpmn", key, "the review is a check now", review(key,
        "Task_CheckRequest", "Check request"));
    assertThat(second.getStatusCode()).as(String.valueOf(second.getBody())).isEqualTo(HttpStatus.CREATED);

    JsonNode plan = post("paul", "/api/models/bpmn/" + key + "/migration-plans", Map.of("sourceVersion", 1)).getBody();
    assertThat(plan.path("targetVersion").asInt()).isEqualTo(2);
    assertThat(plan.path("unmapped")).singleElement().satisfies(unmapped -> {
      assertThat(unmapped.path("activityId").asText()).isEqualTo("Task_ReviewRequest");
      assertThat(unmapped.path("activityName").asText()).isEqualTo("Review request");
      assertThat(unmapped.path("instances").asInt()).isEqualTo(1);
    });
    assertThat(plan.path("targetActivities").findValuesAsText("activityId")).contains("Task_CheckRequest");
    JsonNode generated = post("paul", "/api/models/bpmn/" + key + "/migrations/validation", Map.of("sourceVersion", 1,
        "instructions", List.of())).getBody();
    assertThat(generated.path("valid").asBoolean()).isFalse();
    assertThat(generated.path("instanceErrors")).isNotEmpty();
    assertThat(generated.path("instanceErrors").get(0).path("processInstanceId").asText()).isEqualTo(instance.getId());
    assertThat(generated.path("instanceErrors").findValuesAsText("activityId")).contains("Task_ReviewRequest");
    ResponseEntity<JsonNode> refused = post("paul", "/api/models/bpmn/" + key + "/migrations", Map.of("sourceVersion", 1,
        "instructions", List.of(), "note", "try"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getBody().path("instanceErrors")).isNotEmpty();

    Map<String, Object> mapped = Map.of("sourceVersion", 1, "note", "the review became a check",
        "instructions", List.of(Map.of("sourceActivityId", "Task_ReviewRequest", "targetActivityId", "Task_CheckRequest")));
    JsonNode fixed = post("paul", "/api/models/bpmn/" + key + "/migrations/validation", mapped).getBody();
    assertThat(fixed.path("valid").asBoolean()).as(fixed.toString()).isTrue();
    ResponseEntity<JsonNode> started = post("paul", "/api/models/bpmn/" + key + "/migrations", mapped);
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    runBatch(started.getBody().path("batchId").asText());
    org.camunda.bpm.engine.task.Task check = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(check.getTaskDefinitionKey()).isEqualTo("Task_CheckRequest");
    assertThat(check.getProcessDefinitionId()).isEqualTo(second.getBody().path("definitionId").asText());
    tasks.complete(check.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void anEmptyListOfInstancesIsRefusedInsteadOfMigratingEveryInstance() {
    String key = "modeler-it-" + unique();
    ProcessInstance waiting = waitingReview(key);
    String v1 = waiting.getProcessDefinitionId();
    Map<String, Object> none = Map.of("sourceVersion", 1, "instructions", List.of(), "processInstanceIds", List.of(),
        "note", "nobody");
    long batches = management.createBatchQuery().count();

    for (String path : List.of("/migrations/validation", "/migrations")) {
      ResponseEntity<JsonNode> refused = post("paul", "/api/models/bpmn/" + key + path, none);
      assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("processInstanceIds");
    }
    assertThat(management.createBatchQuery().count()).as("no batch started").isEqualTo(batches);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(v1);
  }

  @Test
  void theProgressOfABatchTheModelerDidNotStartIsNotFound() {
    String key = "modeler-it-" + unique();
    ProcessInstance instance = waitingReview(key);
    org.camunda.bpm.engine.batch.Batch deletion = runtime.deleteProcessInstancesAsync(List.of(instance.getId()),
        "a batch that is not a migration");
    try {
      ResponseEntity<JsonNode> progress = get("paul", "/api/models/migrations/" + deletion.getId());

      assertThat(progress.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(progress.getBody().path("detail").asText()).contains(deletion.getId());
      assertThat(get("paul", "/api/models/migrations/no-such-batch").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    } finally {
      management.deleteBatch(deletion.getId(), true);
    }
  }

  @Test
  void theFirstVersionOfADecisionInTheAuditComesFromNoVersion() {
    String key = "decision-it-" + unique();
    jdbc.update("insert into lead_rule_deployment (decision_key, version, definition_id, deployment_id, deployed_by, "
        + "deployed_at, change_note) values (?, 1, ?, ?, 'paul', current_timestamp, 'first')", key, key + ":1", key);
    try {
      JsonNode audit = get("paul", "/api/models/audit?key=" + key).getBody();

      assertThat(audit).singleElement().satisfies(entry -> {
        assertThat(entry.path("toVersion").asInt()).isEqualTo(1);
        assertThat(entry.path("fromVersion").isNull()).as(entry.toString()).isTrue();
      });
    } finally {
      jdbc.update("delete from lead_rule_deployment where decision_key = ?", key);
    }
  }

  @Test
  void aKeyThatIsTooLongOrNotLowerCaseKebabIsA400NamingKey() {
    String tooLong = "a".repeat(101);
    for (String key : List.of(tooLong, "Review_Process", "-review")) {
      ResponseEntity<JsonNode> deployed = deploy("paul", "bpmn", key, "odd key", review(key, "Task_Review", "Review"));
      ResponseEntity<JsonNode> read = get("paul", "/api/models/bpmn/" + key);
      ResponseEntity<JsonNode> kept = post("paul", "/api/models/bpmn/" + key + "/keep-old-versions",
          Map.of("sourceVersion", 1, "note", "odd key"));

      for (ResponseEntity<JsonNode> response : List.of(deployed, read, kept)) {
        assertThat(response.getStatusCode()).as(key).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").get(0).path("field").asText()).isEqualTo("key");
      }
    }
    String longest = "a" + unique() + "-".repeat(91);
    assertThat(longest).hasSize(100);
    ResponseEntity<JsonNode> longestDeployed = deploy("paul", "bpmn", longest, "the longest key",
        review(longest, "Task_Review", "Review"));
    assertThat(longestDeployed.getStatusCode()).as(String.valueOf(longestDeployed.getBody()))
        .isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void aMigrationNobodyPolledShowsItsResultInTheAudit() {
    String key = "modeler-it-" + unique();
    ProcessInstance instance = waitingReview(key);
    ResponseEntity<JsonNode> started = post("paul", "/api/models/bpmn/" + key + "/migrations", Map.of(
        "sourceVersion", 1, "instructions", List.of(Map.of("sourceActivityId", "Task_ReviewRequest",
            "targetActivityId", "Task_ReviewRequest")), "note", "nobody watches this one"));
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.ACCEPTED);
    String batchId = started.getBody().path("batchId").asText();

    runBatch(batchId);

    JsonNode audit = get("paul", "/api/models/audit?key=" + key).getBody();
    JsonNode migration = null;
    for (JsonNode entry : audit) {
      if (batchId.equals(entry.path("batchId").asText())) {
        migration = entry;
      }
    }
    assertThat(migration).as(audit.toString()).isNotNull();
    assertThat(migration.path("action").asText()).isEqualTo("MIGRATE");
    assertThat(migration.path("result").asText()).isEqualTo("COMPLETED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getProcessDefinitionId()).isNotEqualTo(instance.getProcessDefinitionId());
  }

  @Test
  void aFormChangeIsValidatedAndDeployedWithTheModelSet() {
    ResponseEntity<String> current = raw("paul", "/api/models/form/sdr-qualify-lead");
    int version = Integer.parseInt(current.getHeaders().getFirst("X-Model-Version"));
    String relabelled = current.getBody().replaceFirst("\"label\": \"Summary\"", "\"label\": \"Summary " + unique()
        + "\"");
    String undeclared = current.getBody().replaceFirst("\"key\": \"leadSummary\"", "\"key\": \"leadMood\"");

    JsonNode invalid = validate("paul", "form", "sdr-qualify-lead", undeclared);
    ResponseEntity<JsonNode> deployed = deploy("paul", "form", "sdr-qualify-lead", "clearer summary label", relabelled);

    assertThat(errors(invalid)).extracting(problem -> problem.path("elementId").asText() + " " + problem.path("rule")
        .asText()).containsExactly("Field_leadSummary form-key-variable");
    assertThat(relabelled).isNotEqualTo(current.getBody());
    assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(deployed.getBody().path("version").asInt()).isEqualTo(version + 1);
    assertThat(deployed.getBody().path("alsoDeployed").findValuesAsText("key")).contains(LeadLifecycle.KEY,
        SdrQualification.KEY);
    ResponseEntity<String> read = raw("paul", "/api/models/form/sdr-qualify-lead");
    assertThat(read.getBody()).isEqualTo(relabelled);
    assertThat(read.getHeaders().getFirst("X-Model-Version")).isEqualTo(String.valueOf(version + 1));
  }

  @Test
  void lettingAVersionsInstancesFinishOnItIsAudited() {
    ResponseEntity<JsonNode> withoutNote = post("paul", "/api/models/bpmn/lead-lifecycle/keep-old-versions",
        Map.of("sourceVersion", 1));
    ResponseEntity<JsonNode> kept = post("paul", "/api/models/bpmn/lead-lifecycle/keep-old-versions",
        Map.of("sourceVersion", 1, "note", "let the first leads finish as they started"));

    assertThat(withoutNote.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(withoutNote.getBody().path("errors").get(0).path("field").asText()).isEqualTo("note");
    assertThat(kept.getStatusCode()).as(String.valueOf(kept.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(kept.getBody().path("action").asText()).isEqualTo("KEEP_OLD_VERSION");
    assertThat(kept.getBody().path("user").asText()).isEqualTo("paul");
    assertThat(kept.getBody().path("fromVersion").asInt()).isEqualTo(1);
    assertThat(kept.getBody().path("at").asText()).isNotBlank();
    JsonNode audit = get("paul", "/api/models/audit?key=lead-lifecycle&limit=500").getBody();
    assertThat(audit.findValuesAsText("id")).contains(kept.getBody().path("id").asText());
  }

  @Test
  void aDecisionTableDeployedThroughTheModelerIsAuditedInBothAudits() {
    String current = raw("paul", "/api/models/dmn/engagement-points").getBody();
    int version = Integer.parseInt(raw("paul", "/api/models/dmn/engagement-points").getHeaders().getFirst("X-Model-Version"));
    String commented = current.replaceFirst("(<definitions[^>]*>)", "$1<!-- ModelerApiIT " + unique() + " -->");

    ResponseEntity<JsonNode> deployed = deploy("paul", "dmn", "engagement-points", "a comment, same rules", commented);

    assertThat(deployed.getStatusCode()).as(String.valueOf(deployed.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(deployed.getBody().path("version").asInt()).isEqualTo(version + 1);
    String deploymentId = deployed.getBody().path("deploymentId").asText();
    assertThat(jdbc.queryForObject("select count(*) from lead_model_change where deployment_id = ? and model_type = 'dmn' "
        + "and changed_by = 'paul'", Integer.class, deploymentId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from lead_rule_deployment where deployment_id = ?", Integer.class,
        deploymentId)).isEqualTo(1);
    JsonNode audit = get("paul", "/api/models/audit?key=engagement-points").getBody();
    assertThat(audit.get(0).path("deploymentId").asText()).isEqualTo(deploymentId);
    assertThat(audit.get(0).path("note").asText()).isEqualTo("a comment, same rules");
    assertThat(audit.findValuesAsText("deploymentId").stream().filter(deploymentId::equals)).hasSize(1);
    JsonNode latest = model(get("paul", "/api/models").getBody(), "dmn", "engagement-points").path("latest");
    assertThat(latest.path("version").asInt()).isEqualTo(version + 1);
    assertThat(latest.path("deployedBy").asText()).isEqualTo("paul");
  }

  @Test
  void afterAnAutoDeploymentOfChangedFilesTheModelersEditsOfUnchangedFilesAreDeployedAgain() throws IOException {
    // given modeler edits of lead-nurture and lead-lifecycle
    String nurtureTag = "1.0.0-restore-" + unique();
    String nurture = raw("paul", "/api/models/bpmn/lead-nurture").getBody()
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + nurtureTag + "\"");
    assertThat(deploy("paul", "bpmn", "lead-nurture", "nurture tag", nurture).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String lifecycle = raw("paul", "/api/models/bpmn/lead-lifecycle").getBody()
        .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"1.0.0-restore-" + unique() + "\"");
    assertThat(deploy("paul", "bpmn", LeadLifecycle.KEY, "lifecycle tag", lifecycle).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    // when a restart auto-deploys the files because lead-lifecycle.bpmn changed (as the starter does)
    RepositoryService repository = engine.getRepositoryService();
    Deployment files = repository.createDeploymentQuery().deploymentName(RulesService.AUTO_DEPLOYMENT)
        .orderByDeploymentTime().asc().list().get(0);
    String changedFile = shipped("processes/lead-lifecycle.bpmn").replace("<bpmn:process ",
        "<!-- edited file " + unique() + " -->\n  <bpmn:process ");
    DeploymentBuilder auto = repository.createDeployment().name(RulesService.AUTO_DEPLOYMENT);
    for (Resource resource : repository.getDeploymentResources(files.getId())) {
      if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".form")) {
        auto.addString(resource.getName(), resource.getName().endsWith("lead-lifecycle.bpmn") ? changedFile
            : new String(resource.getBytes(), StandardCharsets.UTF_8));
      }
    }
    auto.deploy();
    Optional<Deployment> restored = models.restoreModelerEditsAfterAutoDeployment();

    // then the nurture edit is deployed again, the changed lifecycle file wins, audited as leadflow
    assertThat(restored).isPresent();
    String restoredId = restored.get().getId();
    assertThat(processXml(restoredId, "lead-nurture")).contains(nurtureTag);
    assertThat(processXml(restoredId, LeadLifecycle.KEY)).isEqualTo(changedFile);
    assertThat(jdbc.queryForObject("select changed_by from lead_model_change where deployment_id = ?", String.class,
        restoredId)).isEqualTo("leadflow");
    assertThat(models.restoreModelerEditsAfterAutoDeployment()).as("nothing left to restore").isEmpty();
  }

  @Test
  void anEditThatNoLongerPassesValidationIsNotRestoredAfterAnAutoDeploymentTheOthersAre() throws IOException {
    // given a modeler deployment whose lead-nurture edit no longer passes the checks (deployed before they were
    // stricter: here a message named against the conventions) and a good sdr-qualification edit
    RepositoryService repository = engine.getRepositoryService();
    String latestSet = repository.createProcessDefinitionQuery().processDefinitionKey(LeadLifecycle.KEY)
        .latestVersion().singleResult().getDeploymentId();
    String sdrTag = "1.0.0-restored-" + unique();
    String stale = "Msg_stale_" + unique();
    DeploymentBuilder edits = repository.createDeployment().name(ModelService.DEPLOYMENT_NAME)
        .source(ModelService.SOURCE);
    for (Resource resource : repository.getDeploymentResources(latestSet)) {
      String xml = new String(resource.getBytes(), StandardCharsets.UTF_8);
      if (resource.getName().endsWith("lead-nurture.bpmn")) {
        xml = xml.replace("<bpmn:process ", "<bpmn:message id=\"Message_Stale\" name=\"" + stale + "\"/>\n  <bpmn:process ");
      } else if (resource.getName().endsWith(SdrQualification.KEY + ".bpmn")) {
        xml = xml.replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"" + sdrTag + "\"");
      }
      edits.addString(resource.getName(), xml);
    }
    edits.deploy();
    // when a restart auto-deploys the shipped files again
    Deployment files = repository.createDeploymentQuery().deploymentName(RulesService.AUTO_DEPLOYMENT)
        .orderByDeploymentTime().desc().list().get(0);
    DeploymentBuilder auto = repository.createDeployment().name(RulesService.AUTO_DEPLOYMENT);
    for (Resource resource : repository.getDeploymentResources(files.getId())) {
      if (resource.getName().endsWith(".bpmn") || resource.getName().endsWith(".form")) {
        auto.addString(resource.getName(), new String(resource.getBytes(), StandardCharsets.UTF_8));
      }
    }
    String autoId = auto.deploy().getId();
    Optional<Deployment> restored = models.restoreModelerEditsAfterAutoDeployment();

    // then the good edit is deployed again; lead-nurture keeps its file's version
    assertThat(restored).isPresent();
    assertThat(processXml(restored.get().getId(), SdrQualification.KEY)).contains(sdrTag);
    assertThat(processXml(restored.get().getId(), "lead-nurture")).doesNotContain(stale)
        .isEqualTo(processXml(autoId, "lead-nurture"));
  }

  /** A review process of this test at v1 with one instance waiting in its task, and a v2 with the task renamed. */
  private ProcessInstance waitingReview(String key) {
    ResponseEntity<JsonNode> first = deploy("paul", "bpmn", key, "a review process of this test", review(key,
        "Task_ReviewRequest", "Review request"));
    assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
    ProcessInstance instance = runtime.startProcessInstanceByKey(key, "review-" + unique());
    ResponseEntity<JsonNode> second = deploy("paul", "bpmn", key, "the review is renamed", review(key,
        "Task_ReviewRequest", "Review the request"));
    assertThat(second.getStatusCode()).as(String.valueOf(second.getBody())).isEqualTo(HttpStatus.CREATED);
    return instance;
  }

  private String processXml(String deploymentId, String key) throws IOException {
    ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deploymentId).processDefinitionKey(key).singleResult();
    try (InputStream xml = engine.getRepositoryService().getProcessModel(definition.getId())) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ResponseEntity<JsonNode> deploy(String user, String type, String key, String note, String body) {
    return send(user, HttpMethod.POST, "/api/models/" + type + "/" + key + "/deployments"
        + (note.isEmpty() ? "" : "?note=" + note), body);
  }

  private ObjectNode inquiry() {
    ObjectNode submission = submission("INQUIRY", unique());
    submission.put("productInterest", "analytics platform");
    return submission;
  }

  private ProcessInstance lifecycle(String leadId) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId)
        .processDefinitionKey(LeadLifecycle.KEY).singleResult();
  }

  private ProcessDefinition definition(String id) {
    return engine.getRepositoryService().getProcessDefinition(id);
  }

  private Map<String, Integer> latestVersions() {
    Map<String, Integer> versions = new HashMap<>();
    engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
        .forEach(definition -> versions.put(definition.getKey(), definition.getVersion()));
    return versions;
  }

  private static JsonNode versionOf(JsonNode instances, int version) {
    for (JsonNode candidate : instances.path("versions")) {
      if (candidate.path("version").asInt() == version) {
        return candidate;
      }
    }
    throw new AssertionError("version " + version + " is not among " + instances);
  }

  /** A process of this test only, valid by the conventions: start, one user task, end. */
  private static String review(String key, String taskId, String taskName) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_Review" targetNamespace="https://leadflow.org/bpmn">
          <bpmn:process id="KEY" name="Review (ModelerApiIT)" isExecutable="true" camunda:historyTimeToLive="P1D"
              camunda:versionTag="1.0.0">
            <bpmn:startEvent id="StartEvent_ReviewRequested" name="Review requested">
              <bpmn:outgoing>Flow_RequestedToTask</bpmn:outgoing>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_RequestedToTask" sourceRef="StartEvent_ReviewRequested" targetRef="TASK"/>
            <bpmn:userTask id="TASK" name="NAME" camunda:candidateGroups="process-owner"
                camunda:formRef="sdr-qualify-lead" camunda:formRefBinding="deployment"
                camunda:dueDate="${nurturePolicy.maximumDuration()}">
              <bpmn:incoming>Flow_RequestedToTask</bpmn:incoming>
              <bpmn:outgoing>Flow_TaskToEnd</bpmn:outgoing>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="Flow_TaskToEnd" sourceRef="TASK" targetRef="EndEvent_Reviewed"/>
            <bpmn:endEvent id="EndEvent_Reviewed" name="Reviewed">
              <bpmn:incoming>Flow_TaskToEnd</bpmn:incoming>
            </bpmn:endEvent>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="BPMNDiagram_Review">
            <bpmndi:BPMNPlane id="BPMNPlane_Review" bpmnElement="KEY">
              <bpmndi:BPMNShape id="StartEvent_ReviewRequested_di" bpmnElement="StartEvent_ReviewRequested">
                <dc:Bounds x="100" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="TASK_di" bpmnElement="TASK">
                <dc:Bounds x="200" y="78" width="100" height="80"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNShape id="EndEvent_Reviewed_di" bpmnElement="EndEvent_Reviewed">
                <dc:Bounds x="360" y="100" width="36" height="36"/>
              </bpmndi:BPMNShape>
              <bpmndi:BPMNEdge id="Flow_RequestedToTask_di" bpmnElement="Flow_RequestedToTask">
                <di:waypoint x="136" y="118"/>
                <di:waypoint x="200" y="118"/>
              </bpmndi:BPMNEdge>
              <bpmndi:BPMNEdge id="Flow_TaskToEnd_di" bpmnElement="Flow_TaskToEnd">
                <di:waypoint x="300" y="118"/>
                <di:waypoint x="360" y="118"/>
              </bpmndi:BPMNEdge>
            </bpmndi:BPMNPlane>
          </bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.replace("KEY", key).replace("TASK", taskId).replace("NAME", taskName);
  }

  private JsonNode validate(String user, String type, String key, String body) {
    ResponseEntity<JsonNode> response = send(user, HttpMethod.POST, "/api/models/" + type + "/" + key + "/validation",
        body);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static List<JsonNode> errors(JsonNode validation) {
    List<JsonNode> errors = new ArrayList<>();
    validation.path("problems").forEach(problem -> {
      if ("error".equals(problem.path("severity").asText())) {
        errors.add(problem);
      }
    });
    return errors;
  }

  private static JsonNode model(JsonNode list, String type, String key) {
    for (JsonNode model : list) {
      if (model.path("type").asText().equals(type) && model.path("key").asText().equals(key)) {
        return model;
      }
    }
    throw new AssertionError(type + " " + key + " is not listed");
  }

  private ResponseEntity<String> raw(String user, String path) {
    return http.withBasicAuth(user, user).exchange(path, HttpMethod.GET, HttpEntity.EMPTY, String.class);
  }

  private ResponseEntity<JsonNode> send(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(body.startsWith("{") ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML);
    return http.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
  }

  private static String shipped(String resource) throws IOException {
    try (InputStream in = ModelerApiIT.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
