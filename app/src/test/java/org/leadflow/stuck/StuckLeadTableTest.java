package org.leadflow.stuck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadflow.lead.LeadStage;
import org.leadflow.rules.DecisionTableTest;
import org.leadflow.rules.InvalidRuleException;
import org.leadflow.rules.RuleValidator;

/** Every row of processes/stuck-lead.dmn, read as the scan reads it (StuckLeadRule), and its contract. */
@Deployment(resources = "processes/stuck-lead.dmn")
class StuckLeadTableTest extends DecisionTableTest {

  private StuckLeadRule rule(int speedUp) {
    return new StuckLeadRule(rules(), new StuckLeadProperties(null, null, speedUp));
  }

  @ParameterizedTest(name = "{0}/{1} -> {2} {3}")
  @CsvSource(nullValues = "null", value = {
      "OPPORTUNITY, TOP,    Rule_OpportunityTop,      P14D,  undecided or neglected",
      "OPPORTUNITY, MIDDLE, Rule_OpportunityMiddle,   P21D,  torn between options or lost to a competitor",
      "OPPORTUNITY, BOTTOM, Rule_OpportunityBottom,   P30D,  'internal blockers: budget, approval'",
      "OPPORTUNITY, null,   Rule_OpportunityUnplaced, P14D,  undecided or neglected (no funnel position set)",
      "CAPTURED,    null,   Rule_Captured,            P1D,   intake stalled: validation or scoring did not finish",
      "MQL,         null,   Rule_Mql,                 P3D,   no SDR working it: desk overloaded or lead overlooked",
      "SQL,         null,   Rule_Sql,                 P4D,   hand-off not taken up by sales",
      "SAL,         TOP,    Rule_Sal,                 P7D,   accepted but not worked: no contact or no decision after it",
      "RECYCLED,    null,   Rule_Recycled,            P7D,   returned to marketing but not re-nurtured",
      "NURTURING,   null,   Rule_Nurturing,           P180D, not engaging with nurture content"})
  void eachStageAndPositionHasItsLimitAndLikelyCause(LeadStage stage, String position, String ruleId,
      String maxDwell, String cause) {
    StuckLimit limit = rule(1).limit(stage, position);

    assertThat(limit.ruleRef()).isEqualTo("stuck-lead:v1/" + ruleId);
    assertThat(limit.maxDwell()).isEqualTo(Duration.parse(maxDwell));
    assertThat(limit.likelyCause()).isEqualTo(cause);
  }

  @Test
  void aStageTheTableDoesNotNameFallsToTheCatchAll() {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(StuckLeadRule.STAGE, "UNDER_REVIEW");
    inputs.put(StuckLeadRule.FUNNEL_POSITION, null);

    StuckLimit limit = StuckLimit.of(evaluate(StuckLeadRule.DECISION, inputs));

    assertThat(limit.ruleRef()).isEqualTo("stuck-lead:v1/Rule_OtherOpenStage");
    assertThat(limit.maxDwell()).isEqualTo(Duration.ofDays(14));
    assertThat(limit.likelyCause()).isEqualTo("no one is working the lead");
  }

  @ParameterizedTest
  @EnumSource(value = LeadStage.class, names = {"INVALID", "WON", "LOST", "DISQUALIFIED", "DORMANT"})
  void finalStagesAreNeverStuck(LeadStage stage) {
    assertThatThrownBy(() -> rule(1).limit(stage, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never stuck");
  }

  @Test
  void theSpeedUpTurnsDaysIntoMinutesForDemos() {
    assertThat(rule(1440).limit(LeadStage.OPPORTUNITY, "MIDDLE").maxDwell()).isEqualTo(Duration.ofMinutes(21));
    assertThat(rule(1440).limit(LeadStage.CAPTURED, null).maxDwell()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void theShippedTablePassesItsOwnValidation() throws Exception {
    validator().validate(StuckLeadRule.DECISION, shipped().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEditWithoutACatchAllIsRefused() throws Exception {
    String withoutCatchAll = shipped().replaceAll("(?s)<rule id=\"Rule_OtherOpenStage\">.*?</rule>", "");

    assertThatThrownBy(() -> validator().validate(StuckLeadRule.DECISION,
        withoutCatchAll.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRuleException.class).hasMessageContaining("no rule of stuck-lead");
  }

  @Test
  void anEditWhoseDwellIsNotADurationIsRefused() throws Exception {
    String weeks = shipped().replace("<text>\"P21D\"</text>", "<text>\"three weeks\"</text>");

    assertThatThrownBy(() -> validator().validate(StuckLeadRule.DECISION, weeks.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("Rule_OpportunityMiddle gives maxDwell 'three weeks'");
  }

  private RuleValidator validator() {
    return new RuleValidator(rules(), engine.getRepositoryService(), List.of(new StuckLeadContract()));
  }

  private static String shipped() throws Exception {
    try (InputStream xml = StuckLeadTableTest.class.getClassLoader().getResourceAsStream("processes/stuck-lead.dmn")) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
