package org.leadflow.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.events.InboundRecordReader;
import org.leadflow.events.PoisonRecordException;
import org.leadflow.events.TransientFailures;
import org.leadflow.lead.Intent;
import org.leadflow.lead.Lead;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The intake batch: one transaction for the records of a poll, and on any failure one record at a time, so
 * that the record that fails by itself is the one handed to the error handler (retried or dead-lettered)
 * and every other record is captured exactly once.
 */
class LeadIntakeListenerTest {

  private final InboundRecordReader reader = mock(InboundRecordReader.class);
  private final LeadCaptureService capture = mock(LeadCaptureService.class);
  private final LeadIntakeListener listener = new LeadIntakeListener(reader, capture, KafkaTopicsProperties.defaults());
  private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
  private final List<LeadCaptureService.Prepared> prepared = new ArrayList<>();

  LeadIntakeListenerTest() {
    for (int i = 0; i < 4; i++) {
      ConsumerRecord<String, String> record = new ConsumerRecord<>("leads.captured", 0, 100 + i, null, "{}");
      LeadCaptureRequest request = new LeadCaptureRequest("web-form", "wf-" + i, Intent.INQUIRY, null, null, null,
          null, "ada" + i + "@example.org", null, null, null, null, null, null, null, null, true, null, null);
      LeadCaptureService.Prepared submission = mock(LeadCaptureService.Prepared.class);
      when(reader.read(eq(record), eq(LeadCaptureRequest.class), anyInt())).thenReturn(request);
      when(capture.prepare(request)).thenReturn(submission);
      when(capture.capture(submission, LeadIntakeListener.ACTOR)).thenReturn(created());
      records.add(record);
      prepared.add(submission);
    }
    when(capture.captureAll(anyList(), eq(LeadIntakeListener.ACTOR))).thenAnswer(invocation ->
        ((List<?>) invocation.getArgument(0)).stream().map(submission -> created()).toList());
  }

  private static LeadCaptureService.CaptureResult created() {
    return new LeadCaptureService.CaptureResult(LeadCaptureService.Outcome.CREATED, mock(Lead.class));
  }

  @Test
  void theRecordsOfAPollAreCapturedInOneTransaction() {
    listener.onLeadsCaptured(records);

    verify(capture).captureAll(prepared, LeadIntakeListener.ACTOR);
    verify(capture, never()).capture(any(LeadCaptureService.Prepared.class), any());
  }

  @Test
  void aPoisonRecordEndsTheBatchBeforeItAndIsHandedOnAlone() {
    when(reader.read(eq(records.get(2)), eq(LeadCaptureRequest.class), anyInt()))
        .thenThrow(new PoisonRecordException(List.of(new FieldError("email", "must be a well-formed email address"))));

    assertThatThrownBy(() -> listener.onLeadsCaptured(records)).isInstanceOfSatisfying(
        BatchListenerFailedException.class, failed -> {
          assertThat(failed.getRecord()).isSameAs(records.get(2));
          assertThat(failed.getCause()).isInstanceOf(PoisonRecordException.class)
              .hasMessageContaining("email must be a well-formed email address");
        });
    verify(capture).captureAll(prepared.subList(0, 2), LeadIntakeListener.ACTOR);   // the rest comes again
    verify(capture, never()).capture(any(LeadCaptureService.Prepared.class), any());
  }

  @Test
  void aFailedBatchIsCapturedOneAtATimeUpToTheRecordThatFailsByItself() {
    when(capture.captureAll(anyList(), any())).thenThrow(new DeadlockLoserDataAccessException("deadlock", null));
    DataIntegrityViolationException bug = new DataIntegrityViolationException("Data too long for column");
    when(capture.capture(prepared.get(2), LeadIntakeListener.ACTOR)).thenThrow(bug);

    assertThatThrownBy(() -> listener.onLeadsCaptured(records)).isInstanceOfSatisfying(
        BatchListenerFailedException.class, failed -> {
          assertThat(failed.getRecord()).isSameAs(records.get(2));
          assertThat(failed.getCause()).isSameAs(bug);
          assertThat(TransientFailures.isTransient(failed)).isFalse();   // retried twice, then the DLT
        });
    verify(capture).capture(prepared.get(0), LeadIntakeListener.ACTOR);
    verify(capture).capture(prepared.get(1), LeadIntakeListener.ACTOR);
    verify(capture, never()).capture(prepared.get(3), LeadIntakeListener.ACTOR);   // delivered again after it
  }

  @Test
  void aTransientFailureOfOneRecordStaysTransientForTheErrorHandler() {
    when(capture.captureAll(anyList(), any())).thenThrow(new DeadlockLoserDataAccessException("deadlock", null));
    when(capture.capture(prepared.get(0), LeadIntakeListener.ACTOR))
        .thenThrow(new DeadlockLoserDataAccessException("deadlock again", null));

    assertThatThrownBy(() -> listener.onLeadsCaptured(records)).isInstanceOfSatisfying(
        BatchListenerFailedException.class, failed -> {
          assertThat(failed.getRecord()).isSameAs(records.get(0));
          assertThat(TransientFailures.isTransient(failed)).isTrue();   // backed off and retried, never skipped
        });
    verify(capture, never()).capture(prepared.get(1), LeadIntakeListener.ACTOR);
  }
}
