package org.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.leadflow.config.KafkaTopicsProperties;
import org.mockito.ArgumentCaptor;

class LeadEventPublisherTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

  /** As Boot configures the application's mapper: ISO dates. */
  static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private final OutboxMapper outbox = mock(OutboxMapper.class);
  private final LeadEventPublisher publisher =
      new LeadEventPublisher(outbox, JSON, KafkaTopicsProperties.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void anEventBecomesOneOutboxRowForTheLifecycleTopicWithTheEnvelopeAsJson() throws Exception {
    // given
    Instant occurred = Instant.parse("2025-03-04T09:59:58.123Z");
    LeadEvent event = LeadEvent.of(LeadEventType.LeadClosed, "lead-7", occurred,
        LeadEvent.fields().put("outcome", "WON").put("dealValue", new BigDecimal("150000.00")));

    // when
    publisher.publish(event);

    // then
    ArgumentCaptor<String> payload = ArgumentCaptor.forClass(String.class);
    verify(outbox).insert(eq(event.eventId().toString()), eq("leads.lifecycle"), eq("lead-7"), eq("LeadClosed"),
        eq(1), eq(occurred), payload.capture(), eq(NOW));
    JsonNode json = JSON.readTree(payload.getValue());
    assertThat(json.path("eventId").asText()).isEqualTo(event.eventId().toString());
    assertThat(json.path("type").asText()).isEqualTo("LeadClosed");
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.path("leadId").asText()).isEqualTo("lead-7");
    assertThat(json.path("occurredAt").asText()).isEqualTo("2025-03-04T09:59:58.123Z");
    assertThat(json.path("data").path("outcome").asText()).isEqualTo("WON");
    assertThat(json.path("data").path("dealValue").decimalValue()).isEqualByComparingTo("150000");
  }

  @Test
  void theTopicComesFromLeadKafkaTopicsLifecycle() {
    KafkaTopicsProperties properties = new KafkaTopicsProperties(
        new KafkaTopicsProperties.Topics(null, null, "crm.lead-lifecycle.v1", null), null, null, null, null, null, null);
    new LeadEventPublisher(outbox, JSON, properties, Clock.systemUTC())
        .publish(LeadEvent.of(LeadEventType.LeadAssigned, "lead-8", NOW, LeadEvent.fields()));

    verify(outbox).insert(anyString(), eq("crm.lead-lifecycle.v1"), eq("lead-8"), eq("LeadAssigned"), eq(1), eq(NOW),
        anyString(), any());
  }

  @Test
  void everyEventGetsItsOwnId() {
    LeadEvent first = LeadEvent.of(LeadEventType.SlaBreached, "lead-7", NOW, LeadEvent.fields());
    LeadEvent second = LeadEvent.of(LeadEventType.SlaBreached, "lead-7", NOW, LeadEvent.fields());

    assertThat(first.eventId()).isNotEqualTo(second.eventId());
    assertThat(first.sequence()).isNull();
  }
}
