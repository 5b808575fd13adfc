package org.leadflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.config.LeadProperties;
import org.leadflow.config.SlaPolicyProperties;
import org.leadflow.rules.InvalidRuleException;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleValidator;

/** Every row of processes/sla-policy.dmn, and SlaPolicy's schedules from it. */
@Deployment(resources = TestSlaPolicies.TABLE)
class SlaPolicyDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  private static final SlaFacts HOT_HAND_RAISER = new SlaFacts("web-form", "DEMO_REQUEST", 85, "EMEA");
  private static final SlaFacts HAND_RAISER = new SlaFacts("sem", "DEMO_REQUEST", 79, null);
  private static final SlaFacts REFERRAL = new SlaFacts("partner", "EVENT_SIGNUP", 60, "APAC");
  private static final SlaFacts HOT_IMPORT = new SlaFacts("import", "INQUIRY", 80, "APAC");
  private static final SlaFacts APAC = new SlaFacts("web-form", "INQUIRY", 65, "APAC");
  private static final SlaFacts IMPORT = new SlaFacts("import", "CONTENT_DOWNLOAD", 62, "EMEA");
  private static final SlaFacts STANDARD = new SlaFacts("web-form", "INQUIRY", 79, "EMEA");
  private static final SlaFacts UNKNOWN = new SlaFacts(null, null, null, null);

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private RuleBook rules() {
    return new RuleBook(engine.getRepositoryService(), Clock.systemUTC(), Duration.ZERO);
  }

  static Stream<Arguments> rows() {
    List<Arguments> rows = new ArrayList<>();
    for (var sla : List.of(Map.entry(SlaType.SDR_CALL_ATTEMPT, "Call"), Map.entry(SlaType.SALES_ACCEPT, "Accept"),
        Map.entry(SlaType.SALES_FIRST_CONTACT, "Contact"))) {
      String p = sla.getValue();
      rows.add(Arguments.of(sla.getKey(), HOT_HAND_RAISER, "Rule_" + p + "HotHandRaiser"));
      rows.add(Arguments.of(sla.getKey(), HAND_RAISER, "Rule_" + p + "HandRaiser"));
      rows.add(Arguments.of(sla.getKey(), REFERRAL, "Rule_" + p + "Referral"));
      rows.add(Arguments.of(sla.getKey(), HOT_IMPORT, "Rule_" + p + "HotLead"));
      rows.add(Arguments.of(sla.getKey(), APAC, "Rule_" + p + "Apac"));
      rows.add(Arguments.of(sla.getKey(), IMPORT, "Rule_" + p + "ImportedList"));
      rows.add(Arguments.of(sla.getKey(), STANDARD, "Rule_" + p + "Default"));
      rows.add(Arguments.of(sla.getKey(), UNKNOWN, "Rule_" + p + "Default"));
    }
    rows.add(Arguments.of(SlaType.OPPORTUNITY_FOLLOW_UP, APAC, "Rule_FollowUpApac"));
    rows.add(Arguments.of(SlaType.OPPORTUNITY_FOLLOW_UP, HOT_HAND_RAISER, "Rule_FollowUpDefault"));
    rows.add(Arguments.of(SlaType.OPPORTUNITY_FOLLOW_UP, UNKNOWN, "Rule_FollowUpDefault"));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("rows")
  void theFirstMatchingRowOfTheSlaDecidesEveryTierInOrder(SlaType type, SlaFacts facts, String rule) {
    RuleDecision decision = rules().evaluate(SlaPolicy.DECISION, facts.inputs(type));

    SlaTerms terms = SlaTerms.of(decision);
    assertThat(terms.ruleRef()).isEqualTo("sla-policy:v1/" + rule);
    assertThat(terms.ruleNote()).isNotBlank();
    assertThat(terms.remindAfter()).isLessThan(terms.dueAfter());
    assertThat(terms.escalateAfter()).isGreaterThanOrEqualTo(terms.dueAfter());
    assertThat(terms.reassignAfter()).isGreaterThan(terms.escalateAfter());
    assertThat(terms.recycleAfter()).isGreaterThan(terms.reassignAfter());
  }

  @Test
  void theRowsGiveTheDurationsTheProcessTestsExpect() {
    for (SlaType type : SlaType.values()) {
      assertThat(SlaTerms.of(rules().evaluate(SlaPolicy.DECISION, TestSlaPolicies.STANDARD_LEAD.inputs(type))))
          .as("%s default", type).usingRecursiveComparison().ignoringFields("ruleNote")
          .isEqualTo(TestSlaPolicies.DEFAULT_ROWS.get(type));
    }
    TestSlaPolicies.HAND_RAISER_ROWS.forEach((type, expected) ->
        assertThat(SlaTerms.of(rules().evaluate(SlaPolicy.DECISION, TestSlaPolicies.HAND_RAISER.inputs(type))))
            .as("%s hand-raiser", type).usingRecursiveComparison().ignoringFields("ruleNote").isEqualTo(expected));
  }

  @Test
  void anSlaTheTableDoesNotNameGetsTheCatchAllRow() {
    Map<String, Object> inputs = new HashMap<>(STANDARD.inputs(SlaType.SALES_ACCEPT));
    inputs.put("sla", "SOME_NEW_SLA");

    assertThat(SlaTerms.of(rules().evaluate(SlaPolicy.DECISION, inputs)).ruleRef())
        .isEqualTo("sla-policy:v1/Rule_OtherSla");
  }

  @Test
  void everyRowOfTheTableIsCoveredByTheRowsAbove() {
    List<String> covered = new ArrayList<>(rows().map(arguments -> (String) arguments.get()[2]).distinct().toList());
    covered.add("Rule_OtherSla");

    assertThat(covered).hasSize(24);
  }

  @Test
  void theShippedTablePassesItsOwnValidation() throws Exception {
    new RuleValidator(rules(), engine.getRepositoryService(), List.of(new SlaPolicyContract()))
        .validate(SlaPolicy.DECISION, shippedTable().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTableWhoseTiersAreOutOfOrderIsRefusedNamingTheRow() throws Exception {
    String broken = shippedTable().replace(
        "<outputEntry id=\"LiteralExpression_AcceptDefaultRemindAfter\"><text>\"PT4H\"</text>",
        "<outputEntry id=\"LiteralExpression_AcceptDefaultRemindAfter\"><text>\"PT9H\"</text>");

    assertThatThrownBy(() -> new RuleValidator(rules(), engine.getRepositoryService(),
        List.of(new SlaPolicyContract())).validate(SlaPolicy.DECISION, broken.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("Rule_AcceptDefault")
        .hasMessageContaining("remindAfter PT9H must be shorter than dueAfter PT8H");
  }

  @Test
  void theScheduleCountsEachTierInTheOwnersCalendarFromOneStart() {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-12-04T15:00:00Z")));
    List<String> asked = new ArrayList<>();
    BusinessTime oneHourPerCall = new BusinessTime() {
      @Override
      public Instant plus(String teamId, Instant start, Duration workingTime) {
        asked.add(teamId + " " + workingTime);
        return start.plus(workingTime).plus(Duration.ofDays(2)); // e.g. a weekend in between
      }

      @Override
      public Duration between(String teamId, Instant from, Instant to) {
        return Duration.between(from, to);
      }
    };
    SlaPolicy policy = new SlaPolicy(rules(),
        leadId -> new SlaPolicy.Subject(TestSlaPolicies.HAND_RAISER, "leo", "sales-north"),
        (leadId, type) -> Optional.empty(), oneHourPerCall, TestSlaPolicies.ENGINE_CLOCK, LeadProperties.defaults(),
        SlaPolicyProperties.defaults());

    SlaSchedule schedule = policy.schedule("lead-1", SlaType.SALES_ACCEPT);

    assertThat(schedule.startedAt()).isEqualTo(Instant.parse("2026-12-04T15:00:00Z"));
    assertThat(schedule.ownerId()).isEqualTo("leo");
    assertThat(schedule.teamId()).isEqualTo("sales-north");
    assertThat(schedule.remindAt()).isEqualTo(Instant.parse("2026-12-06T17:00:00Z"));
    assertThat(schedule.dueAt()).isEqualTo(Instant.parse("2026-12-06T19:00:00Z"));
    assertThat(schedule.escalateAt()).isEqualTo(Instant.parse("2026-12-06T21:00:00Z"));
    assertThat(schedule.reassignAt()).isEqualTo(Instant.parse("2026-12-06T23:00:00Z"));
    assertThat(schedule.recycleAt()).isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
    assertThat(asked).allMatch(call -> call.startsWith("sales-north "));
    assertThat(policy.dueAt("lead-1", "SALES_ACCEPT")).isEqualTo(java.util.Date.from(schedule.dueAt()));
    assertThat(policy.managerReviewDue("lead-1"))
        .isEqualTo(java.util.Date.from(Instant.parse("2026-12-06T19:00:00Z")));
  }

  @Test
  void afterAReassignmentTheRecycleTierKeepsTheFirstOwnersInstant() {
    Instant firstOwnersRecycle = Instant.parse("2026-12-10T12:00:00Z");
    SlaPolicy policy = new SlaPolicy(rules(),
        leadId -> new SlaPolicy.Subject(TestSlaPolicies.STANDARD_LEAD, "lena", "sales-north"),
        (leadId, type) -> type == SlaType.SALES_ACCEPT ? Optional.of(firstOwnersRecycle) : Optional.empty(),
        TestSlaPolicies.AROUND_THE_CLOCK, TestSlaPolicies.ENGINE_CLOCK, LeadProperties.defaults(),
        SlaPolicyProperties.defaults());

    assertThat(policy.schedule("lead-1", SlaType.SALES_ACCEPT).recycleAt()).isEqualTo(firstOwnersRecycle);
    assertThat(policy.schedule("lead-1", SlaType.SALES_FIRST_CONTACT).recycleAt()).isNotEqualTo(firstOwnersRecycle);
  }

  @Test
  void theFastSlaSpeedUpDividesEveryDurationOfTheTable() {
    SlaPolicy policy = new SlaPolicy(rules(),
        leadId -> new SlaPolicy.Subject(TestSlaPolicies.STANDARD_LEAD, null, null), (leadId, type) -> Optional.empty(),
        TestSlaPolicies.AROUND_THE_CLOCK, TestSlaPolicies.ENGINE_CLOCK, LeadProperties.defaults(),
        new SlaPolicyProperties(60));

    SlaTerms terms = policy.terms("lead-2", SlaType.SALES_ACCEPT);

    assertThat(terms.remindAfter()).isEqualTo(Duration.ofMinutes(4));
    assertThat(terms.dueAfter()).isEqualTo(Duration.ofMinutes(8));
    assertThat(terms.recycleAfter()).isEqualTo(Duration.ofMinutes(40));
    assertThat(terms.ruleRef()).isEqualTo("sla-policy:v1/Rule_AcceptDefault");
  }

  @Test
  void leadFactsAreNormalisedForTheTable() {
    SlaFacts facts = new SlaFacts("web-form", "INQUIRY", 61, "APAC");

    assertThat(facts.inputs(SlaType.SALES_FIRST_CONTACT)).isEqualTo(Map.of("sla", "SALES_FIRST_CONTACT",
        "channel", "web-form", "intent", "INQUIRY", "score", 61, "region", "APAC"));
  }

  private String shippedTable() throws Exception {
    return new String(getClass().getClassLoader().getResourceAsStream(TestSlaPolicies.TABLE).readAllBytes(),
        StandardCharsets.UTF_8);
  }
}
