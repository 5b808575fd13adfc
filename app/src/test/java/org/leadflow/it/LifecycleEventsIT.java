package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.process.Opportunity;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.process.SdrQualification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What other systems see on {@code leads.lifecycle}: a plain Kafka consumer (its own group, from the
 * beginning) reads the events the outbox relay shipped after each transaction committed.
 */
class LifecycleEventsIT extends IntegrationTestBase {

  private static final Duration SHIPPED_WITHIN = Duration.ofSeconds(30);

  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;
  @Autowired KafkaTopicsProperties kafka;

  private KafkaConsumer<String, String> consumer;
  private final List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void readTheLifecycleTopicFromTheBeginning() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "lifecycle-events-it-" + unique());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumer = new KafkaConsumer<>(config);
    String topic = kafka.topics().lifecycle();
    // the topic appears with the first event shipped (or this request): assign all its partitions
    List<PartitionInfo> partitions = new ArrayList<>();
    await().atMost(SHIPPED_WITHIN).until(() -> {
      partitions.addAll(consumer.partitionsFor(topic, Duration.ofSeconds(5)));
      return !partitions.isEmpty();
    });
    List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
  }

  @AfterEach
  void closeConsumer() {
    consumer.close(Duration.ofSeconds(5));
  }

  @Test
  void aWonLeadsEventsArriveKeyedByTheLeadOnceEachInStageOrder() throws Exception {
    // given a demo request driven through SDR qualification, acceptance, first contact and the deal
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    completeOk("sam", task(leadId, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "REACHED",
        "realNeed", true, "authority", "DECISION_MAKER", "timing", "THIS_QUARTER", "qualification", "SALES_READY"));
    runAsyncJobs(leadId);
    Task accept = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD);
    String rep = accept.getAssignee();
    completeOk(rep, accept, Map.of("acceptance", "ACCEPTED"));
    completeOk(rep, task(leadId, SalesFollowUp.Tasks.MAKE_FIRST_CONTACT), Map.of("salesOutcome", "OPPORTUNITY",
        "dealValue", 120_000L, "funnelPosition", "MIDDLE", "objection", "NONE"));

    // when the rep wins it
    completeOk(rep, task(leadId, Opportunity.Tasks.UPDATE_OPPORTUNITY), Map.of("funnelPosition", "BOTTOM",
        "dealValue", 150_000L, "opportunityOutcome", "WON", "closeReason", "PRODUCT_FIT", "newCustomer", true));

    // then
    List<JsonNode> events = eventsOf(leadId, "LeadClosed");
    assertThat(events).extracting(event -> event.path("eventId").asText()).doesNotHaveDuplicates();
    assertThat(events).extracting(event -> event.path("sequence").asLong()).isSorted();
    assertThat(events).allSatisfy(event -> assertThat(event.path("schemaVersion").asInt()).isEqualTo(1));
    assertThat(stageEvents(events)).containsExactly(
        "LeadCaptured CAPTURED", "LeadStageChanged MQL", "LeadStageChanged SQL", "LeadStageChanged SAL",
        "LeadStageChanged OPPORTUNITY", "LeadClosed WON");
    assertThat(events).extracting(event -> event.path("type").asText()).containsSubsequence(
        "LeadStageChanged", "LeadAssigned", "LeadStageChanged").endsWith("LeadClosed");

    JsonNode captured = events.get(0).path("data");
    assertThat(captured.path("source").asText()).isEqualTo("web-form");
    assertThat(captured.path("intent").asText()).isEqualTo("DEMO_REQUEST");
    List<JsonNode> assignments = events.stream().filter(event -> "LeadAssigned".equals(event.path("type").asText()))
        .map(event -> event.path("data")).toList();
    assertThat(assignments).extracting(data -> data.path("role").asText()).containsExactly("SDR", "SALES");
    JsonNode assigned = assignments.get(1);
    assertThat(assigned.path("assignee").asText()).isEqualTo(rep);
    assertThat(assigned.path("reason").asText()).startsWith("sales-ready: lead-routing:v")
        .contains("team sales-north");
    JsonNode sql = events.stream().filter(event -> "SQL".equals(event.path("data").path("to").asText()))
        .findFirst().orElseThrow().path("data");
    assertThat(sql.path("from").asText()).isEqualTo("MQL");
    assertThat(sql.path("actor").asText()).isEqualTo("sam");
    JsonNode closed = single(events, "LeadClosed").path("data");
    assertThat(closed.path("outcome").asText()).isEqualTo("WON");
    assertThat(closed.path("dealValue").decimalValue()).isEqualByComparingTo("150000");
    assertThat(closed.path("closeReason").asText()).isEqualTo("PRODUCT_FIT");
    assertThat(closed.path("newCustomer").asBoolean()).isTrue();

    // and the outbox keeps every row it shipped, marked published
    assertThat(jdbc.queryForObject("select count(*) from lead_event_outbox where lead_id = ? and published_at is null",
        Integer.class, leadId)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from lead_event_outbox where lead_id = ?", Integer.class, leadId))
        .isEqualTo(events.size());
  }

  @Test
  void aRecycledLeadYieldsLeadRecycledWithTheReasonAndTheCount() throws Exception {
    // given
    String leadId = capture(submission("DEMO_REQUEST", unique()));

    // when the SDR sends it back to marketing
    completeOk("sara", task(leadId, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "REACHED",
        "realNeed", false, "qualification", "RECYCLE", "recycleReason", "NOT_NOW"));

    // then exactly one event for the stage change to RECYCLED
    List<JsonNode> events = eventsOf(leadId, "LeadRecycled");
    JsonNode recycled = single(events, "LeadRecycled").path("data");
    assertThat(recycled.path("reason").asText()).isEqualTo("NOT_NOW");
    assertThat(recycled.path("recycleCount").asInt()).isEqualTo(1);
    assertThat(recycled.path("from").asText()).isEqualTo("MQL");
    assertThat(recycled.path("actor").asText()).isEqualTo("sara");
    assertThat(stageEvents(events)).startsWith("LeadCaptured CAPTURED", "LeadStageChanged MQL", "LeadRecycled RECYCLED");
  }

  /** This lead's events, in the order they arrived, once {@code untilType} has arrived. */
  private List<JsonNode> eventsOf(String leadId, String untilType) throws Exception {
    await().atMost(SHIPPED_WITHIN).until(() -> {
      consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      return received.stream().anyMatch(record -> leadId.equals(record.key()) && record.value().contains(untilType));
    });
    List<JsonNode> events = new ArrayList<>();
    for (ConsumerRecord<String, String> record : received) {
      JsonNode event = json.readTree(record.value());
      if (leadId.equals(event.path("leadId").asText())) {
        assertThat(record.key()).as("key of %s", event.path("type").asText()).isEqualTo(leadId);
        events.add(event);
      }
    }
    return events;
  }

  /** "type stage" of the events that change the stage. */
  private static List<String> stageEvents(List<JsonNode> events) {
    return events.stream()
        .filter(event -> List.of("LeadCaptured", "LeadStageChanged", "LeadRecycled", "LeadClosed")
            .contains(event.path("type").asText()))
        .map(event -> event.path("type").asText() + " "
            + (event.path("data").has("to") ? event.path("data").path("to") : event.path("data").path("stage")).asText())
        .toList();
  }

  private static JsonNode single(List<JsonNode> events, String type) {
    List<JsonNode> ofType = events.stream().filter(event -> type.equals(event.path("type").asText())).toList();
    assertThat(ofType).as(type).hasSize(1);
    return ofType.get(0);
  }
}
