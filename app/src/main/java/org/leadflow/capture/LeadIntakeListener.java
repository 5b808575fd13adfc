package org.leadflow.capture;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.events.InboundRecordReader;
import org.leadflow.events.PoisonRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code leads.captured}: the Kafka door of the one intake path. A record is read and validated
 * like a {@code POST /api/leads} body and captured by {@link LeadCaptureService} (same normalisation,
 * dedupe and idempotency); its transaction commits before the listener returns, and the offset is
 * committed after that. Redelivery finds the submission by source + external id and creates nothing.
 * Bad records go to {@code leads.captured.DLT} (see KafkaConfiguration).
 */
@Component
class LeadIntakeListener {

  private static final Logger log = LoggerFactory.getLogger(LeadIntakeListener.class);

  /** The actor the stage history names for leads that came through Kafka. */
  static final String ACTOR = "kafka:leads.captured";

  private final InboundRecordReader reader;
  private final LeadCaptureService capture;
  private final int maxRecordBytes;

  LeadIntakeListener(InboundRecordReader reader, LeadCaptureService capture, KafkaTopicsProperties properties) {
    this.reader = reader;
    this.capture = capture;
    this.maxRecordBytes = properties.intake().maxRecordBytes();
  }

  @KafkaListener(id = "lead-intake", groupId = "${spring.kafka.consumer.group-id:leadflow}-intake", topics = "${lead.kafka.topics.captured:leads.captured}",
      concurrency = "${lead.kafka.intake.concurrency:3}")
  void onLeadCaptured(ConsumerRecord<String, String> record) {
    LeadCaptureRequest request = reader.read(record, LeadCaptureRequest.class, maxRecordBytes);
    String expectedKey = request.source() + ":" + request.externalId();
    if (record.key() != null && !record.key().equals(expectedKey)) {
      throw new PoisonRecordException(List.of(new FieldError("key",
          "must be source:externalId ('" + expectedKey + "') or absent, was '" + record.key() + "'")));
    }
    LeadCaptureService.CaptureResult result;
    try {
      result = capture.capture(request, ACTOR);
    } catch (InvalidSubmissionException invalid) {
      throw new PoisonRecordException(invalid.errors());
    }
    log.debug("{}-{}@{} {}: lead {}", record.topic(), record.partition(), record.offset(), result.outcome(),
        result.lead().id());
  }
}
