package org.leadflow.engagement;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.events.InboundRecordReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code leads.engagement}: one record, one transaction ({@link EngagementService#record}); the offset
 * is committed after it. Any key is accepted (lead id, email or none), so events of one lead may come
 * on several partitions at once; the lead's row lock makes them take turns. Bad records, and events
 * for a lead id we do not know, go to {@code leads.engagement.DLT} (see KafkaConfiguration).
 */
@Component
class EngagementListener {

  private static final Logger log = LoggerFactory.getLogger(EngagementListener.class);

  /** The actor the stage history and ledger name for engagements that came through Kafka. */
  static final String ACTOR = "kafka:leads.engagement";

  private final InboundRecordReader reader;
  private final EngagementService engagements;
  private final int maxRecordBytes;

  EngagementListener(InboundRecordReader reader, EngagementService engagements, KafkaTopicsProperties properties) {
    this.reader = reader;
    this.engagements = engagements;
    this.maxRecordBytes = properties.engagement().maxRecordBytes();
  }

  @KafkaListener(id = "lead-engagement", groupId = "${spring.kafka.consumer.group-id:leadflow}-engagement", topics = "${lead.kafka.topics.engagement:leads.engagement}",
      concurrency = "${lead.kafka.engagement.concurrency:1}")
  void onEngagement(ConsumerRecord<String, String> record) {
    EngagementEvent event = reader.read(record, EngagementEvent.class, maxRecordBytes);
    EngagementService.Outcome outcome = engagements.record(event, ACTOR);
    log.debug("{}-{}@{} {}: event {}", record.topic(), record.partition(), record.offset(), outcome, event.eventId());
  }
}
