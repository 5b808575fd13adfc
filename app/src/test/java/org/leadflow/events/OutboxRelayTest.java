package org.leadflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.events.OutboxMapper.PendingEvent;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.PlatformTransactionManager;

class OutboxRelayTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

  private final OutboxMapper outbox = mock(OutboxMapper.class);
  @SuppressWarnings("unchecked")
  private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
  private final OutboxRelay relay = relay(500);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  private OutboxRelay relay(int batchSize) {
    KafkaTopicsProperties properties = new KafkaTopicsProperties(null, null, null, null, null, null,
        new KafkaTopicsProperties.Outbox(true, null, batchSize));
    return new OutboxRelay(outbox, kafka, LeadEventPublisherTest.JSON, mock(PlatformTransactionManager.class),
        Clock.fixed(NOW, ZoneOffset.UTC), properties);
  }

  @BeforeEach
  void captureLog() {
    log.start();
    ((Logger) LoggerFactory.getLogger(OutboxRelay.class)).addAppender(log);
    when(outbox.tryLock(OutboxRelay.LOCK)).thenReturn(Optional.of(OutboxRelay.LOCK));
  }

  @AfterEach
  void releaseLog() {
    ((Logger) LoggerFactory.getLogger(OutboxRelay.class)).detachAppender(log);
  }

  private static PendingEvent row(long id, String leadId) {
    return new PendingEvent(id, "e-" + id, "leads.lifecycle", leadId,
        "{\"eventId\":\"e-" + id + "\",\"type\":\"LeadStageChanged\",\"leadId\":\"" + leadId + "\",\"sequence\":null}");
  }

  private static CompletableFuture<SendResult<String, String>> acked() {
    return CompletableFuture.completedFuture(null);
  }

  private static CompletableFuture<SendResult<String, String>> failed() {
    return CompletableFuture.failedFuture(new TimeoutException("Expiring 1 record(s): broker down"));
  }

  @Test
  void pendingRowsAreSentInIdOrderKeyedByLeadWithTheirSequenceAndMarkedPublished() {
    // given
    when(outbox.findPending(500)).thenReturn(List.of(row(3, "lead-a"), row(4, "lead-b"), row(5, "lead-a")));
    when(kafka.send(anyString(), anyString(), anyString())).thenReturn(acked());

    // when
    relay.relay();

    // then
    InOrder order = inOrder(outbox, kafka);
    order.verify(outbox).tryLock(OutboxRelay.LOCK);
    ArgumentCaptor<String> payloads = ArgumentCaptor.forClass(String.class);
    order.verify(kafka).send(eq("leads.lifecycle"),
        eq("lead-a"), payloads.capture());
    order.verify(kafka).send("leads.lifecycle", "lead-b", row(4, "lead-b").payload().replace("null", "4"));
    order.verify(kafka).send(eq("leads.lifecycle"),
        eq("lead-a"), anyString());
    order.verify(outbox).markPublished(List.of(3L, 4L, 5L), NOW);
    assertThat(payloads.getValue()).contains("\"sequence\":3").contains("\"eventId\":\"e-3\"");
  }

  @Test
  void aFailedSendLeavesThatRowAndAllAfterItForTheNextPollAndIsLoggedOncePerOutage() {
    // given the broker acknowledges the first row only
    when(outbox.findPending(500)).thenReturn(List.of(row(1, "lead-a"), row(2, "lead-a"), row(3, "lead-b")));
    when(kafka.send(anyString(), anyString(), anyString())).thenReturn(acked(), failed(), acked());

    // when
    relay.relay();

    // then
    verify(outbox).markPublished(List.of(1L), NOW);

    // and when it stays down for more polls
    when(kafka.send(anyString(), anyString(), anyString())).thenReturn(failed());
    relay.relay();
    relay.relay();
    verify(outbox, times(1)).markPublished(any(), any());
    assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN).hasSize(1)
        .first().extracting(ILoggingEvent::getFormattedMessage).asString().contains("Cannot ship");

    // and when it is back
    when(kafka.send(anyString(), anyString(), anyString())).thenReturn(acked());
    relay.relay();
    verify(outbox).markPublished(List.of(1L, 2L, 3L), NOW);
    assertThat(log.list).filteredOn(event -> event.getLevel() == Level.INFO).hasSize(1);
  }

  @Test
  void whileAnotherNodeHoldsTheLockThisOneShipsNothing() {
    when(outbox.tryLock(OutboxRelay.LOCK)).thenReturn(Optional.empty());

    relay.relay();

    verify(outbox, never()).findPending(anyInt());
    verify(kafka, never()).send(anyString(), anyString(), anyString());
  }

  @Test
  void fullBatchesAreFollowedByTheNextBatchInTheSamePoll() {
    OutboxRelay small = relay(2);
    when(outbox.findPending(2)).thenReturn(List.of(row(1, "a"), row(2, "b")), List.of(row(3, "c")));
    when(kafka.send(anyString(), anyString(), anyString())).thenReturn(acked());

    small.relay();

    verify(outbox).markPublished(List.of(1L, 2L), NOW);
    verify(outbox).markPublished(List.of(3L), NOW);
    verify(outbox, times(2)).tryLock(OutboxRelay.LOCK);
  }

  @Test
  void aDatabaseFailureIsLoggedOnceAndNothingIsSent() {
    when(outbox.tryLock(OutboxRelay.LOCK)).thenThrow(new IllegalStateException("database unreachable"));

    relay.relay();
    relay.relay();

    verify(kafka, never()).send(anyString(), anyString(), anyString());
    assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN).hasSize(1);
  }
}
