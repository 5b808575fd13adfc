package org.leadflow.capture;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.events.InboundRecordReader;
import org.leadflow.events.PoisonRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * {@code leads.captured}: the Kafka door of the one intake path. A record is read and validated
 * like a {@code POST /api/leads} body and captured by {@link LeadCaptureService} (same normalisation,
 * dedupe and idempotency). Redelivery finds the submission by source + external id and creates nothing.
 * Bad records go to {@code leads.captured.DLT} (see KafkaConfiguration).
 *
 * <p>A poll brings up to {@code lead.kafka.intake.batch-size} records (default 1), and they are captured in
 * one transaction; the offsets of the poll are committed after that transaction. Batches save commits and
 * server CPU per lead, but a batch holds its locks (the SDR team row every MQL takes, the contact buckets)
 * until its last lead is done, so the consumers take turns: on an idle 2-core machine with MariaDB, 1 a
 * transaction took 0.087 × the raw-engine baseline against 0.074 × with 20 (BENCHMARKS.md, intake), hence 1. A record that cannot be read or validated ends the batch before it: the records before it are
 * captured together, and it is handed to the error handler ({@link BatchListenerFailedException}), which
 * dead-letters it alone, commits the offsets up to it and delivers the rest again. If the batch transaction
 * fails (a lost race on a submission key, a deadlock, the database away), nothing of it stays and the records
 * are captured again one transaction each, so that only the record that fails by itself is retried or
 * dead-lettered, with its own reason, and each lead is created once.
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

  @KafkaListener(id = "lead-intake", groupId = "${spring.kafka.consumer.group-id:leadflow}-intake",
      topics = "${lead.kafka.topics.captured:leads.captured}", concurrency = "${lead.kafka.intake.concurrency:3}",
      batch = "true", properties = "max.poll.records=${lead.kafka.intake.batch-size:1}")
  void onLeadsCaptured(List<ConsumerRecord<String, String>> records) {
    List<ConsumerRecord<String, String>> batch = new ArrayList<>();
    List<LeadCaptureService.Prepared> prepared = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      LeadCaptureService.Prepared submission;
      try {
        submission = prepare(record);
      } catch (PoisonRecordException poison) {
        captureAll(batch, prepared);
        throw new BatchListenerFailedException(poison.getMessage(), poison, record);
      }
      batch.add(record);
      prepared.add(submission);
    }
    captureAll(batch, prepared);
  }

  private LeadCaptureService.Prepared prepare(ConsumerRecord<String, String> record) {
    LeadCaptureRequest request = reader.read(record, LeadCaptureRequest.class, maxRecordBytes);
    String expectedKey = request.source() + ":" + request.externalId();
    if (record.key() != null && !record.key().equals(expectedKey)) {
      throw new PoisonRecordException(List.of(new FieldError("key",
          "must be source:externalId ('" + expectedKey + "') or absent, was '" + record.key() + "'")));
    }
    try {
      return capture.prepare(request);
    } catch (InvalidSubmissionException invalid) {
      throw new PoisonRecordException(invalid.errors());
    }
  }

  private void captureAll(List<ConsumerRecord<String, String>> records, List<LeadCaptureService.Prepared> prepared) {
    if (records.size() > 1) {
      List<LeadCaptureService.CaptureResult> results = null;
      try {
        results = capture.captureAll(prepared, ACTOR);
      } catch (RuntimeException failure) {
        log.info("A batch of {} records from {}-{}@{} failed ({}); capturing them one at a time", records.size(),
            records.get(0).topic(), records.get(0).partition(), records.get(0).offset(), failure.toString());
      }
      if (results != null) {
        for (int i = 0; i < records.size(); i++) {
          logCaptured(records.get(i), results.get(i));
        }
        return;
      }
    }
    for (int i = 0; i < records.size(); i++) {
      LeadCaptureService.CaptureResult result;
      try {
        result = capture.capture(prepared.get(i), ACTOR);
      } catch (InvalidSubmissionException invalid) {
        throw new BatchListenerFailedException(invalid.getMessage(), new PoisonRecordException(invalid.errors()),
            records.get(i));
      } catch (RuntimeException failure) {
        throw new BatchListenerFailedException(failure.getMessage(), failure, records.get(i));
      }
      logCaptured(records.get(i), result);
    }
  }

  private static void logCaptured(ConsumerRecord<String, String> record, LeadCaptureService.CaptureResult result) {
    log.debug("{}-{}@{} {}: lead {}", record.topic(), record.partition(), record.offset(), result.outcome(),
        result.lead().id());
  }
}
