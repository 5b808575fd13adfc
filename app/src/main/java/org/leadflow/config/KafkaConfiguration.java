package org.leadflow.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.leadflow.capture.FieldError;
import org.leadflow.events.InProcessKafkaBroker;
import org.leadflow.events.PoisonRecordException;
import org.leadflow.events.TransientFailures;
import org.leadflow.ops.LeadflowMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka for every profile: the topics, and what happens to an inbound record that fails.
 * <ul>
 *   <li>poison (not JSON, wrong types, bad fields, too large): at once to {@code <topic>.DLT}, the
 *       original value with headers {@value #ERROR_REASON_HEADER} (one line), {@value #ERROR_FIELDS_HEADER}
 *       (JSON array of field errors) and Spring's
 *       {@code kafka_dlt-exception-*} headers; the partition moves on;
 *   <li>transient (database unavailable, optimistic locking): retried with exponential back-off for as
 *       long as it takes, never skipped;
 *   <li>anything else (a bug): {@value #BUG_RETRIES} more tries, then the DLT with the reason.
 * </ul>
 * Offsets are committed per record after the listener returned, that is after its transaction committed.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

  private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

  static final String ERROR_REASON_HEADER = "leadflow-error-reason";
  static final String ERROR_FIELDS_HEADER = "leadflow-error-fields";
  static final long BUG_RETRIES = 2;

  /**
   * Starts booting the in-process broker before any ordinary bean exists, so that it comes up while
   * the engine starts (a bean factory post-processor runs first); registered as the bean
   * {@code inProcessKafkaBroker}, whose lifecycle start waits for it.
   */
  @Bean
  @ConditionalOnProperty(name = "lead.kafka.broker.enabled", havingValue = "true")
  static BeanFactoryPostProcessor inProcessKafkaBrokerStarter(Environment environment) {
    return beanFactory -> {
      KafkaTopicsProperties properties = Binder.get(environment)
          .bind("lead.kafka", KafkaTopicsProperties.class)
          .orElseGet(KafkaTopicsProperties::defaults);
      InProcessKafkaBroker broker = new InProcessKafkaBroker(properties);
      beanFactory.registerSingleton("inProcessKafkaBroker", broker);
      if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
        registry.registerDisposableBean("inProcessKafkaBroker", broker);   // also stopped if start-up fails
      }
    };
  }

  @Bean
  KafkaAdmin.NewTopics leadTopics(KafkaTopicsProperties properties) {
    KafkaTopicsProperties.Topics topics = properties.topics();
    List<NewTopic> all = List.of(topics.captured(), KafkaTopicsProperties.Topics.deadLetterOf(topics.captured()),
            topics.engagement(), KafkaTopicsProperties.Topics.deadLetterOf(topics.engagement()),
            topics.lifecycle(), topics.digest()).stream()
        .map(name -> TopicBuilder.name(name).partitions(properties.partitions())
            .replicas(properties.replicationFactor()).build())
        .toList();
    return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
  }

  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template, ObjectMapper json, LeadflowMetrics metrics) {
    DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
        // no partition: the DLT's own partitioner places it by key, whatever its partition count
        (record, failure) -> new TopicPartition(KafkaTopicsProperties.Topics.deadLetterOf(record.topic()), -1));
    deadLetters.setHeadersFunction((record, failure) -> {
      List<FieldError> errors = poison(failure) instanceof PoisonRecordException p ? p.errors() : List.of();
      RecordHeaders headers = new RecordHeaders();
      headers.add(new RecordHeader(ERROR_REASON_HEADER, rootMessage(failure).getBytes(StandardCharsets.UTF_8)));
      headers.add(new RecordHeader(ERROR_FIELDS_HEADER, toJson(json, errors)));
      return headers;
    });
    DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
      log.warn("Dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(), record.offset(),
          record.key(), rootMessage(failure));
      deadLetters.accept(record, failure);
      metrics.deadLettered(record.topic());
    }, new FixedBackOff(1_000, BUG_RETRIES));
    handler.addNotRetryableExceptions(PoisonRecordException.class);
    handler.setCommitRecovered(true);   // a dead-lettered record is done: its offset is committed at once
    handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? untilItWorks() : null);
    handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
    return handler;
  }

  /** 0.5 s, 1 s, 2 s ... at most 10 s apart (well inside max.poll.interval), without end. */
  private static ExponentialBackOff untilItWorks() {
    ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
    backOff.setMaxInterval(10_000);
    return backOff;
  }

  private static Throwable poison(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PoisonRecordException) {
        return cause;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return failure;
  }

  private static String rootMessage(Throwable failure) {
    Throwable p = poison(failure);
    if (p instanceof PoisonRecordException) {
      return p.getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static byte[] toJson(ObjectMapper json, List<FieldError> errors) {
    try {
      return json.writeValueAsBytes(errors);
    } catch (JsonProcessingException e) {
      return "[]".getBytes(StandardCharsets.UTF_8);
    }
  }
}
