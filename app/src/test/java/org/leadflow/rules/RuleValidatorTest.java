package org.leadflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What RuleValidator rejects before a changed table is deployed, and that a good edit passes. */
@Deployment(resources = "processes/sla-policy.dmn")
class RuleValidatorTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  private static final String KEY = "sla-policy";

  /** The application's contract for sla-policy, as SlaPolicyContract states it (durations checked too). */
  private static final RuleContract SLA_CONTRACT = new RuleContract() {
    @Override
    public String decisionKey() {
      return KEY;
    }

    @Override
    public List<String> requiredOutputs() {
      return List.of("dueAfter");
    }

    @Override
    public Optional<String> check(RuleDecision decision) {
      if (decision.matches().isEmpty()) {
        return Optional.of("no rule of " + KEY + " matched; the table needs a catch-all row");
      }
      return Optional.empty();
    }
  };

  private RuleValidator validator() {
    RuleBook rules = new RuleBook(engine.getRepositoryService(), Clock.systemUTC(), Duration.ZERO);
    return new RuleValidator(rules, engine.getRepositoryService(), List.of(SLA_CONTRACT));
  }

  private static String shipped() throws IOException {
    try (InputStream xml = RuleValidatorTest.class.getClassLoader().getResourceAsStream("processes/sla-policy.dmn")) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private InvalidRuleException rejection(String xml) {
    return (InvalidRuleException) org.assertj.core.api.Assertions.catchThrowable(
        () -> validator().validate(KEY, xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aGoodEditIsAccepted() throws IOException {
    String edited = shipped().replace(
        "<outputEntry id=\"LiteralExpression_AcceptDefaultDueAfter\"><text>\"PT8H\"</text>",
        "<outputEntry id=\"LiteralExpression_AcceptDefaultDueAfter\"><text>\"PT6H\"</text>");
    assertThat(edited).isNotEqualTo(shipped());

    DmnModelInstance model = validator().validate(KEY, edited.getBytes(StandardCharsets.UTF_8));
    assertThat(model.getModelElementsByType(Decision.class)).extracting(Decision::getId).containsExactly(KEY);
  }

  @Test
  void aFileThatDoesNotParseIsRejected() throws IOException {
    String broken = shipped().substring(0, 600);

    InvalidRuleException rejected = rejection(broken);

    assertThat(rejected).isNotNull();
    assertThat(rejected.field()).isEqualTo("body");
    assertThat(rejected.getMessage()).contains("sla-policy is not a readable DMN file");
  }

  @Test
  void anExpressionLanguageOtherThanFeelIsRejectedBeforeAnythingIsEvaluated() throws IOException {
    String juel = shipped().replace("<inputExpression id=\"InputExpression_Sla\" typeRef=\"string\"><text>sla</text>",
        "<inputExpression id=\"InputExpression_Sla\" typeRef=\"string\" expressionLanguage=\"juel\">"
            + "<text>${identityService.createMembership('paul', 'camunda-admin')}</text>");
    String script = shipped().replace("<inputExpression id=\"InputExpression_Sla\" typeRef=\"string\">",
        "<inputExpression id=\"InputExpression_Sla\" typeRef=\"string\" expressionLanguage=\"groovy\">");
    String feel = shipped().replace("<inputExpression id=\"InputExpression_Sla\" typeRef=\"string\">",
        "<inputExpression id=\"InputExpression_Sla\" typeRef=\"string\" expressionLanguage=\"feel\">");

    assertThat(juel).contains("juel");
    for (String refused : List.of(juel, script)) {
      InvalidRuleException rejected = rejection(refused);
      assertThat(rejected.field()).isEqualTo("decision");
      assertThat(rejected.getMessage()).contains("InputExpression_Sla", "FEEL only");
    }
    validator().validate(KEY, feel.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFeelErrorInACellIsRejected() throws IOException {
    String broken = shipped().replace("<text>&gt;= 80</text>", "<text>&gt;=== 80</text>");

    InvalidRuleException rejected = rejection(broken);

    assertThat(rejected.field()).isEqualTo("decision");
    assertThat(rejected.getMessage()).contains("score");
  }

  @Test
  void aFileWithoutTheDecisionIsRejected() throws IOException {
    String renamed = shipped().replace("id=\"sla-policy\"", "id=\"sla-rules\"").replace("dmnElementRef=\"sla-policy\"",
        "dmnElementRef=\"sla-rules\"");

    InvalidRuleException rejected = rejection(renamed);

    assertThat(rejected.field()).isEqualTo("decision");
    assertThat(rejected.getMessage()).isEqualTo("the file has no decision 'sla-policy'; it has [sla-rules]");
  }

  @Test
  void aUniqueTableWithOverlappingRowsIsRejectedNamingTheRules() throws IOException {
    String unique = shipped().replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\"");

    InvalidRuleException rejected = rejection(unique);

    assertThat(rejected.field()).isEqualTo("decision");
    assertThat(rejected.getMessage()).contains("Hit policy 'UNIQUE' only allows a single rule to match")
        .contains("These rules match together: Rule_").contains("Rule_OtherSla.")
        .contains("— for inputs {").doesNotContain("outputEntries");
  }

  @Test
  void aMissingOutputThatTheApplicationReadsIsRejected() throws IOException {
    String renamed = shipped().replace("name=\"dueAfter\"", "name=\"dueLater\"");

    InvalidRuleException rejected = rejection(renamed);

    assertThat(rejected.field()).isEqualTo("decision");
    assertThat(rejected.getMessage()).isEqualTo("sla-policy must keep the outputs the application reads; missing: dueAfter");
  }

  @Test
  void anOutputOfTheDeployedVersionMayNotDisappearEither() throws IOException {
    String renamed = shipped().replace("name=\"recycleAfter\"", "name=\"recycleLater\"");

    InvalidRuleException rejected = rejection(renamed);

    assertThat(rejected.getMessage()).endsWith("missing: recycleAfter");
  }

  @Test
  void aTableWithoutCatchAllIsRejectedWithTheInputsNoRowMatches() throws IOException {
    String xml = shipped();
    String withoutCatchAll = xml.substring(0, xml.indexOf("      <rule id=\"Rule_OtherSla\">"))
        + xml.substring(xml.indexOf("    </decisionTable>"));

    InvalidRuleException rejected = rejection(withoutCatchAll);

    assertThat(rejected.getMessage()).startsWith("no rule of sla-policy matched").contains("\"zz-other\"");
  }

  @Test
  void aDecisionWithoutHistoryTimeToLiveIsRejectedBeforeTheEngineRefusesIt() throws IOException {
    String withoutTtl = shipped().replace(" camunda:historyTimeToLive=\"P180D\"", "");

    InvalidRuleException rejected = rejection(withoutTtl);

    assertThat(rejected.getMessage()).contains("camunda:historyTimeToLive");
  }

  @Test
  void samplesComeFromTheCellsWithNumericBoundariesNullAndAnUnknownValue() {
    assertThat(RuleValidator.samples("integer", List.of(">= 80", "[40..60)", "-")))
        .containsExactly(79, 80, 81, 39, 40, 41, 59, 60, 61, null);
    assertThat(RuleValidator.samples("string", List.of("\"referral\",\"partner\"", "not(\"import\")", "-")))
        .containsExactly("referral", "partner", "import", RuleValidator.OTHER, null);
    assertThat(RuleValidator.samples("boolean", List.of("true"))).containsExactly(true, false, null);
    assertThat(Arrays.asList(RuleValidator.samples("date", List.of("date(\"2025-01-01\")")).toArray()))
        .containsExactly((Object) null);
  }

  @Test
  void aSmallUniqueConflictNamesBothRules() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                     id="Definitions_Size" name="Size" namespace="https://leadflow.org/dmn/test">
          <decision id="sla-policy" name="Size" camunda:historyTimeToLive="P180D">
            <decisionTable id="DecisionTable_Size" hitPolicy="UNIQUE">
              <input id="Input_Size" label="Size"><inputExpression id="InputExpression_Size" typeRef="integer"><text>score</text></inputExpression></input>
              <output id="Output_DueAfter" name="dueAfter" typeRef="string"/>
              <output id="Output_RecycleAfter" name="recycleAfter" typeRef="string"/>
              <output id="Output_Others" name="remindAfter" typeRef="string"/>
              <output id="Output_A" name="escalateAfter" typeRef="string"/>
              <output id="Output_B" name="reassignAfter" typeRef="string"/>
              <output id="Output_C" name="note" typeRef="string"/>
              <rule id="Rule_Big"><inputEntry id="U1"><text>&gt;= 50</text></inputEntry>
                <outputEntry id="O1"><text>"PT1H"</text></outputEntry><outputEntry id="O2"><text>"P1D"</text></outputEntry>
                <outputEntry id="O3"><text>"PT1H"</text></outputEntry><outputEntry id="O4"><text>"PT1H"</text></outputEntry>
                <outputEntry id="O5"><text>"PT1H"</text></outputEntry><outputEntry id="O6"><text>"PT1H"</text></outputEntry></rule>
              <rule id="Rule_Small"><inputEntry id="U2"><text>&lt;= 50</text></inputEntry>
                <outputEntry id="P1"><text>"PT2H"</text></outputEntry><outputEntry id="P2"><text>"P1D"</text></outputEntry>
                <outputEntry id="P3"><text>"PT1H"</text></outputEntry><outputEntry id="P4"><text>"PT1H"</text></outputEntry>
                <outputEntry id="P5"><text>"PT1H"</text></outputEntry><outputEntry id="P6"><text>"PT1H"</text></outputEntry></rule>
              <rule id="Rule_None"><inputEntry id="U3"><text>null</text></inputEntry>
                <outputEntry id="Q1"><text>"PT2H"</text></outputEntry><outputEntry id="Q2"><text>"P1D"</text></outputEntry>
                <outputEntry id="Q3"><text>"PT1H"</text></outputEntry><outputEntry id="Q4"><text>"PT1H"</text></outputEntry>
                <outputEntry id="Q5"><text>"PT1H"</text></outputEntry><outputEntry id="Q6"><text>"PT1H"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.strip();

    InvalidRuleException rejected = rejection(xml);

    assertThat(rejected.getMessage()).contains("Rule_Big").contains("Rule_Small").contains("score=50");
  }
}
