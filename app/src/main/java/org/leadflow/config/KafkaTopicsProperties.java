package org.leadflow.config;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * leadflow on Kafka, bound from {@code lead.kafka.*}: topic names, partitions, listener concurrency,
 * the in-process broker of the default run and the outbox relay. Defaults live here only.
 */
@ConfigurationProperties("lead.kafka")
public record KafkaTopicsProperties(Topics topics, Integer partitions, Short replicationFactor, Broker broker,
    Listener intake, Listener engagement, Outbox outbox) {

  public KafkaTopicsProperties {
    topics = Objects.requireNonNullElseGet(topics, () -> new Topics(null, null, null, null));
    partitions = or(partitions, 3);
    replicationFactor = or(replicationFactor, (short) 1);
    broker = Objects.requireNonNullElseGet(broker, () -> new Broker(null, null, null, null));
    intake = Objects.requireNonNullElseGet(intake, () -> new Listener(3, null));
    engagement = Objects.requireNonNullElseGet(engagement, () -> new Listener(null, null));
    outbox = Objects.requireNonNullElseGet(outbox, () -> new Outbox(null, null, null));
  }

  /** Everything at its default: for tests and tools. */
  public static KafkaTopicsProperties defaults() {
    return new KafkaTopicsProperties(null, null, null, null, null, null, null);
  }

  /** Topic names; each inbound topic has a dead-letter topic named {@code <topic>.DLT}. */
  public record Topics(String captured, String engagement, String lifecycle, String digest) {
    public Topics {
      captured = or(captured, "leads.captured");
      engagement = or(engagement, "leads.engagement");
      lifecycle = or(lifecycle, "leads.lifecycle");
      digest = or(digest, "leads.digest");
    }

    public static String deadLetterOf(String topic) {
      return topic + ".DLT";
    }
  }

  /**
   * The in-process Apache Kafka broker (KRaft, broker and controller in one node) of the default run.
   * Off in the mysql and prod profiles, which use {@code KAFKA_BOOTSTRAP_SERVERS}.
   *
   * @param port the client port on 127.0.0.1 (0: a free one, for tests)
   * @param controllerPort the KRaft controller port on 127.0.0.1 (0: a free one)
   * @param dataDir log directory; the broker keeps its data across restarts, like the H2 file
   */
  public record Broker(Boolean enabled, Integer port, Integer controllerPort, String dataDir) {
    public Broker {
      enabled = or(enabled, false);
      port = or(port, 9092);
      controllerPort = or(controllerPort, 0);
      dataDir = or(dataDir, "./data/kafka");
    }
  }

  /**
   * A listener: how many consumers this node runs (at most the partition count is useful; the listener
   * annotations read the same property, with the same defaults: 3 for intake, 1 for engagement), and how
   * large one record may be before it is dead-lettered as oversized. The intake listener's annotation also
   * reads {@code lead.kafka.intake.batch-size} (default 1): records per poll, captured in one transaction.
   */
  public record Listener(Integer concurrency, Integer maxRecordBytes) {
    public Listener {
      concurrency = or(concurrency, 1);
      maxRecordBytes = or(maxRecordBytes, 64 * 1024);
    }
  }

  /** The relay that ships {@code lead_event_outbox} rows to Kafka after their transaction committed. */
  public record Outbox(Boolean enabled, Duration pollInterval, Integer batchSize) {
    public Outbox {
      enabled = or(enabled, true);
      pollInterval = or(pollInterval, Duration.ofMillis(200));
      batchSize = or(batchSize, 500);
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
