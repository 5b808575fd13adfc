package org.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.rules.DecisionTableTest;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleMatch;

/** The deployed lead-fit-score table ({@code processes/lead-fit-score.dmn}); every rule row is hit by a test here. */
@Deployment(resources = "processes/lead-fit-score.dmn")
class FitScoreTableTest extends DecisionTableTest {

  private RuleDecision fit(String seniority, Integer companySize, String industry, String country,
      String productInterest, boolean completeContact) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("seniority", seniority);
    inputs.put("companySize", companySize);
    inputs.put("industry", industry);
    inputs.put("country", country);
    inputs.put("productInterest", productInterest);
    inputs.put("completeContact", completeContact);
    return evaluate("lead-fit-score", inputs);
  }

  private static int points(RuleDecision decision) {
    return decision.matches().stream().mapToInt(match -> match.integer("points")).sum();
  }

  @Test
  void aLeadWithNoFactsEarnsNothing() {
    RuleDecision decision = fit(null, null, null, null, null, false);
    assertThat(decision.matches()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"C_LEVEL, Rule_SeniorTitle, 20", "VP, Rule_SeniorTitle, 20", "DIRECTOR, Rule_SeniorTitle, 20",
      "MANAGER, Rule_ManagerTitle, 10"})
  void seniorityEarnsPoints(String seniority, String rule, int points) {
    RuleDecision decision = fit(seniority, null, null, null, null, false);
    assertThat(decision.matches()).extracting(RuleMatch::ruleId).containsExactly(rule);
    assertThat(points(decision)).isEqualTo(points);
    assertThat(decision.ref(decision.matches().get(0))).isEqualTo("lead-fit-score:v1/" + rule);
  }

  @Test
  void staffEarnsNoTitlePoints() {
    assertThat(fit("STAFF", null, null, null, null, false).matches()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"9, 0", "10, 5", "49, 5", "50, 10", "199, 10", "200, 15", "5000, 15"})
  void companySizeEarnsPointsByBand(int size, int points) {
    assertThat(points(fit(null, size, null, null, null, false))).isEqualTo(points);
  }

  @ParameterizedTest
  @CsvSource({"software, 10", "saas, 10", "it services, 10", "financial services, 10", "fintech, 10", "retail, 0"})
  void targetIndustriesEarnPoints(String industry, int points) {
    assertThat(points(fit(null, null, industry, null, null, false))).isEqualTo(points);
  }

  @ParameterizedTest
  @CsvSource({"DE, 0", "US, 0", "GB, 0", "BR, -15", "CN, -15"})
  void aCountryOutsideTheServedMarketsCostsPoints(String country, int points) {
    assertThat(points(fit(null, null, null, country, null, false))).isEqualTo(points);
  }

  @Test
  void productInterestAndACompleteContactEarnPoints() {
    RuleDecision decision = fit(null, null, null, null, "Lead Routing", true);
    assertThat(decision.matches()).extracting(RuleMatch::ruleId)
        .containsExactly("Rule_ProductInterest", "Rule_CompleteContact");
    assertThat(points(decision)).isEqualTo(15);
  }

  @Test
  void everyMatchingRuleAddsItsPointsWithItsDescription() {
    RuleDecision decision = fit("VP", 250, "software", "DE", "Routing", true);
    assertThat(decision.matches()).extracting(RuleMatch::ruleId).containsExactly("Rule_SeniorTitle",
        "Rule_LargeCompany", "Rule_TargetIndustry", "Rule_ProductInterest", "Rule_CompleteContact");
    assertThat(points(decision)).isEqualTo(20 + 15 + 10 + 10 + 5);
    assertThat(decision.matches()).allSatisfy(match -> assertThat(match.annotation()).isNotBlank());
  }
}
