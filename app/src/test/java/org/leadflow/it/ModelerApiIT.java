package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadflow.process.LeadLifecycle;
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
 * every other test's leads behave the same on the new versions.
 */
class ModelerApiIT extends IntegrationTestBase {

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
  void validationNamesTheElementsThatBreakTheConventionsAndAcceptsTheDeployedModel() throws IOException {
    String lifecycle = shipped("processes/lead-lifecycle.bpmn");
    String withoutGroup = lifecycle.replace("camunda:candidateGroups=\"marketing\"", "");
    String nurture = shipped("processes/lead-nurture.bpmn");
    String literalTimer = nurture.replace("${nurturePolicy.rescoreInterval()}", "PT1H");

    JsonNode accepted = validate("paul", "bpmn", LeadLifecycle.KEY, raw("paul", "/api/models/bpmn/lead-lifecycle")
        .getBody());
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
