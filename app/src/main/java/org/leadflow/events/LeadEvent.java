package org.leadflow.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every event on {@code leads.lifecycle} (see docs/asyncapi.yaml).
 *
 * @param eventId unique per event; consumers deduplicate on it (delivery is at least once)
 * @param schemaVersion the version of {@code data}'s schema for this type
 * @param sequence the outbox row id: increases per lead in the order the facts happened; null until
 *     the relay ships the event
 * @param data the type's fields; never contact details
 */
public record LeadEvent(UUID eventId, LeadEventType type, int schemaVersion, String leadId, Instant occurredAt,
    Long sequence, JsonNode data) {

  public static final int SCHEMA_VERSION = 1;

  public static LeadEvent of(LeadEventType type, String leadId, Instant occurredAt, JsonNode data) {
    return new LeadEvent(UUID.randomUUID(), type, SCHEMA_VERSION, leadId, occurredAt, null, data);
  }

  /** An empty {@code data} object to {@code put} the type's fields into. */
  public static ObjectNode fields() {
    return JsonNodeFactory.instance.objectNode();
  }
}
