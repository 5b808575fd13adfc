package org.leadflow.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.leadflow.config.KafkaTopicsProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes lifecycle events through the outbox: {@link #publish} only inserts a row, in the caller's
 * (for delegates the engine's) transaction; {@link OutboxRelay} ships it after that commit. A change
 * that rolls back therefore never announces itself, and a committed one is announced at least once.
 *
 * <p>Callers hold the lead's row lock (stage changes lock it, assignments update it, SLA records lock
 * it), so the outbox ids of one lead are in commit order: the relay ships them in that order.
 */
@Component
public class LeadEventPublisher {

  private final OutboxMapper outbox;
  private final ObjectMapper json;
  private final String topic;
  private final Clock clock;

  public LeadEventPublisher(OutboxMapper outbox, ObjectMapper json, KafkaTopicsProperties kafka, Clock clock) {
    this.outbox = outbox;
    this.json = json;
    this.topic = kafka.topics().lifecycle();
    this.clock = clock;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void publish(LeadEvent event) {
    outbox.insert(event.eventId().toString(), topic, event.leadId(), event.type().name(), event.schemaVersion(),
        event.occurredAt(), toJson(event), clock.instant());
  }

  private String toJson(LeadEvent event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + event.type() + " of lead " + event.leadId(), e);
    }
  }
}
