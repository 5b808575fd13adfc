package org.leadflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "rules/rulebook-sample.dmn")
class RuleBookTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  private RuleBook rules() {
    return new RuleBook(engine.getRepositoryService(), Clock.systemUTC(), Duration.ZERO);
  }

  @Test
  void namesEveryMatchingRuleWithItsOutputsAndAnnotation() {
    RuleDecision decision = rules().evaluate("rulebook-sample", Map.of("companySize", 250));

    assertThat(decision.version()).isEqualTo(1);
    assertThat(decision.matches()).extracting(RuleMatch::ruleId).containsExactly("Rule_Large", "Rule_Any");
    RuleMatch large = decision.matches().get(0);
    assertThat(large.integer("points")).isEqualTo(15);
    assertThat(large.duration("within")).isEqualTo(Duration.ofHours(4));
    assertThat(large.annotation()).isEqualTo("large company");
    assertThat(decision.ref(large)).isEqualTo("rulebook-sample:v1/Rule_Large");
  }

  @Test
  void unknownDecisionIsAClearError() {
    assertThatThrownBy(() -> rules().evaluate("no-such-table", Map.of()))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("no decision 'no-such-table' is deployed");
  }

  @Test
  void aCandidateThatDoesNotParseIsRejected() {
    assertThatThrownBy(() -> rules().parseCandidate("rulebook-sample",
        new ByteArrayInputStream("<definitions/>".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("rulebook-sample");
  }
}
