package org.leadflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.config.LeadProperties;
import org.leadflow.config.SlaPolicyProperties;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleValidator;

/** Every row of processes/sla-policy.dmn, and SlaPolicy's reading and recording of it. */
@Deployment(resources = TestSlaPolicies.TABLE)
class SlaPolicyDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  private RuleBook rules() {
    return new RuleBook(engine.getRepositoryService(), Clock.systemUTC(), Duration.ZERO);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of(new SlaFacts("web-form", "DEMO_REQUEST", 85, "EMEA"), "Rule_HotHandRaiser",
            List.of("PT1H", "PT30M", "PT1H", "PT2H", "PT4H", "P2D")),
        Arguments.of(new SlaFacts("web-form", "DEMO_REQUEST", 80, "APAC"), "Rule_HotHandRaiser",
            List.of("PT1H", "PT30M", "PT1H", "PT2H", "PT4H", "P2D")),
        Arguments.of(new SlaFacts("sem", "DEMO_REQUEST", 79, null), "Rule_HandRaiser",
            List.of("PT2H", "PT1H", "PT2H", "PT4H", "PT8H", "P3D")),
        Arguments.of(new SlaFacts("referral", "INQUIRY", 60, "APAC"), "Rule_Referral",
            List.of("PT2H", "PT1H", "PT2H", "PT4H", "PT12H", "P3D")),
        Arguments.of(new SlaFacts("partner", "EVENT_SIGNUP", 95, null), "Rule_Referral",
            List.of("PT2H", "PT1H", "PT2H", "PT4H", "PT12H", "P3D")),
        Arguments.of(new SlaFacts("import", "INQUIRY", 80, "APAC"), "Rule_HotLead",
            List.of("PT2H", "PT1H", "PT3H", "PT6H", "PT12H", "P5D")),
        Arguments.of(new SlaFacts("web-form", "INQUIRY", 65, "APAC"), "Rule_Apac",
            List.of("PT8H", "PT4H", "PT8H", "PT16H", "PT48H", "P7D")),
        Arguments.of(new SlaFacts("import", "CONTENT_DOWNLOAD", 62, "EMEA"), "Rule_ImportedList",
            List.of("P1D", "PT4H", "PT8H", "PT24H", "P3D", "P14D")),
        Arguments.of(new SlaFacts("web-form", "INQUIRY", 79, "EMEA"), "Rule_Default",
            List.of("PT4H", "PT2H", "PT4H", "PT8H", "PT24H", "P7D")),
        Arguments.of(new SlaFacts(null, null, null, null), "Rule_Default",
            List.of("PT4H", "PT2H", "PT4H", "PT8H", "PT24H", "P7D")));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("rows")
  void theFirstMatchingRowDecidesEveryDuration(SlaFacts facts, String rule, List<String> durations) {
    RuleDecision decision = rules().evaluate(SlaPolicy.DECISION, facts.inputs());

    SlaTerms terms = SlaTerms.of(decision);
    assertThat(terms.ruleRef()).isEqualTo("sla-policy:v1/" + rule);
    assertThat(terms.ruleNote()).isNotBlank();
    assertThat(List.of(terms.sdrAttemptWithin(), terms.acceptReminderAfter(), terms.acceptEscalationAfter(),
        terms.acceptWithin(), terms.firstContactWithin(), terms.followUpEvery()))
        .containsExactlyElementsOf(durations.stream().map(Duration::parse).toList());
  }

  @Test
  void everyRowOfTheTableIsCoveredByTheRowsAbove() {
    assertThat(rows().map(arguments -> (String) arguments.get()[1]).distinct())
        .containsExactlyInAnyOrder("Rule_HotHandRaiser", "Rule_HandRaiser", "Rule_Referral", "Rule_HotLead",
            "Rule_Apac", "Rule_ImportedList", "Rule_Default");
  }

  @Test
  void theShippedTablePassesItsOwnValidation() throws Exception {
    byte[] xml = getClass().getClassLoader().getResourceAsStream(TestSlaPolicies.TABLE).readAllBytes();

    new RuleValidator(rules(), engine.getRepositoryService(), List.of(new SlaPolicyContract()))
        .validate(SlaPolicy.DECISION, xml);
  }

  @Test
  void thePolicyGivesTheTimersTheLeadsDurationsAndRecordsEachDecisionOnce() {
    List<String> recorded = new ArrayList<>();
    SlaPolicy policy = new SlaPolicy(rules(), leadId -> TestSlaPolicies.HAND_RAISER,
        (leadId, facts, terms) -> recorded.add(leadId + " " + terms.ruleRef() + " " + facts.intent()),
        LeadProperties.defaults(), SlaPolicyProperties.defaults());

    assertThat(policy.sdrAttemptWithin("lead-1")).isEqualTo("PT2H");
    assertThat(policy.acceptReminderAfter("lead-1")).isEqualTo("PT1H");
    assertThat(policy.acceptEscalationAfter("lead-1")).isEqualTo("PT2H");
    assertThat(policy.acceptWithin("lead-1")).isEqualTo("PT4H");
    assertThat(policy.firstContactWithin("lead-1")).isEqualTo("PT8H");
    assertThat(policy.followUpEvery("lead-1")).isEqualTo("PT72H");
    assertThat(policy.managerReview()).isEqualTo("PT4H");
    assertThat(policy.winLossReview()).isEqualTo("PT120H");
    assertThat(recorded).hasSize(6).allMatch(line -> line.equals("lead-1 sla-policy:v1/Rule_HandRaiser DEMO_REQUEST"));
  }

  @Test
  void theFastSlaSpeedUpDividesEveryDurationOfTheTable() {
    SlaPolicy policy = new SlaPolicy(rules(), leadId -> TestSlaPolicies.STANDARD_LEAD, (leadId, facts, terms) -> { },
        LeadProperties.defaults(), new SlaPolicyProperties(60));

    SlaTerms terms = policy.terms("lead-2");

    assertThat(terms.acceptWithin()).isEqualTo(Duration.ofMinutes(8));
    assertThat(terms.firstContactWithin()).isEqualTo(Duration.ofMinutes(24));
    assertThat(terms.acceptReminderAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(terms.followUpEvery()).isEqualTo(Duration.ofMinutes(168));
    assertThat(terms.ruleRef()).isEqualTo("sla-policy:v1/Rule_Default");
  }

  @Test
  void leadFactsAreNormalisedForTheTable() {
    SlaFacts facts = new SlaFacts("web-form", "INQUIRY", 61, "APAC");

    assertThat(facts.inputs()).isEqualTo(Map.of("channel", "web-form", "intent", "INQUIRY", "score", 61, "region", "APAC"));
  }
}
