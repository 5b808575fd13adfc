package org.leadflow.bench.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leadflow.bench.LeadMix;

/**
 * The load generator of the intake benchmark, through the app's public Kafka doors only: leads of the
 * realistic mix ({@link LeadMix}) to {@code leads.captured}, with exact re-sends, malformed records and
 * engagement events in the given proportions, either as fast as the producer can or open-loop at a fixed
 * offered rate (sends are scheduled by the clock, not by the app's progress). Every record's produce
 * timestamp is the one it carries (CreateTime, set here). Also reads consumer-group lag and topic end
 * offsets from the broker, to see that everything produced was consumed.
 */
public final class IntakeTraffic implements AutoCloseable {

  public static final String CAPTURED = "leads.captured";
  public static final String CAPTURED_DLT = "leads.captured.DLT";
  public static final String ENGAGEMENT = "leads.engagement";

  /** What one run (one tag) sent. */
  public static final class Batch {
    public final LeadMix mix;
    final Map<String, Long> producedAtMs = new ConcurrentHashMap<>();   // first send of each distinct lead
    final Set<String> handRaisers = new HashSet<>();
    public final List<ObjectNode> leads = new ArrayList<>();
    public int duplicates;
    public int poison;
    public int events;
    long firstSendMs;
    long lastSendMs;

    Batch(LeadMix mix) {
      this.mix = mix;
    }

    public int distinct() {
      return leads.size();
    }
  }

  private final KafkaProducer<String, String> producer;
  private final Admin admin;
  private final Random random;
  private final double duplicateShare;
  private final double poisonShare;
  private final double eventsPerLead;
  final AtomicLong sendFailures = new AtomicLong();

  public IntakeTraffic(String bootstrap, long seed, double duplicateShare, double poisonShare, double eventsPerLead) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "leadflow-bench-intake-" + UUID.randomUUID());
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    this.random = new Random(seed);
    this.duplicateShare = duplicateShare;
    this.poisonShare = poisonShare;
    this.eventsPerLead = eventsPerLead;
  }

  public Batch batch(String tag) {
    return new Batch(new LeadMix(random, tag));
  }

  /** {@code count} leads (and their share of re-sends, poison and engagement) as fast as the producer takes them. */
  public Batch asFastAsPossible(String tag, int count) {
    Batch batch = batch(tag);
    for (int i = 0; i < count; i++) {
      emit(batch, i);
    }
    producer.flush();
    return batch;
  }

  /** Leads at {@code perSecond} for {@code seconds}, each send at its scheduled instant (open loop). */
  Batch atFixedRate(String tag, double perSecond, int seconds) {
    Batch batch = batch(tag);
    long count = Math.round(perSecond * seconds);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      long due = start + Math.round(i * 1e9 / perSecond);
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      emit(batch, i);
    }
    producer.flush();
    return batch;
  }

  private void emit(Batch batch, int i) {
    ObjectNode lead = batch.mix.lead(i);
    String key = LeadMix.key(lead);
    long now = send(CAPTURED, key, batch.mix.toJson(lead));
    if (i == 0) {
      batch.firstSendMs = now;
    }
    batch.lastSendMs = now;
    batch.producedAtMs.put(key, now);
    batch.leads.add(lead);
    if (LeadMix.HAND_RAISER_INTENT.equals(lead.path("intent").asText())) {
      batch.handRaisers.add(key);
    }
    if (random.nextDouble() < duplicateShare) {
      ObjectNode again = batch.leads.get(random.nextInt(batch.leads.size()));
      send(CAPTURED, LeadMix.key(again), batch.mix.toJson(again));
      batch.duplicates++;
    }
    if (random.nextDouble() < poisonShare) {
      send(CAPTURED, null, LeadMix.poison(batch.poison++));
    }
    if (random.nextDouble() < eventsPerLead) {
      String email = batch.leads.get(random.nextInt(batch.leads.size())).path("email").asText();
      ObjectNode event = batch.mix.engagement(batch.events++, email);
      send(ENGAGEMENT, event.path("email").asText(), batch.mix.toJson(event));
    }
  }

  /** One engagement event of {@code email} (its key), with its own event id; {@code twice} sends it again. */
  public void engagement(Batch batch, String email, boolean twice) {
    ObjectNode event = batch.mix.engagement(batch.events++, email);
    event.put("email", email);
    String value = batch.mix.toJson(event);
    send(ENGAGEMENT, email, value);
    if (twice) {
      send(ENGAGEMENT, email, value);
    }
  }

  public void flush() {
    producer.flush();
  }

  /** Exactly {@code count} malformed records (each must end in the dead-letter topic). */
  public void poison(Batch batch, int count) {
    for (int i = 0; i < count; i++) {
      send(CAPTURED, null, LeadMix.poison(batch.poison++));
    }
    producer.flush();
  }

  private long send(String topic, String key, String value) {
    long now = System.currentTimeMillis();
    producer.send(new ProducerRecord<>(topic, null, now, key, value), (metadata, failure) -> {
      if (failure != null) {
        sendFailures.incrementAndGet();
      }
    });
    return now;
  }

  /** Records of {@code topic} the consumer group has not committed yet (-1 while it has committed nothing). */
  public long lag(String group, String topic) throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
        .partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> ends = endOffsets(topic);
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      OffsetAndMetadata offset = committed.get(end.getKey());
      if (offset == null && end.getValue() > 0) {
        return -1;
      }
      lag += end.getValue() - (offset == null ? 0 : offset.offset());
    }
    return lag;
  }

  /** The number of records ever written to {@code topic} (sum of its partitions' end offsets). */
  public long records(String topic) throws ExecutionException, InterruptedException {
    return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
  }

  private Map<TopicPartition, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
    int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> ends = new LinkedHashMap<>();
    admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
  }
}
