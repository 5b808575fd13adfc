package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leadflow.it.HostilePayloads.Kind;
import org.leadflow.it.HostilePayloads.Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Thousands of seeded hostile submissions ({@link HostilePayloads}) against both doors leads come in by:
 * no 5xx, every rejection explained (problem details naming the field, or a dead letter with its reason),
 * every valid lead stored, nothing lost: each record is a lead or a dead letter, never neither, never both.
 * The seed is printed; set {@code -Dhostile.seed=...} to replay a run.
 */
class HostileInputIT extends IntegrationTestBase {

  private static final Logger log = LoggerFactory.getLogger(HostileInputIT.class);
  private static final long SEED = Long.getLong("hostile.seed", System.currentTimeMillis());
  private static final int REST_PAYLOADS = Integer.getInteger("hostile.rest", 2_000);
  private static final int KAFKA_RECORDS = Integer.getInteger("hostile.kafka", 500);

  @LocalServerPort int port;
  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

  @Test
  void restRejectsEveryHostileSubmissionWithItsReasonAndStoresEveryValidOne() throws Exception {
    log.info("HostileInputIT REST seed {} ({} payloads)", SEED, REST_PAYLOADS);
    List<Payload> payloads = new HostilePayloads(json, "r" + unique(), SEED).next(REST_PAYLOADS, true);
    BrowserSession client = new BrowserSession(port);
    Map<Integer, Integer> statuses = new TreeMap<>();
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    List<String> unexplained = new ArrayList<>();
    Set<String> accepted = new HashSet<>();
    List<String> closedOversized = new ArrayList<>();

    for (Payload payload : payloads) {
      HttpResponse<String> response;
      try {
        response = client.send("POST", "/api/leads", payload.body(),
            Map.of("Content-Type", payload.contentType(), "Accept", "application/json",
                "Authorization", BrowserSession.basic("mia")));
      } catch (IOException closed) {
        // a body over the ceiling may meet a closed connection instead of its 413 (the server stops reading it);
        // anything else must answer
        if (payload.kind() != Kind.OVERSIZED) {
          throw closed;
        }
        client = new BrowserSession(port);
        closedOversized.add(payload.externalId());
        continue;
      }
      int status = response.statusCode();
      statuses.merge(status, 1, Integer::sum);
      kinds.merge(payload.kind(), 1, Integer::sum);
      String problem = explanation(status, response.body());
      if (problem != null) {
        unexplained.add("#" + payload.index() + " " + payload.kind() + " -> " + status + ": " + problem
            + " (body " + abbreviate(payload.body()) + ")");
      }
      if (status == 201 || status == 200) {
        accepted.add(json.readTree(response.body()).path("lead").path("id").asText());
      }
      if (payload.kind() == Kind.VALID && status != 201) {
        unexplained.add("#" + payload.index() + " valid submission answered " + status + ": " + response.body());
      }
    }

    log.info("HostileInputIT REST statuses {} kinds {}", statuses, kinds);
    assertThat(unexplained).as("seed %d: answers that are not a clear 4xx (or a stored lead)", SEED).isEmpty();
    assertThat(statuses.keySet()).as("seed %d", SEED).allMatch(status -> status < 500);
    long stored = accepted.isEmpty() ? 0 : jdbc.queryForObject("select count(*) from lead where id in ("
        + String.join(",", accepted.stream().map(id -> "'" + id.replace("'", "") + "'").toList()) + ")", Long.class);
    assertThat(stored).as("every accepted submission is a stored lead").isEqualTo(accepted.size());
    assertThat(kinds.getOrDefault(Kind.VALID, 0)).as("valid control submissions in the run").isPositive();
    for (String externalId : closedOversized) {
      assertThat(jdbc.queryForObject("select count(*) from lead_submission where source = ? and external_id = ?",
          Long.class, HostilePayloads.SOURCE, externalId)).as("an oversized body refused on a closed connection").isZero();
    }
  }

  @Test
  void kafkaDeadLettersEveryHostileRecordWithItsReasonAndLosesNone() {
    log.info("HostileInputIT Kafka seed {} ({} records)", SEED, KAFKA_RECORDS);
    String run = "k" + unique();
    List<Payload> payloads = new HostilePayloads(json, run, SEED + 1).next(KAFKA_RECORDS, false);
    try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
      payloads.forEach(payload -> kafka.sendAsync("leads.captured", payload.key(), payload.body()));
      kafka.flush();

      Set<String> keys = new HashSet<>(payloads.stream().map(Payload::key).toList());
      List<String> validKeys = payloads.stream().filter(p -> p.kind() == Kind.VALID).map(Payload::key).toList();
      Set<String> leads = new HashSet<>();
      List<ConsumerRecord<String, String>> dead = new ArrayList<>();
      await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
        leads.clear();
        leads.addAll(jdbc.queryForList("select concat(source, ':', external_id) from lead_submission "
            + "where source = ? and external_id like ?", String.class, HostilePayloads.SOURCE, "h-" + run + "-%"));
        dead.clear();
        dead.addAll(kafka.readAll("leads.captured.DLT", record -> keys.contains(record.key())));
        return leads.size() + dead.size() >= keys.size();
      });

      Set<String> deadKeys = new HashSet<>(dead.stream().map(ConsumerRecord::key).toList());
      Set<String> both = new HashSet<>(leads);
      both.retainAll(deadKeys);
      Set<String> neither = new HashSet<>(keys);
      neither.removeAll(leads);
      neither.removeAll(deadKeys);
      log.info("HostileInputIT Kafka: {} records, {} leads ({} valid controls), {} dead letters", keys.size(),
          leads.size(), validKeys.size(), dead.size());
      assertThat(neither).as("seed %d: records that became neither a lead nor a dead letter", SEED + 1).isEmpty();
      assertThat(both).as("records that became a lead and a dead letter").isEmpty();
      assertThat(dead).as("dead letters, each once").hasSize(deadKeys.size());
      assertThat(leads).as("every valid record is a lead").containsAll(validKeys);
      assertThat(dead).as("every dead letter says why").allSatisfy(record ->
          assertThat(KafkaTestClient.header(record, "leadflow-error-reason")).isNotBlank());
    }
  }

  /** Null when the answer is a stored lead or a clear 4xx problem; else what is wrong with it. */
  private String explanation(int status, String body) {
    if (status == 201 || status == 200) {
      return null;
    }
    if (status >= 500) {
      return "server error " + abbreviate(body);
    }
    if (status != 400 && status != 413 && status != 415) {
      return "unexpected status";
    }
    JsonNode problem;
    try {
      problem = json.readTree(body);
    } catch (Exception e) {
      return "not problem details: " + abbreviate(body);
    }
    if (problem.path("title").asText().isBlank() || problem.path("detail").asText().isBlank()) {
      return "a problem without title or detail: " + abbreviate(body);
    }
    if (status == 400) {
      JsonNode errors = problem.path("errors");
      if (!errors.isArray() || errors.isEmpty()) {
        return "a 400 naming no field: " + abbreviate(body);
      }
      for (JsonNode error : errors) {
        if (error.path("field").asText().isBlank() || error.path("message").asText().isBlank()) {
          return "an error without field or message: " + abbreviate(body);
        }
      }
    }
    return null;
  }

  private static String abbreviate(String text) {
    return text == null ? "null" : text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " chars)";
  }
}
