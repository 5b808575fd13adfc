package org.leadflow.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The decision tables as process owners see them: list, read, and deploy a changed table after
 * {@link RuleValidator} accepted it, with an audit row ({@code lead_rule_deployment}: who, when, why).
 *
 * <p><b>Restarts.</b> The Camunda Spring Boot starter deploys {@code processes/*.dmn} (with the BPMN
 * and forms) as one deployment named {@value #AUTO_DEPLOYMENT}, with duplicate filtering against the
 * previous deployment <em>of that name</em>; the API deploys as {@code rules:<key>}. So:
 * <ul>
 *   <li>restart with no model file changed: nothing is deployed, the API's version stays the latest;
 *   <li>restart after any other model file changed (e.g. an upgrade): the starter redeploys every file,
 *       the unchanged {@code <key>.dmn} included, which would silently take the API edit back.
 *       {@link #restoreApiEditsAfterAutoDeployment()} (run at startup) notices that the newest
 *       version's content equals the file as it was before the API edit and deploys the API's
 *       version again, audited as deployed by {@value #RESTORER};
 *   <li>restart after {@code <key>.dmn} itself was edited: the file's version is the latest and
 *       stays (the file wins; the API edit should be copied into the file).
 * </ul>
 */
@Service
public class RulesService {

  public static final String SOURCE = "leadflow-rules-api";
  public static final String DEPLOYMENT_PREFIX = "rules:";
  /** The deployment name of the starter's auto-deployment (SpringProcessEngineConfiguration's default). */
  public static final String AUTO_DEPLOYMENT = "SpringAutoDeployment";
  static final String RESTORER = "leadflow";
  /** The longest change note stored. */
  public static final int MAX_NOTE = 1000;

  private static final Logger log = LoggerFactory.getLogger(RulesService.class);

  /** The latest version of a decision, where it came from and, if deployed through the API, who and why. */
  public record RuleVersion(String key, String name, int version, String definitionId, String deploymentId,
      String deploymentName, String source, Instant deployedAt, String deployedBy, String changeNote) {}

  private final RepositoryService repository;
  private final RuleBook rules;
  private final RuleValidator validator;
  private final RuleDeploymentMapper audit;
  private final Clock clock;

  public RulesService(RepositoryService repository, RuleBook rules, RuleValidator validator,
      RuleDeploymentMapper audit, Clock clock) {
    this.repository = repository;
    this.rules = rules;
    this.validator = validator;
    this.audit = audit;
    this.clock = clock;
  }

  /** The latest version of every deployed decision, by key. */
  @Transactional(readOnly = true)
  public List<RuleVersion> list() {
    return repository.createDecisionDefinitionQuery().latestVersion().withoutTenantId().list().stream()
        .sorted(Comparator.comparing(DecisionDefinition::getKey))
        .map(this::describe).toList();
  }

  @Transactional(readOnly = true)
  public RuleVersion get(String key) {
    return describe(latest(key).orElseThrow(() -> new UnknownRuleException(key)));
  }

  /** The DMN XML of the latest version. */
  @Transactional(readOnly = true)
  public String xml(String key) {
    return new String(read(latest(key).orElseThrow(() -> new UnknownRuleException(key))), StandardCharsets.UTF_8);
  }

  /**
   * Validates and deploys {@code xml} as the next version of {@code key}; running evaluations pick it
   * up after the commit. On any failure nothing is deployed and the current version keeps deciding.
   *
   * @throws UnknownRuleException if no such decision is deployed (new tables come as files)
   * @throws InvalidRuleException if the validator rejects the table
   */
  @Transactional
  public RuleVersion deploy(String key, String xml, String changeNote, String user) {
    DecisionDefinition current = latest(key).orElseThrow(() -> new UnknownRuleException(key));
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    validator.validate(key, bytes);
    return deployVersion(key, current.getResourceName(), bytes, user, changeNote);
  }

  /**
   * Deploys again the API's latest version of every table whose newest version is the starter's
   * redeployment of an unchanged file (see the class comment).
   *
   * @return the versions deployed now
   */
  @Transactional
  public List<RuleVersion> restoreApiEditsAfterAutoDeployment() {
    return audit.findKeys().stream().map(this::restoreIfRevertedByAutoDeployment).flatMap(Optional::stream).toList();
  }

  private Optional<RuleVersion> restoreIfRevertedByAutoDeployment(String key) {
    RuleDeploymentMapper.Row edit = audit.findLatest(key);
    DecisionDefinition newest = latest(key).orElse(null);
    if (edit == null || newest == null || newest.getVersion() <= edit.version()
        || !AUTO_DEPLOYMENT.equals(deploymentName(newest))) {
      return Optional.empty();
    }
    Optional<DecisionDefinition> fileBeforeEdit = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .withoutTenantId().list().stream()
        .filter(definition -> definition.getVersion() < edit.version())
        .filter(definition -> AUTO_DEPLOYMENT.equals(deploymentName(definition)))
        .max(Comparator.comparingInt(DecisionDefinition::getVersion));
    if (fileBeforeEdit.isEmpty() || !Arrays.equals(read(fileBeforeEdit.get()), read(newest))) {
      log.info("{} v{} from the changed file {} replaces the API's v{}", key, newest.getVersion(),
          newest.getResourceName(), edit.version());
      return Optional.empty();
    }
    DecisionDefinition edited = repository.getDecisionDefinition(edit.definitionId());
    log.warn("The auto-deployment redeployed the unchanged {} as v{}; deploying the API's v{} again", key,
        newest.getVersion(), edit.version());
    return Optional.of(deployVersion(key, edited.getResourceName(), read(edited), RESTORER,
        "restored v" + edit.version() + " (" + edit.changeNote() + ") after the auto-deployment redeployed the unchanged file as v"
            + newest.getVersion()));
  }

  private RuleVersion deployVersion(String key, String resourceName, byte[] xml, String user, String changeNote) {
    Deployment deployment;
    try {
      deployment = repository.createDeployment().name(DEPLOYMENT_PREFIX + key).source(SOURCE)
          .addString(resourceName, new String(xml, StandardCharsets.UTF_8)).deploy();
    } catch (ProcessEngineException refused) {
      throw new InvalidRuleException(key, "body", "the engine refused to deploy " + key + ": " + refused.getMessage());
    }
    DecisionDefinition deployed = repository.createDecisionDefinitionQuery().deploymentId(deployment.getId())
        .decisionDefinitionKey(key).singleResult();
    if (deployed == null) {
      throw new InvalidRuleException(key, "decision", "the deployment holds no decision '" + key + "'");
    }
    audit.insert(new RuleDeploymentMapper.Row(key, deployed.getVersion(), deployed.getId(), deployment.getId(), user,
        clock.instant(), changeNote.length() > MAX_NOTE ? changeNote.substring(0, MAX_NOTE) : changeNote));
    refreshAfterCommit();
    return describe(deployed);
  }

  private void refreshAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          rules.refresh();
        }
      });
    } else {
      rules.refresh();
    }
  }

  private Optional<DecisionDefinition> latest(String key) {
    return Optional.ofNullable(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
        .latestVersion().withoutTenantId().singleResult());
  }

  private RuleVersion describe(DecisionDefinition definition) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    RuleDeploymentMapper.Row edit = audit.findByDefinition(definition.getId());
    return new RuleVersion(definition.getKey(), definition.getName(), definition.getVersion(), definition.getId(),
        definition.getDeploymentId(), deployment.getName(), deployment.getSource(),
        deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant(),
        edit == null ? null : edit.deployedBy(), edit == null ? null : edit.changeNote());
  }

  private String deploymentName(DecisionDefinition definition) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return deployment == null ? null : deployment.getName();
  }

  private byte[] read(DecisionDefinition definition) {
    try (InputStream xml = repository.getDecisionModel(definition.getId())) {
      return xml.readAllBytes();
    } catch (IOException e) {
      throw new RuleEvaluationException(definition.getKey(), "cannot read " + definition.getId(), e);
    }
  }
}
