package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.leadflow.calendar.BusinessTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application as users meet it: real HTTP on a random port, the real engine, H2 by default or
 * MySQL/MariaDB with {@code -Pmysql}. Demo people (password = user id) stand in for real users.
 * Every test makes its own leads (unique external ids and emails) so the tests share one database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)   // metrics exported as in production (/actuator/prometheus)
@Import(ItClock.class)
@ActiveProfiles({"demo", "test"})   // test last: its settings (no in-process broker, in-memory H2) win
@EmbeddedKafka(kraft = true, partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
abstract class IntegrationTestBase {

  @Autowired protected TestRestTemplate http;
  @Autowired protected ObjectMapper json;
  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtime;
  @Autowired protected TaskService tasks;
  @Autowired protected ManagementService management;
  @Autowired protected HistoryService history;
  @Autowired protected JdbcTemplate jdbc;
  /** The teams' business calendars the SLA timers count in: expected due dates are computed with it. */
  @Autowired protected BusinessTime businessTime;

  @BeforeEach
  void bindAssertionsToTheSpringEngine() {
    BpmnAwareTests.init(engine);
  }

  protected static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** Seven digits no other test uses: a shared phone would attach one test's lead to another's. */
  protected static String uniqueDigits() {
    return String.valueOf(1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9_000_000));
  }

  /** A valid submission; tweak fields with {@code put}. */
  protected ObjectNode submission(String intent, String tag) {
    ObjectNode lead = json.createObjectNode();
    lead.put("source", "web-form");
    lead.put("externalId", "wf-" + tag);
    lead.put("intent", intent);
    lead.put("firstName", "Ada");
    lead.put("lastName", "Lovelace-" + tag);
    lead.put("email", "ada." + tag + "@acme-analytics.io");
    lead.put("company", "Acme Analytics");
    lead.put("title", "Head of Data");
    lead.put("companySize", 250);
    lead.put("country", "DE");
    lead.put("consent", true);
    return lead;
  }

  protected ResponseEntity<JsonNode> post(String user, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return client(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
  }

  protected ResponseEntity<JsonNode> get(String user, String path) {
    return client(user).exchange(path, HttpMethod.GET, HttpEntity.EMPTY, JsonNode.class);
  }

  private TestRestTemplate client(String user) {
    return user == null ? http : http.withBasicAuth(user, user);
  }

  /** Captures through the API as mia (marketing) and returns the lead id. */
  protected String capture(ObjectNode submission) {
    ResponseEntity<JsonNode> response = post("mia", "/api/leads", submission);
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    return response.getBody().path("lead").path("id").asText();
  }

  /** The single open task of this lead at {@code taskKey}. */
  protected Task task(String leadId, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(leadId).taskDefinitionKey(taskKey).singleResult();
  }

  protected List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(link -> link.getGroupId()).toList();
  }

  /** Completes a task through engine REST as {@code user} (Camunda authorizations apply). */
  protected ResponseEntity<String> complete(String user, Task task, Map<String, Object> variables) {
    ObjectNode body = json.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((name, value) -> {
      ObjectNode variable = vars.putObject(name);
      variable.putPOJO("value", value);
      variable.put("type", value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long"
          : value instanceof Integer ? "Integer" : "String");
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, user).exchange("/engine-rest/task/" + task.getId() + "/complete",
        HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  protected void completeOk(String user, Task task, Map<String, Object> variables) {
    assertThat(task).as("task to complete").isNotNull();
    ResponseEntity<String> response = complete(user, task, variables);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(204);
  }

  /** Executes the async continuations of this lead's instances (the job executor is off in tests). */
  protected void runAsyncJobs(String leadId) {
    List<Job> jobs;
    while (!(jobs = jobsOf(leadId, management.createJobQuery().messages().executable())).isEmpty()) {
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /** Fires the timer of {@code activityId} in this lead's instances. */
  protected Job fireTimer(String leadId, String activityId) {
    Job timer = jobsOf(leadId, management.createJobQuery().timers().activityId(activityId)).stream().findFirst()
        .orElseThrow(() -> new AssertionError("No timer at " + activityId + " for lead " + leadId));
    management.executeJob(timer.getId());
    return timer;
  }

  /**
   * Runs a batch to its end (seed job, its execution jobs, the monitor job that finishes it): the job
   * executor is off in tests.
   */
  protected void runBatch(String batchId) {
    org.camunda.bpm.engine.batch.Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    assertThat(batch).as("batch %s", batchId).isNotNull();
    List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId());
    for (int round = 0; round < 50 && management.createBatchQuery().batchId(batchId).count() > 0; round++) {
      for (String definition : definitions) {
        management.createJobQuery().jobDefinitionId(definition).list()
            .forEach(job -> management.executeJob(job.getId()));
      }
    }
    assertThat(management.createBatchQuery().batchId(batchId).count()).as("batch %s finished", batchId).isZero();
  }

  private List<Job> jobsOf(String leadId, org.camunda.bpm.engine.runtime.JobQuery query) {
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list().stream()
        .map(instance -> instance.getId()).toList();
    return query.list().stream().filter(job -> instances.contains(job.getProcessInstanceId())).toList();
  }

  protected List<String> stages(String leadId) {
    return jdbc.queryForList("select to_stage from lead_stage_history where lead_id = ? order by changed_at, id",
        String.class, leadId);
  }
}
