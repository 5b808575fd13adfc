package org.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadflow.capture.LeadCaptureRequest;
import org.leadflow.config.KafkaTopicsProperties;
import org.yaml.snakeyaml.Yaml;

/** docs/asyncapi.yaml is the catalogue of our topics: it must describe every event we publish, and no other. */
class AsyncApiCatalogueTest {

  private static final Path ROOT = Path.of("..");
  private static final KafkaTopicsProperties.Topics TOPICS = KafkaTopicsProperties.defaults().topics();

  private static Map<String, Object> doc;

  @BeforeAll
  static void read() throws IOException {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("docs/asyncapi.yaml"))) {
      doc = new Yaml().load(reader);
    }
  }

  @Test
  void isAnAsyncApi3DocumentWhoseReferencesAllResolve() {
    assertThat(doc.get("asyncapi")).isEqualTo("3.0.0");
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(resolve(ref)).as(ref).isNotNull());
  }

  @Test
  void theLifecycleChannelCarriesExactlyOneMessagePerEventType() {
    Map<String, Object> channel = channel(TOPICS.lifecycle());

    assertThat(map(channel, "messages").keySet()).containsExactlyInAnyOrderElementsOf(typeNames());
    map(channel, "messages").forEach((name, ref) ->
        assertThat(map(ref).get("$ref")).isEqualTo("#/components/messages/" + name));
    assertThat(operationMessages(TOPICS.lifecycle())).containsExactlyInAnyOrderElementsOf(
        typeNames().stream().map(name -> "#/channels/" + channelKey(TOPICS.lifecycle()) + "/messages/" + name)
            .toList());
  }

  @Test
  void everyEventTypeHasAMessageWithAVersionedPayloadSchema() {
    for (LeadEventType type : LeadEventType.values()) {
      Map<String, Object> message = map(map(doc, "components", "messages"), type.name());
      assertThat(message).as("message %s", type).isNotNull().containsEntry("name", type.name());
      String schemaName = type.name() + ".v" + LeadEvent.SCHEMA_VERSION;
      assertThat(map(message, "payload")).as("payload of %s", type)
          .containsEntry("$ref", "#/components/schemas/" + schemaName);

      List<Object> parts = list(map(map(doc, "components", "schemas"), schemaName).get("allOf"));
      assertThat(parts).as(schemaName).contains(Map.of("$ref", "#/components/schemas/LeadEventEnvelope"));
      Map<String, Object> own = parts.stream().map(AsyncApiCatalogueTest::map)
          .filter(part -> part.containsKey("properties")).findFirst().orElseThrow();
      assertThat(map(own, "properties", "type")).as(schemaName).containsEntry("const", type.name());
      assertThat(map(own, "properties", "schemaVersion")).as(schemaName)
          .containsEntry("const", LeadEvent.SCHEMA_VERSION);
    }
  }

  @Test
  void everyVersionedSchemaIsAnEventTypeWePublish() {
    Set<String> versioned = map(doc, "components", "schemas").keySet().stream()
        .filter(name -> name.matches(".+\\.v\\d+")).map(name -> name.replaceAll("\\.v\\d+$", ""))
        .collect(Collectors.toCollection(TreeSet::new));

    assertThat(versioned).containsExactlyInAnyOrderElementsOf(typeNames());
    assertThat(list(map(doc, "components", "schemas", "LeadEventEnvelope", "properties", "type").get("enum")))
        .containsExactlyInAnyOrderElementsOf(typeNames());
  }

  @Test
  void theEnvelopeSchemaHasTheFieldsOfLeadEvent() {
    assertThat(map(doc, "components", "schemas", "LeadEventEnvelope", "properties").keySet())
        .containsExactlyInAnyOrderElementsOf(componentNames(LeadEvent.class));
  }

  @Test
  void theInboundTopicsAndTheirDeadLetterTopicsAreDescribed() {
    for (String topic : List.of(TOPICS.captured(), TOPICS.engagement())) {
      assertThat(map(channel(topic), "messages")).as(topic).isNotEmpty();
      Map<String, Object> deadLetters = channel(KafkaTopicsProperties.Topics.deadLetterOf(topic));
      for (Object ref : map(deadLetters, "messages").values()) {
        Map<String, Object> message = map(resolve((String) map(ref).get("$ref")));
        Map<String, Object> headers = map(resolve((String) map(message, "headers").get("$ref")));
        assertThat(map(headers, "properties").keySet()).as("DLT headers of %s", topic)
            .contains("kafka_dlt-exception-message", "kafka_dlt-exception-fqcn", "leadflow-error-fields");
      }
    }
  }

  @Test
  void theDigestTopicCarriesTheDailyDigestKeyedByTeam() {
    Map<String, Object> channel = channel(TOPICS.digest());

    assertThat(map(channel, "messages").keySet()).containsExactly("DailyDigest");
    assertThat(operationMessages(TOPICS.digest()))
        .containsExactly("#/channels/" + channelKey(TOPICS.digest()) + "/messages/DailyDigest");
    assertThat(map(doc, "components", "messages", "DailyDigest", "bindings", "kafka", "key"))
        .containsEntry("description", "the team id");
  }

  @Test
  void aCapturedLeadOnKafkaHasTheFieldsOfPostApiLeads() {
    assertThat(map(doc, "components", "schemas", "LeadCaptureRequest", "properties").keySet())
        .containsExactlyInAnyOrderElementsOf(componentNames(LeadCaptureRequest.class));
  }

  private static List<String> typeNames() {
    return Arrays.stream(LeadEventType.values()).map(Enum::name).toList();
  }

  private static List<String> componentNames(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  private static String channelKey(String address) {
    return map(doc, "channels").entrySet().stream()
        .filter(entry -> address.equals(map(entry.getValue()).get("address"))).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new AssertionError("no channel with address " + address));
  }

  private static Map<String, Object> channel(String address) {
    return map(map(doc, "channels"), channelKey(address));
  }

  private static List<String> operationMessages(String address) {
    String channelRef = "#/channels/" + channelKey(address);
    return map(doc, "operations").values().stream().map(AsyncApiCatalogueTest::map)
        .filter(operation -> channelRef.equals(map(operation, "channel").get("$ref")))
        .flatMap(operation -> list(operation.get("messages")).stream())
        .map(ref -> (String) map(ref).get("$ref")).toList();
  }

  /** A local reference such as {@code #/components/schemas/LeadCaptured.v1}, or null. */
  private static Object resolve(String ref) {
    assertThat(ref).startsWith("#/");
    Object node = doc;
    for (String key : ref.substring(2).split("/")) {
      if (!(node instanceof Map<?, ?> current)) {
        return null;
      }
      node = current.get(key);
    }
    return node;
  }

  private static void collectRefs(Object node, List<String> refs) {
    if (node instanceof Map<?, ?> current) {
      current.forEach((key, value) -> {
        if ("$ref".equals(key)) {
          refs.add((String) value);
        } else {
          collectRefs(value, refs);
        }
      });
    } else if (node instanceof List<?> items) {
      items.forEach(item -> collectRefs(item, refs));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object node, String... path) {
    Object current = node;
    for (String key : path) {
      current = ((Map<String, Object>) current).get(key);
    }
    return (Map<String, Object>) current;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object node) {
    return (List<Object>) node;
  }
}
