package org.leadflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deploying through the rules API, and what the next restarts do to it. A restart is played as the
 * starter plays it: one deployment named SpringAutoDeployment of every model file, with duplicate
 * filtering against the previous deployment of that name (SpringTransactionsProcessEngineConfiguration
 * with deployChangedOnly false).
 */
class RulesServiceTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  private static final String KEY = "sla-policy";
  private static final String FILE = "processes/sla-policy.dmn";
  private static final String OTHER_FILE = "processes/other.dmn";

  private final InMemoryAudit audit = new InMemoryAudit();
  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  private RulesService service() {
    RepositoryService repository = engine.getRepositoryService();
    RuleBook rules = new RuleBook(repository, Clock.systemUTC(), Duration.ZERO);
    return new RulesService(repository, rules, new RuleValidator(rules, repository, List.of()), audit,
        Clock.fixed(Instant.parse("2025-03-03T09:00:00Z"), ZoneOffset.UTC));
  }

  private void startApp(String slaPolicy, String otherFile) {
    Deployment deployment = engine.getRepositoryService().createDeployment().name(RulesService.AUTO_DEPLOYMENT)
        .enableDuplicateFiltering(false)
        .addString(FILE, slaPolicy)
        .addString(OTHER_FILE, otherFile)
        .deploy();
    deployments.add(deployment.getId());
    service().restoreApiEditsAfterAutoDeployment();
  }

  private static String shipped() throws IOException {
    try (InputStream xml = RulesServiceTest.class.getClassLoader().getResourceAsStream(FILE)) {
      return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String acceptDueAfter(String xml, String duration) {
    return xml.replace("<outputEntry id=\"LiteralExpression_AcceptDefaultDueAfter\"><text>\"PT8H\"</text>",
        "<outputEntry id=\"LiteralExpression_AcceptDefaultDueAfter\"><text>\"" + duration + "\"</text>");
  }

  private static String other(String version) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                     id="Definitions_Other" name="Other" namespace="https://leadflow.org/dmn/test">
          <decision id="other" name="Other %s" camunda:historyTimeToLive="P180D">
            <decisionTable id="DecisionTable_Other">
              <output id="Output_X" name="x" typeRef="string"/>
              <rule id="Rule_Any"><outputEntry id="O1"><text>"x"</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(version).strip();
  }

  private String decidedAcceptDueAfter() {
    RuleBook rules = new RuleBook(engine.getRepositoryService(), Clock.systemUTC(), Duration.ZERO);
    return rules.evaluate(KEY, java.util.Map.of("sla", "SALES_ACCEPT")).single().string("dueAfter");
  }

  @Test
  void anEditIsDeployedAsTheNextVersionWithWhoAndWhy() throws IOException {
    startApp(shipped(), other("1"));

    RulesService.RuleVersion deployed = service().deploy(KEY, acceptDueAfter(shipped(), "PT6H"), "accept faster", "paul");

    assertThat(deployed.version()).isEqualTo(2);
    assertThat(deployed.deploymentName()).isEqualTo("rules:sla-policy");
    assertThat(deployed.source()).isEqualTo("leadflow-rules-api");
    assertThat(deployed.deployedBy()).isEqualTo("paul");
    assertThat(deployed.changeNote()).isEqualTo("accept faster");
    assertThat(decidedAcceptDueAfter()).isEqualTo("PT6H");
    assertThat(service().list()).extracting(RulesService.RuleVersion::key, RulesService.RuleVersion::version)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("other", 1), org.assertj.core.groups.Tuple.tuple(KEY, 2));
    assertThat(service().xml(KEY)).contains("\"PT6H\"");
  }

  @Test
  void aRejectedEditDeploysNothing() throws IOException {
    startApp(shipped(), other("1"));

    assertThatThrownBy(() -> service().deploy(KEY, shipped().replace("hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\""),
        "unique now", "paul")).isInstanceOf(InvalidRuleException.class);

    assertThat(service().get(KEY).version()).isEqualTo(1);
    assertThat(audit.rows).isEmpty();
    assertThat(decidedAcceptDueAfter()).isEqualTo("PT8H");
  }

  @Test
  void anUnknownDecisionCannotBeCreatedThroughTheApi() throws IOException {
    startApp(shipped(), other("1"));

    assertThatThrownBy(() -> service().deploy("lead-mood", shipped(), "new", "paul"))
        .isInstanceOf(UnknownRuleException.class);
  }

  @Test
  void anApiEditSurvivesRestartsAndTheFileWinsOnlyWhenTheFileItselfChanged() throws IOException {
    startApp(shipped(), other("1"));
    service().deploy(KEY, acceptDueAfter(shipped(), "PT6H"), "accept faster", "paul");

    // a restart with no model file changed: the starter deploys nothing
    startApp(shipped(), other("1"));
    assertThat(service().get(KEY).version()).isEqualTo(2);
    assertThat(decidedAcceptDueAfter()).isEqualTo("PT6H");

    // a restart after another file changed: the starter redeploys the unchanged table too (v3); the edit is restored (v4)
    startApp(shipped(), other("2"));
    RulesService.RuleVersion latest = service().get(KEY);
    assertThat(latest.version()).isEqualTo(4);
    assertThat(latest.deployedBy()).isEqualTo("leadflow");
    assertThat(latest.changeNote()).startsWith("restored v2 (accept faster)");
    assertThat(decidedAcceptDueAfter()).isEqualTo("PT6H");

    // and again after the next upgrade
    startApp(shipped(), other("3"));
    assertThat(service().get(KEY).version()).isEqualTo(6);
    assertThat(decidedAcceptDueAfter()).isEqualTo("PT6H");

    // a restart after the table file itself was edited: the file wins
    startApp(acceptDueAfter(shipped(), "PT5H"), other("3"));
    assertThat(service().get(KEY).version()).isEqualTo(7);
    assertThat(service().get(KEY).deploymentName()).isEqualTo(RulesService.AUTO_DEPLOYMENT);
    assertThat(decidedAcceptDueAfter()).isEqualTo("PT5H");
  }

  /** lead_rule_deployment in memory. */
  static class InMemoryAudit implements RuleDeploymentMapper {

    final List<Row> rows = new ArrayList<>();

    @Override
    public void insert(Row row) {
      rows.add(row);
    }

    @Override
    public Row findByDefinition(String definitionId) {
      return rows.stream().filter(row -> row.definitionId().equals(definitionId)).findFirst().orElse(null);
    }

    @Override
    public Row findLatest(String decisionKey) {
      return rows.stream().filter(row -> row.decisionKey().equals(decisionKey))
          .max(Comparator.comparingInt(Row::version)).orElse(null);
    }

    @Override
    public List<String> findKeys() {
      return rows.stream().map(Row::decisionKey).distinct().sorted().toList();
    }
  }
}
