package org.leadflow.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.ibatis.annotations.Mapper;

/** Table {@code lead_event_outbox} and the relay's lock row. SQL in resources/mapper/OutboxMapper.xml. */
@Mapper
public interface OutboxMapper {

  void insert(String eventId, String topic, String leadId, String eventType, int schemaVersion, Instant occurredAt,
      String payload, Instant createdAt);

  /**
   * Locks the relay's row for the rest of the transaction, or returns empty at once when another node
   * holds it (skip locked).
   */
  Optional<String> tryLock(String name);

  /** The oldest rows not yet shipped, in id order. */
  List<PendingEvent> findPending(int limit);

  void markPublished(List<Long> ids, Instant publishedAt);

  /** A row to ship: {@code payload} is the envelope JSON without its sequence. */
  record PendingEvent(Long id, String eventId, String topic, String leadId, String payload) {}
}
