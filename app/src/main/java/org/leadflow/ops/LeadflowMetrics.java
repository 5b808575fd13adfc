package org.leadflow.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.leadflow.sla.SlaTier;
import org.leadflow.sla.SlaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The counters leadflow adds to Micrometer ({@code /actuator/prometheus}), per node; sum them over nodes.
 * Each counts work that committed: a rolled-back capture or a timer job that failed and ran again is not
 * counted twice. Tags have a small, fixed set of values (never a lead's own data).
 * <ul>
 *   <li>{@code leadflow_leads_captured_total{outcome}}: submissions taken, by {@code CREATED},
 *       {@code ALREADY_CAPTURED} (a duplicate: the same source and external id), {@code ATTACHED_TO_OPEN_LEAD}
 *       (the same person again); the intake rate is {@code rate(...{outcome="CREATED"}[1m])};</li>
 *   <li>{@code leadflow_kafka_dead_letters_total{topic}}: records moved to the dead-letter topic of {@code topic};</li>
 *   <li>{@code leadflow_sla_tiers_total{type,tier}}: SLA tiers that fired (reminder, breach, escalation,
 *       reassignment, recycle); breaches are {@code tier="BREACH"}.</li>
 * </ul>
 * The gauges of open work are in {@link WorkBacklog}.
 */
@Component
public class LeadflowMetrics {

  private final MeterRegistry registry;

  public LeadflowMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A submission was taken with this outcome (call after its transaction committed). */
  public void captured(String outcome) {
    Counter.builder("leadflow.leads.captured").description("Lead submissions taken, by outcome")
        .tag("outcome", outcome).register(registry).increment();
  }

  /** A record of {@code topic} went to its dead-letter topic. */
  public void deadLettered(String topic) {
    Counter.builder("leadflow.kafka.dead.letters").description("Records moved to a dead-letter topic")
        .tag("topic", topic).register(registry).increment();
  }

  /** An SLA tier fired; counted when the current transaction commits (at once without one). */
  public void slaTierFired(SlaType type, SlaTier tier) {
    Runnable count = () -> Counter.builder("leadflow.sla.tiers").description("SLA tiers fired (BREACH = breaches)")
        .tag("type", type.name()).tag("tier", tier.name()).register(registry).increment();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          count.run();
        }
      });
    } else {
      count.run();
    }
  }
}
