package org.leadflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.capture.FieldError;
import org.leadflow.events.InboundRecordReader;
import org.leadflow.events.PoisonRecordException;
import org.leadflow.scoring.EngagementType;

/** The record's JSON shape and bean-validation constraints, as the Kafka reader applies them. */
class EngagementEventTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  private final InboundRecordReader reader = new InboundRecordReader(new ObjectMapper()
      .registerModule(new JavaTimeModule()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES),
      VALIDATION.getValidator());

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  private EngagementEvent read(String json) {
    return reader.read(new ConsumerRecord<>("leads.engagement", 0, 0, null, json), EngagementEvent.class, 64 * 1024);
  }

  @Test
  void aCompleteEventIsReadWithBlanksStripped() {
    EngagementEvent event = read("""
        {"eventId": " e-1 ", "type": "PRICING_PAGE_VIEW", "leadId": "", "email": "Ada@Acme.io",
         "occurredAt": "2026-11-02T09:00:00Z", "source": "website", "detail": "https://acme.io/pricing"}""");

    assertThat(event).isEqualTo(new EngagementEvent("e-1", EngagementType.PRICING_PAGE_VIEW, null, "Ada@Acme.io",
        Instant.parse("2026-11-02T09:00:00Z"), "website", "https://acme.io/pricing"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\": \"CHAT\", \"leadId\": \"l-1\"}                                   | eventId",
      "{\"eventId\": \" \", \"type\": \"CHAT\", \"leadId\": \"l-1\"}               | eventId",
      "{\"eventId\": \"e-1\", \"leadId\": \"l-1\"}                                 | type",
      "{\"eventId\": \"e-1\", \"type\": \"SMOKE_SIGNAL\", \"leadId\": \"l-1\"}     | type",
      "{\"eventId\": \"e-1\", \"type\": \"CHAT\", \"email\": \"not-an-email\"}     | email",
      "{\"eventId\": \"e-1\", \"type\": \"CHAT\", \"leadId\": \"l\", \"colour\": 1} | colour",
      "{\"eventId\": \"e-1\", \"type\": \"CHAT\", \"occurredAt\": \"yesterday\"}   | occurredAt",
      "{\"eventId\": \"e-1\",                                                     | record"})
  void aBadFieldIsNamed(String json, String field) {
    assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(PoisonRecordException.class,
        poison -> assertThat(poison.errors()).extracting(FieldError::field).containsExactly(field));
  }

  @Test
  void tooLongValuesAreNamed() {
    String json = "{\"eventId\": \"" + "e".repeat(101) + "\", \"type\": \"CHAT\", \"leadId\": \"l-1\", \"detail\": \""
        + "d".repeat(501) + "\"}";

    assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(PoisonRecordException.class,
        poison -> assertThat(poison.errors()).extracting(FieldError::field).containsExactly("detail", "eventId"));
  }
}
