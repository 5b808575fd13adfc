package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.leadflow.ops.WorkBacklog;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.process.SdrQualification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What operations read off a running node: the health of its database, broker and engine, and the
 * Prometheus metrics of intake, dead letters, SLA tiers and open work, behind the monitoring group.
 */
class OperationsIT extends IntegrationTestBase {

  @Autowired WorkBacklog backlog;
  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

  @Test
  void anonymousHealthSaysUpWithoutDetailsAndAnAdminSeesDatabaseBrokerAndEngine() {
    ResponseEntity<JsonNode> anonymous = get(null, "/actuator/health");
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(anonymous.getBody().path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.getBody().has("components")).as("details for anonymous callers").isFalse();
    assertThat(get(null, "/actuator/health/readiness").getBody().path("status").asText()).isEqualTo("UP");

    JsonNode components = get("demo", "/actuator/health").getBody().path("components");
    // (jobExecutor too where the job executor runs; the tests run jobs themselves)
    for (String component : new String[] {"db", "kafka", "processEngine"}) {
      assertThat(components.path(component).path("status").asText()).as(component).isEqualTo("UP");
    }
    assertThat(components.path("kafka").path("details").path("brokers").asInt()).isEqualTo(1);
  }

  @Test
  void prometheusNeedsTheMonitoringGroupOrAnAdmin() {
    ResponseEntity<JsonNode> anonymous = get(null, "/actuator/prometheus");
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getBody().path("detail").asText()).contains("monitoring");
    assertThat(get("sam", "/actuator/prometheus").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(scrape()).contains("leadflow_tasks_open{application=\"leadflow\",group=\"sdr\"}");
  }

  @Test
  void capturesDuplicatesAndDeadLettersAreCounted() {
    // given
    double created = counter("leadflow_leads_captured_total", "outcome", "CREATED");
    double duplicates = counter("leadflow_leads_captured_total", "outcome", "ALREADY_CAPTURED");
    double deadLetters = counter("leadflow_kafka_dead_letters_total", "topic", "leads.captured");
    ObjectNode submission = submission("INQUIRY", unique());

    // when a lead comes in, then again (a re-send), and a record that is not JSON comes through Kafka
    capture(submission);
    assertThat(post("mia", "/api/leads", submission).getStatusCode()).isEqualTo(HttpStatus.OK);
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
      kafka.send("leads.captured", "web-form:ops-" + unique(), "{ not json");
    }

    // then
    assertThat(counter("leadflow_leads_captured_total", "outcome", "CREATED")).isEqualTo(created + 1);
    assertThat(counter("leadflow_leads_captured_total", "outcome", "ALREADY_CAPTURED")).isEqualTo(duplicates + 1);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
        assertThat(counter("leadflow_kafka_dead_letters_total", "topic", "leads.captured")).isEqualTo(deadLetters + 1));
  }

  @Test
  void slaTiersAreCountedOncePerTierAndOpenWorkIsAGaugeOfTheEngine() {
    // given a lead handed to a rep
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    completeOk("sam", task(leadId, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "REACHED",
        "realNeed", true, "qualification", "SALES_READY"));
    runAsyncJobs(leadId);
    double breaches = counter("leadflow_sla_tiers_total", "tier", "BREACH");

    // when its accept SLA lapses
    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_REMINDER_DUE);
    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_SLA_DUE);

    // then one breach more; and the gauges show what the engine holds now
    assertThat(counter("leadflow_sla_tiers_total", "tier", "BREACH")).isEqualTo(breaches + 1);
    backlog.refresh();
    long openSdrTasks = jdbc.queryForObject("select count(distinct t.ID_) from ACT_RU_TASK t join ACT_RU_IDENTITYLINK l "
        + "on l.TASK_ID_ = t.ID_ where l.TYPE_ = 'candidate' and l.GROUP_ID_ = 'sdr'", Long.class);
    assertThat(gauge("leadflow_tasks_open", "group", "sdr")).isEqualTo(openSdrTasks);
    long incidents = jdbc.queryForObject("select count(*) from ACT_RU_INCIDENT", Long.class);
    assertThat(gauge("leadflow_incidents_open", null, null)).isEqualTo(incidents);
  }

  private String scrape() {
    ResponseEntity<String> response = http.withBasicAuth("demo", "demo")
        .exchange("/actuator/prometheus", HttpMethod.GET, HttpEntity.EMPTY, String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /** The sum of a counter's series with this tag value (0 before its first increment). */
  private double counter(String name, String tag, String value) {
    return sum(name, tag, value);
  }

  private long gauge(String name, String tag, String value) {
    return Math.round(sum(name, tag, value));
  }

  private double sum(String name, String tag, String value) {
    Pattern series = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$", Pattern.MULTILINE);
    Matcher matcher = series.matcher(scrape());
    double total = 0;
    while (matcher.find()) {
      if (tag == null || matcher.group(1).contains(tag + "=\"" + value + "\"")) {
        total += Double.parseDouble(matcher.group(2));
      }
    }
    return total;
  }
}
