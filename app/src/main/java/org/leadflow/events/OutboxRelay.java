package org.leadflow.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.events.OutboxMapper.PendingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ships {@code lead_event_outbox} rows to Kafka after their transaction committed: at least once,
 * key = lead id, in id order (so in order per lead).
 *
 * <p>Each batch runs in one transaction that first locks the row {@value #LOCK} of
 * {@code lead_outbox_lock} with {@code for update skip locked}: a node that finds it locked skips
 * this poll, so two nodes never ship at the same time. The batch is sent, the relay waits for the
 * acks, and only the rows acknowledged before the first failure are marked published; the rest are
 * sent again on the next poll (consumers deduplicate on eventId). An outage is logged once, when it
 * starts, and once when it ends.
 */
@Component
@ConditionalOnProperty(prefix = "lead.kafka.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
public class OutboxRelay {

  static final String LOCK = "lifecycle-relay";

  /** Longer than the producer's delivery.timeout.ms: that ends every send first. */
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final OutboxMapper outbox;
  private final KafkaTemplate<String, String> kafka;
  private final ObjectMapper json;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final int batchSize;
  private final AtomicBoolean failing = new AtomicBoolean();

  public OutboxRelay(OutboxMapper outbox, KafkaTemplate<String, String> kafka, ObjectMapper json,
      PlatformTransactionManager transactions, Clock clock, KafkaTopicsProperties properties) {
    this.outbox = outbox;
    this.kafka = kafka;
    this.json = json;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.batchSize = properties.outbox().batchSize();
  }

  /** Ships batches until the outbox is drained, another node holds the lock, or a send fails. */
  @Scheduled(fixedDelayString =
      "#{@'lead.kafka-org.leadflow.config.KafkaTopicsProperties'.outbox().pollInterval().toMillis()}")
  public void relay() {
    try {
      Batch batch;
      do {
        batch = transaction.execute(status -> shipBatch());
      } while (batch != null && batch.failure() == null && batch.shipped() == batchSize);
      if (batch != null && batch.failure() != null) {
        failed(batch.failure());
      } else if (failing.compareAndSet(true, false)) {
        log.info("Shipping lead events to Kafka again");
      }
    } catch (RuntimeException e) {
      failed(e); // e.g. the database is unreachable: nothing was marked, the next poll tries again
    }
  }

  private Batch shipBatch() {
    if (outbox.tryLock(LOCK).isEmpty()) {
      return new Batch(0, null); // another node is shipping
    }
    List<PendingEvent> pending = outbox.findPending(batchSize);
    List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>(pending.size());
    Exception failure = null;
    for (PendingEvent event : pending) {
      try {
        sends.add(kafka.send(event.topic(), event.leadId(), withSequence(event)));
      } catch (RuntimeException e) {
        failure = e;
        break;
      }
    }
    List<Long> acked = new ArrayList<>(sends.size());
    long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acked.add(pending.get(i).id());
      } catch (ExecutionException | TimeoutException e) {
        failure = e; // keep order: nothing after the first unacknowledged row counts as shipped
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failure = e;
        break;
      }
    }
    if (!acked.isEmpty()) {
      outbox.markPublished(acked, clock.instant());
    }
    return new Batch(acked.size(), failure);
  }

  private String withSequence(PendingEvent event) {
    try {
      ObjectNode envelope = (ObjectNode) json.readTree(event.payload());
      envelope.put("sequence", event.id());
      return json.writeValueAsString(envelope);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Outbox row " + event.id() + " does not hold an event", e);
    }
  }

  private void failed(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (failing.compareAndSet(false, true)) {
      log.warn("Cannot ship lead events (Kafka or the database unreachable); they stay in lead_event_outbox "
          + "and are retried every poll", cause);
    } else {
      log.debug("Still cannot ship lead events: {}", cause.toString());
    }
  }

  private record Batch(int shipped, Exception failure) {}
}
