package org.leadflow.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadflow.process.LeadRouting;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleMatch;

/** Every row of processes/lead-routing.dmn, evaluated as routing does: through the RuleBook (hit policy FIRST). */
@Deployment(resources = "processes/lead-routing.dmn")
class LeadRoutingDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  private RuleDecision decide(String pool, String productInterest, String country) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(LeadRouting.Inputs.POOL, pool);
    inputs.put(LeadRouting.Inputs.PRODUCT_INTEREST, productInterest);
    inputs.put(LeadRouting.Inputs.COUNTRY, country);
    return new RuleBook(engine.getRepositoryService(), Clock.systemUTC(), Duration.ZERO)
        .evaluate(LeadRouting.DECISION, inputs);
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {4} by {3}")
  @CsvSource(nullValues = "null", value = {
      "SDR,   platform,      DE,   Rule_SdrDesk,            sdr-desk",
      "SDR,   null,          null, Rule_SdrDesk,            sdr-desk",
      "SALES, platform,      DE,   Rule_PlatformDeals,      sales-west",
      "SALES, data platform, US,   Rule_PlatformDeals,      sales-west",
      "SALES, analytics,     DE,   Rule_DachSales,          sales-north",
      "SALES, null,          AT,   Rule_DachSales,          sales-north",
      "SALES, null,          CH,   Rule_DachSales,          sales-north",
      "SALES, null,          FR,   Rule_WesternEuropeSales, sales-west",
      "SALES, analytics,     GB,   Rule_WesternEuropeSales, sales-west",
      "SALES, null,          IT,   Rule_WesternEuropeSales, sales-west",
      "SALES, analytics,     US,   Rule_OtherSales,         sales-north",
      "SALES, null,          null, Rule_OtherSales,         sales-north"})
  void eachLeadGoesToTheTeamOfTheFirstMatchingRow(String pool, String productInterest, String country,
      String rule, String team) {
    RuleMatch match = decide(pool, productInterest, country).single();

    assertThat(match.ruleId()).isEqualTo(rule);
    assertThat(match.string(LeadRouting.Outputs.TEAM_ID)).isEqualTo(team);
  }

  @Test
  void everyRowSaysInWordsWhatItMeans() {
    RuleDecision decision = decide("SALES", null, "DE");

    assertThat(decision.single().annotation()).isEqualTo("Leads from Germany, Austria and Switzerland go to Sales North.");
    assertThat(decision.ref(decision.single())).isEqualTo("lead-routing:v1/Rule_DachSales");
  }
}
