package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.process.LeadNurture;
import org.leadflow.process.SdrQualification;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code leads.engagement} end to end on the embedded broker: nurture woken to MQL, duplicates counted
 * once, anonymous events attached on capture, concurrent events of one lead on several partitions,
 * and bad records dead-lettered without stopping the partition.
 */
class EngagementIT extends IntegrationTestBase {

  private static final String TOPIC = "leads.engagement";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

  private KafkaProducer<String, String> producer;

  @BeforeEach
  void openProducer() {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(config);
  }

  @AfterEach
  void closeProducer() {
    producer.close();
  }

  @Test
  void nurturedLeadCrossesTheThresholdOnEngagementAndBecomesMqlWithAnSdrTask() throws Exception {
    // given an inquiry without a senior title: 15 fit + 30 engagement = 45, below 60, in nurture
    String leadId = nurturedLead(unique());

    // when it views the pricing page (+12 = 57) and clicks an email (+3 = 60)
    send(leadId, event("a-" + unique(), "PRICING_PAGE_VIEW").put("leadId", leadId));
    await().atMost(PATIENCE).until(() -> engagementScore(leadId) == 42);
    assertThat(stages(leadId)).containsExactly("CAPTURED", "NURTURING");
    assertThat(nurture(leadId)).isWaitingAt(LeadNurture.Gateways.WHAT_HAPPENS_NEXT);
    send(leadId, event("a-" + unique(), "EMAIL_CLICK").put("leadId", leadId).put("detail", "https://acme.io/m/7"));

    // then
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(stages(leadId)).containsExactly("CAPTURED", "NURTURING", "MQL"));
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD)).isNotNull();
    assertThat(engagementScore(leadId)).isEqualTo(45);
    JsonNode lead = get("mia", "/api/leads/" + leadId).getBody();
    assertThat(lead.path("lead").path("score").asInt()).isEqualTo(60);
    List<String> summaries = lead.path("timeline").findValuesAsText("summary");
    assertThat(summaries).anyMatch(s -> s.startsWith("ENGAGEMENT engagement-points:v") && s.contains("/Rule_EventPricingPageView 12: "))
        .anyMatch(s -> s.startsWith("ENGAGEMENT engagement-points:v") && s.contains("/Rule_EventEmailClick 3: "))
        .anyMatch(s -> s.startsWith("EMAIL_CLICK +3") && s.endsWith("https://acme.io/m/7"));
  }

  @Test
  void theSameEventIdTwiceCountsOnce() throws Exception {
    // given
    String leadId = nurturedLead(unique());
    String eventId = "b-" + unique();
    ObjectNode event = event(eventId, "CONTENT_DOWNLOAD").put("leadId", leadId);
    String marker = "b-" + unique();

    // when sent twice, then a different event after it on the same partition
    send(leadId, event);
    send(leadId, event);
    send(leadId, event(marker, "PAGE_VIEW").put("leadId", leadId));

    // then
    await().atMost(PATIENCE).until(() -> stored(marker));
    assertThat(jdbc.queryForObject("select count(*) from lead_engagement_event where event_id = ?", Integer.class,
        eventId)).isEqualTo(1);
    assertThat(ledgerRules(leadId)).containsExactlyInAnyOrder("Rule_IntentInquiry", "Rule_EventContentDownload",
        "Rule_EventPageView");
    assertThat(engagementScore(leadId)).isEqualTo(30 + 8 + 2);
  }

  @Test
  void eventOfAnUnknownEmailIsAttachedWhenTheLeadIsCapturedLater() throws Exception {
    // given an anonymous contact attends a webinar (email in other case)
    String tag = unique();
    ObjectNode submission = submission("INQUIRY", tag);
    submission.remove("title");
    String email = submission.get("email").asText();
    String eventId = "c-" + unique();
    send(email, event(eventId, "WEBINAR_ATTENDED").put("email", email.toUpperCase()).put("source", "webinar-tool"));
    await().atMost(PATIENCE).until(() -> stored(eventId));
    assertThat(jdbc.queryForObject("select lead_id from lead_engagement_event where event_id = ?", String.class,
        eventId)).isNull();

    // when the contact is captured over REST
    String leadId = capture(submission);

    // then the webinar's 15 points count: 15 fit + 30 inquiry + 15 webinar = 60, an MQL at once
    assertThat(jdbc.queryForMap("select lead_id, attached_at from lead_engagement_event where event_id = ?", eventId))
        .containsEntry("LEAD_ID", leadId).extractingByKey("ATTACHED_AT").isNotNull();
    assertThat(engagementScore(leadId)).isEqualTo(45);
    assertThat(ledgerRules(leadId)).contains("Rule_EventWebinarAttended", "Rule_IntentInquiry");
    assertThat(stages(leadId)).containsExactly("CAPTURED", "MQL");
    JsonNode timeline = get("mia", "/api/leads/" + leadId).getBody().path("timeline");
    assertThat(timeline.findValuesAsText("summary"))
        .anyMatch(s -> s.startsWith("WEBINAR_ATTENDED +15 (event " + eventId + " from webinar-tool)"));
  }

  @Test
  void twentyConcurrentEventsOfOneLeadOnSeveralPartitionsCountEachOnceWithoutIncidents() throws Exception {
    // given
    String tag = unique();
    String leadId = nurturedLead(tag);
    String email = "ada." + tag + "@acme-analytics.io";
    String[] types = {"PAGE_VIEW", "EMAIL_OPEN", "EMAIL_CLICK", "CHAT", "FORM_SUBMIT"};
    Map<String, Integer> points = Map.of("PAGE_VIEW", 2, "EMAIL_OPEN", 1, "EMAIL_CLICK", 3, "CHAT", 10,
        "FORM_SUBMIT", 10);
    List<String> eventIds = new ArrayList<>();
    int expected = 0;

    // when 20 events go out at once, half keyed (and addressed) by lead id, half by email
    for (int i = 0; i < 20; i++) {
      String type = types[i % types.length];
      String eventId = "d-" + tag + "-" + i;
      eventIds.add(eventId);
      expected += points.get(type);
      ObjectNode event = event(eventId, type);
      if (i % 2 == 0) {
        producer.send(new ProducerRecord<>(TOPIC, leadId, event.put("leadId", leadId).toString()));
      } else {
        producer.send(new ProducerRecord<>(TOPIC, email, event.put("email", email).toString()));
      }
    }
    producer.flush();

    // then
    int total = expected;
    await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
        "select count(*) from lead_engagement_event where lead_id = ?", Integer.class, leadId) == 20);
    await().atMost(PATIENCE).until(() -> engagementScore(leadId) == 30 + total);
    assertThat(jdbc.queryForList("select event_id from lead_engagement_event where lead_id = ?", String.class, leadId))
        .containsExactlyInAnyOrderElementsOf(eventIds);
    assertThat(ledgerRules(leadId).stream().filter(rule -> rule.startsWith("Rule_Event"))).hasSize(20);
    assertThat(jdbc.queryForObject("select sum(points) from lead_score_event where lead_id = ? and kind = 'ENGAGEMENT'",
        Integer.class, leadId)).isEqualTo(30 + total);
    List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list().stream()
        .map(instance -> instance.getId()).toList();
    assertThat(instances).isNotEmpty();
    for (String instance : instances) {
      assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    }
    assertThat(stages(leadId)).containsExactly("CAPTURED", "NURTURING", "MQL");
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD)).isNotNull();
  }

  @Test
  void badRecordsGoToTheDeadLetterTopicNamingTheFieldAndTheNextGoodRecordIsProcessed() throws Exception {
    // given
    String tag = unique();
    String leadId = nurturedLead(tag);
    String key = "e-" + tag;
    try (KafkaConsumer<String, String> deadLetters = deadLetterConsumer()) {

      // when four bad records, an event for an unknown lead id and a good record go out on one partition
      producer.send(new ProducerRecord<>(TOPIC, key, "{\"eventId\": \"" + key + "-json\", "));
      send(key, event(key + "-type", "SMOKE_SIGNAL").put("leadId", leadId));
      send(key, json.createObjectNode().put("type", "CHAT").put("leadId", leadId).put("detail", key + "-noid"));
      send(key, event(key + "-nobody", "CHAT"));
      send(key, event(key + "-unknown", "CHAT").put("leadId", UUID.randomUUID().toString()));
      send(key, event(key + "-good", "CHAT").put("leadId", leadId));

      // then
      await().atMost(PATIENCE).until(() -> stored(key + "-good"));
      Map<String, String> fieldsByRecord = new java.util.HashMap<>();
      Map<String, String> reasonsByRecord = new java.util.HashMap<>();
      await().atMost(PATIENCE).untilAsserted(() -> {
        for (ConsumerRecord<String, String> record : deadLetters.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            fieldsByRecord.put(record.value(), header(record, "leadflow-error-fields"));
            reasonsByRecord.put(record.value(), header(record, "leadflow-error-reason"));
          }
        }
        assertThat(fieldsByRecord).hasSize(5);
      });
      assertThat(fieldNames(fieldsByRecord, key + "-json")).containsExactly("record");
      assertThat(fieldNames(fieldsByRecord, key + "-type")).containsExactly("type");
      assertThat(fieldNames(fieldsByRecord, key + "-noid")).containsExactly("eventId");
      assertThat(fieldNames(fieldsByRecord, key + "-nobody")).containsExactly("email", "leadId");
      assertThat(fieldNames(fieldsByRecord, key + "-unknown")).containsExactly("leadId");
      assertThat(reasonsByRecord.entrySet().stream().filter(e -> e.getKey().contains(key + "-unknown"))
          .map(Map.Entry::getValue).findFirst()).hasValueSatisfying(reason -> assertThat(reason).contains("unknown lead"));
      assertThat(jdbc.queryForObject("select count(*) from lead_engagement_event where event_id like ?", Integer.class,
          key + "%")).isEqualTo(1);
      assertThat(engagementScore(leadId)).isEqualTo(30 + 10);
    }
  }

  /** An inquiry without a senior title: 15 fit + 30 engagement, waiting in nurture. */
  private String nurturedLead(String tag) {
    ObjectNode submission = submission("INQUIRY", tag);
    submission.remove("title");
    String leadId = capture(submission);
    assertThat(nurture(leadId)).isWaitingAt(LeadNurture.Gateways.WHAT_HAPPENS_NEXT);
    assertThat(engagementScore(leadId)).isEqualTo(30);
    return leadId;
  }

  private org.camunda.bpm.engine.runtime.ProcessInstance nurture(String leadId) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(LeadNurture.KEY)
        .processInstanceBusinessKey(leadId).singleResult();
  }

  private ObjectNode event(String eventId, String type) {
    return json.createObjectNode().put("eventId", eventId).put("type", type);
  }

  private void send(String key, ObjectNode event) throws Exception {
    producer.send(new ProducerRecord<>(TOPIC, key, event.toString())).get();
  }

  private boolean stored(String eventId) {
    return jdbc.queryForObject("select count(*) from lead_engagement_event where event_id = ?", Integer.class,
        eventId) == 1;
  }

  private int engagementScore(String leadId) {
    return jdbc.queryForObject("select engagement_score from lead where id = ?", Integer.class, leadId);
  }

  /** The engagement lines' rules without table and version: {@code Rule_EventChat}. */
  private List<String> ledgerRules(String leadId) {
    return jdbc.queryForList("select rule_id from lead_score_event where lead_id = ? and kind = 'ENGAGEMENT'",
        String.class, leadId).stream().map(rule -> rule.substring(rule.indexOf('/') + 1)).toList();
  }

  private KafkaConsumer<String, String> deadLetterConsumer() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "engagement-it-" + unique());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(TOPIC + ".DLT"));
    return consumer;
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The field names of the DLT record whose value contains {@code marker}. */
  private List<String> fieldNames(Map<String, String> fieldsByRecord, String marker) throws Exception {
    String fields = fieldsByRecord.entrySet().stream().filter(e -> e.getKey().contains(marker))
        .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no DLT record for " + marker));
    List<String> names = new ArrayList<>();
    json.readTree(fields).forEach(error -> names.add(error.path("field").asText()));
    return names.stream().sorted().collect(Collectors.toList());
  }
}
