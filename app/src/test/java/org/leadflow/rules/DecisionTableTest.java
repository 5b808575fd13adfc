package org.leadflow.rules;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the tests of a deployed decision table (name it with {@code @Deployment} on the subclass):
 * an in-memory engine, a RuleBook over it (from {@code @BeforeEach} on; not in field initialisers,
 * the engine is not there yet), and the rule coverage gate (every rule row must match in a test of
 * the class).
 */
public abstract class DecisionTableTest {

  /** One per test instance: a static extension in this base class would be shared by every subclass. */
  @RegisterExtension
  @Order(1)
  protected ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  @RegisterExtension
  @Order(2)
  protected static RuleCoverage coverage = new RuleCoverage();

  /** A RuleBook over the test engine that sees every new deployment at once and records matches for the gate. */
  protected RuleBook rules() {
    return new RuleBook(engine.getRepositoryService(), Clock.systemUTC(), Duration.ZERO) {
      @Override
      public RuleDecision evaluate(String decisionKey, Map<String, Object> inputs) {
        return coverage.record(super.evaluate(decisionKey, inputs));
      }
    };
  }

  protected RuleDecision evaluate(String decisionKey, Map<String, Object> inputs) {
    return rules().evaluate(decisionKey, inputs);
  }
}
