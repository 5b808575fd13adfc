package org.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.rules.DecisionTableTest;
import org.leadflow.rules.RuleMatch;

/** The deployed lead-sales-ready table ({@code processes/lead-sales-ready.dmn}); every rule row is hit by a test here. */
@Deployment(resources = "processes/lead-sales-ready.dmn")
class SalesReadyTableTest extends DecisionTableTest {

  private RuleMatch decide(int fit, int engagement, boolean handRaiser) {
    return evaluate("lead-sales-ready",
        LeadScoringService.salesReadyInputs(fit, engagement, handRaiser)).single();
  }

  @ParameterizedTest
  @CsvSource({"0, 0, true, Rule_HandRaiser, true", "30, 30, false, Rule_AtThreshold, true",
      "40, 59, false, Rule_AtThreshold, true", "30, 29, false, Rule_BelowThreshold, false",
      "-15, 5, false, Rule_BelowThreshold, false"})
  void decidesOnTheTotalOrAHandRaised(int fit, int engagement, boolean handRaiser, String rule, boolean salesReady) {
    RuleMatch match = decide(fit, engagement, handRaiser);
    assertThat(match.ruleId()).isEqualTo(rule);
    assertThat(match.bool("salesReady")).isEqualTo(salesReady);
    assertThat(match.integer("threshold")).isEqualTo(60);
  }

  @Test
  void everyRowReportsTheSameThreshold() {
    assertThat(List.of(decide(0, 0, true), decide(60, 0, false), decide(0, 0, false)))
        .extracting(match -> match.integer("threshold")).containsOnly(60);
  }
}
