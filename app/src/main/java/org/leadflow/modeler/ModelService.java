package org.leadflow.modeler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.rules.InvalidRuleException;
import org.leadflow.rules.RuleDeploymentMapper;
import org.leadflow.rules.RulesService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The models as process owners see them in the modeler: list them with their versions, read one,
 * validate a change and deploy it.
 *
 * <p><b>The model set.</b> User tasks bind their forms and call activities their processes by
 * deployment, so a process version sees only the forms and processes deployed with it. A BPMN or
 * form change is therefore deployed as a new <em>model set</em>: every BPMN and form resource of the
 * newest deployment holding {@code lead-lifecycle} (the starter's {@value RulesService#AUTO_DEPLOYMENT}
 * or a modeler deployment {@value #DEPLOYMENT_NAME}), the edited one replaced or added. Each such
 * deploy gives every process a new version; decision tables are deployed alone through
 * {@link RulesService} (business rule tasks bind to the latest decision) and audited here too.
 *
 * <p><b>Restarts</b> work as for the rules ({@link RulesService}): when the auto-deployment redeployed
 * the files after a modeler deploy (some file changed), {@link #restoreModelerEditsAfterAutoDeployment()}
 * deploys again the modeler's edits whose files did not change (audited as {@value #RESTORER}); an
 * edited model whose file changed too is taken from the file.
 *
 * <p><b>One at a time.</b> A deploy (and the restore) first locks the row of {@code lead_model_lock}
 * in its transaction, then reads the model set, checks {@code baseVersion} and whether the edit still
 * changes anything: two deploys of different models at once both end up in the newest set.
 *
 * <p>Forms have no public definition query in Camunda 7.24: their versions are the distinct contents
 * of the form resource over the model-set deployments, oldest first.
 */
@Service
public class ModelService {

  public static final String SOURCE = "leadflow-modeler";
  public static final String DEPLOYMENT_NAME = "models";
  static final String RESTORER = "leadflow";
  public static final int MAX_NOTE = RulesService.MAX_NOTE;
  /** How often a deploy asks for the model-set lock before it gives up (each ask waits the database's lock timeout). */
  static final int LOCK_ATTEMPTS = 30;

  private static final Logger log = LoggerFactory.getLogger(ModelService.class);

  /** One version of a model: where it came from and, when deployed through the modeler, who and why. */
  public record Version(int version, String versionTag, String definitionId, String deploymentId,
      String deploymentName, String source, Instant deployedAt, String deployedBy, String changeNote,
      Long runningInstances) {}

  public record Model(String type, String key, String name, String resourceName, Version latest,
      List<Version> versions) {}

  /** The raw resource of one version. */
  public record Content(ModelType type, String key, int version, byte[] bytes) {}

  public record Also(String type, String key, int version, String definitionId) {}

  public record Deployed(String type, String key, int version, String definitionId, String deploymentId,
      Instant deployedAt, String deployedBy, String changeNote, List<Also> alsoDeployed) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ModelValidator validator;
  private final RulesService rules;
  private final RuleDeploymentMapper ruleDeployments;
  private final ModelChangeMapper changes;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ModelService(RepositoryService repository, RuntimeService runtime, ModelValidator validator, RulesService rules,
      RuleDeploymentMapper ruleDeployments, ModelChangeMapper changes, PlatformTransactionManager transactions,
      Clock clock) {
    this.repository = repository;
    this.runtime = runtime;
    this.validator = validator;
    this.rules = rules;
    this.ruleDeployments = ruleDeployments;
    this.changes = changes;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Every process, decision and form with its versions (newest first), sorted by type and key. */
  public List<Model> list() {
    Map<String, Deployment> deployments = repository.createDeploymentQuery().list().stream()
        .collect(Collectors.toMap(Deployment::getId, Function.identity()));
    Map<String, ModelChangeMapper.Row> deploys = changes.findDeploys().stream()
        .collect(Collectors.toMap(ModelChangeMapper.Row::deploymentId, Function.identity(), (a, b) -> a));
    List<Model> models = new ArrayList<>();

    models.addAll(models(ModelType.BPMN, repository.createProcessDefinitionQuery().withoutTenantId().list(),
        definition -> version(definition.getVersion(), definition.getVersionTag(), definition.getId(),
            deployments.get(definition.getDeploymentId()), deploys.get(definition.getDeploymentId()), null,
            runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count())));
    models.addAll(models(ModelType.DMN, repository.createDecisionDefinitionQuery().withoutTenantId().list(),
        definition -> version(definition.getVersion(), definition.getVersionTag(), definition.getId(),
            deployments.get(definition.getDeploymentId()), deploys.get(definition.getDeploymentId()),
            ruleDeployments.findByDefinition(definition.getId()), null)));
    formVersions().forEach((key, versions) -> {
      List<Version> described = new ArrayList<>();
      for (int i = versions.size() - 1; i >= 0; i--) {
        FormVersion form = versions.get(i);
        described.add(version(i + 1, null, null, deployments.get(form.deploymentId()),
            deploys.get(form.deploymentId()), null, null));
      }
      models.add(new Model(ModelType.FORM.id(), key, key,
          versions.get(versions.size() - 1).resourceName(), described.get(0), described));
    });
    return models;
  }

  /** Per key (sorted), its versions newest first, described by {@code describe}. */
  private static <D extends ResourceDefinition> List<Model> models(ModelType type, List<D> definitions,
      Function<D, Version> describe) {
    Map<String, List<D>> byKey = definitions.stream().collect(Collectors.groupingBy(ResourceDefinition::getKey,
        TreeMap::new, Collectors.toList()));
    List<Model> models = new ArrayList<>();
    byKey.forEach((key, all) -> {
      List<D> versions = all.stream().sorted(Comparator.comparingInt(ResourceDefinition::getVersion).reversed()).toList();
      List<Version> described = versions.stream().map(describe).toList();
      D latest = versions.get(0);
      models.add(new Model(type.id(), key, latest.getName(), latest.getResourceName(), described.get(0), described));
    });
    return models;
  }

  /** The raw resource of a version (latest when {@code version} is null). */
  public Content read(ModelType type, String key, Integer version) {
    return switch (type) {
      case BPMN -> {
        ProcessDefinition definition = processDefinition(key, version);
        yield new Content(type, key, definition.getVersion(), bytes(repository.getProcessModel(definition.getId())));
      }
      case DMN -> {
        DecisionDefinition definition = decisionDefinition(key, version);
        yield new Content(type, key, definition.getVersion(), bytes(repository.getDecisionModel(definition.getId())));
      }
      case FORM -> {
        List<FormVersion> versions = formVersions().get(key);
        if (versions == null || (version != null && (version < 1 || version > versions.size()))) {
          throw new UnknownModelException(type, key, version);
        }
        int number = version == null ? versions.size() : version;
        yield new Content(type, key, number, versions.get(number - 1).bytes());
      }
    };
  }

  /** Validates a changed model as it would be deployed (BPMN and forms with the model set). */
  public ModelValidator.Validation validate(ModelType type, String key, byte[] content) {
    return validator.validate(type, key, content, type == ModelType.DMN ? null : modelSet().with(type, key, content));
  }

  /**
   * Deploys a changed model after validation: a decision table alone (through {@link RulesService}),
   * a BPMN or form with the model set. Audited with the user and the note.
   *
   * @param baseVersion the version the change was made on, if the caller knows it: when another version with
   *     other content has been deployed since, the change would silently take it back
   * @throws InvalidModelException when it is invalid or unchanged; nothing is deployed then
   * @throws ModelConflictException when the model changed since {@code baseVersion}
   */
  public Deployed deploy(ModelType type, String key, byte[] content, String note, String user, Integer baseVersion) {
    return transaction.execute(status -> {
      // everything the deploy decides on is read after the lock: a deploy of another model that finished
      // meanwhile is in the set this one deploys, and a stale baseVersion is seen
      lockModelSet();
      Integer latest = latestVersion(type, key);
      if (baseVersion != null && !baseVersion.equals(latest) && !sameContent(type, key, baseVersion, latest)) {
        throw new ModelConflictException(type, key, baseVersion, latest);
      }
      return type == ModelType.DMN ? deployDecision(key, content, note, user) : deployWithModelSet(type, key,
          content, note, user);
    });
  }

  /**
   * Whether this model reads the same in both versions: a deploy of another model of the set gives every
   * process and form a new version with unchanged content, which is no conflict for an editor of this one.
   */
  private boolean sameContent(ModelType type, String key, int baseVersion, Integer latest) {
    if (latest == null) {
      return false;
    }
    try {
      return Arrays.equals(read(type, key, baseVersion).bytes(), read(type, key, latest).bytes());
    } catch (UnknownModelException noSuchVersion) {
      return false;
    }
  }

  /**
   * Takes the model-set lock ({@code lead_model_lock}) for the current transaction; retried while another
   * deploy holds it longer than the database waits (H2 waits 2 s).
   */
  private void lockModelSet() {
    for (int attempt = 1; ; attempt++) {
      try {
        if (changes.lockModelSet() == null) {
          throw new IllegalStateException("lead_model_lock has no row (V017)");
        }
        return;
      } catch (CannotAcquireLockException busy) {
        if (attempt >= LOCK_ATTEMPTS) {
          throw busy;
        }
        log.info("another model deploy holds the model-set lock; waiting (attempt {})", attempt);
      }
    }
  }

  private Deployed deployDecision(String key, byte[] content, String note, String user) {
    DecisionDefinition current = decisionDefinition(key, null);
    if (Arrays.equals(bytes(repository.getDecisionModel(current.getId())), content)) {
      throw InvalidModelException.unchanged(ModelType.DMN, key);
    }
    RulesService.RuleVersion deployed;
    try {
      deployed = rules.deploy(key, new String(content, StandardCharsets.UTF_8), note, user);
    } catch (InvalidRuleException invalid) {
      throw new InvalidModelException(ModelType.DMN, key, List.of(ModelValidator.problem(invalid)));
    }
    Instant now = clock.instant();
    changes.insert(new ModelChangeMapper.NewChange(now, user, ModelChangeMapper.DEPLOY, ModelType.DMN.id(), key,
        current.getVersion(), deployed.version(), note, deployed.deploymentId(), deployed.definitionId(), null,
        null, null));
    return new Deployed(ModelType.DMN.id(), key, deployed.version(), deployed.definitionId(),
        deployed.deploymentId(), deployed.deployedAt(), user, note, List.of());
  }

  private Deployed deployWithModelSet(ModelType type, String key, byte[] content, String note, String user) {
    ModelSet current = modelSet();
    if (current.holds(type, key, content)) {
      throw InvalidModelException.unchanged(type, key);
    }
    ModelSet set = current.with(type, key, content);
    ModelValidator.Validation validation = validator.validate(type, key, content, set);
    if (!validation.valid()) {
      throw new InvalidModelException(type, key, validation.problems());
    }
    Integer fromVersion = latestVersion(type, key);
    Deployment deployment = deploySet(set);
    int version;
    String definitionId = null;
    if (type == ModelType.BPMN) {
      ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
          .processDefinitionKey(key).singleResult();
      version = definition.getVersion();
      definitionId = definition.getId();
    } else {
      version = formVersions().get(key).size();
    }
    changes.insert(new ModelChangeMapper.NewChange(clock.instant(), user, ModelChangeMapper.DEPLOY, type.id(), key,
        fromVersion, version, note, deployment.getId(), definitionId, null, null, null));
    List<Also> also = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list().stream()
        .filter(definition -> type != ModelType.BPMN || !definition.getKey().equals(key))
        .sorted(Comparator.comparing(ProcessDefinition::getKey))
        .map(definition -> new Also(ModelType.BPMN.id(), definition.getKey(), definition.getVersion(),
            definition.getId())).toList();
    return new Deployed(type.id(), key, version, definitionId, deployment.getId(),
        deployment.getDeploymentTime() == null ? clock.instant() : deployment.getDeploymentTime().toInstant(),
        user, note, also);
  }

  private Deployment deploySet(ModelSet set) {
    DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source(SOURCE);
    set.resources().forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    try {
      return builder.deploy();
    } catch (ParseException refused) {
      throw new InvalidModelException(null, null, EngineParse.problems(refused));
    } catch (ProcessEngineException refused) {
      throw new InvalidModelException(null, null,
          List.of(ModelProblem.error(null, "engine", "the engine refused the model set: " + refused.getMessage())));
    }
  }

  /**
   * Deploys again the modeler's edits that the auto-deployment took back by redeploying their unchanged
   * files (see the class comment).
   *
   * @return the deployment made, if any
   */
  public Optional<Deployment> restoreModelerEditsAfterAutoDeployment() {
    return transaction.execute(status -> {
      lockModelSet();
      return restoreLocked();
    });
  }

  private Optional<Deployment> restoreLocked() {
    List<ProcessDefinition> spines = repository.createProcessDefinitionQuery().processDefinitionKey(LeadLifecycle.KEY)
        .withoutTenantId().orderByProcessDefinitionVersion().desc().list();
    if (spines.isEmpty() || !RulesService.AUTO_DEPLOYMENT.equals(deploymentName(spines.get(0)))) {
      return Optional.empty();
    }
    ProcessDefinition newest = spines.get(0);
    ProcessDefinition edited = spines.stream().filter(spine -> DEPLOYMENT_NAME.equals(deploymentName(spine)))
        .findFirst().orElse(null);
    if (edited == null) {
      return Optional.empty();
    }
    ProcessDefinition fileBefore = spines.stream().filter(spine -> spine.getVersion() < edited.getVersion())
        .filter(spine -> RulesService.AUTO_DEPLOYMENT.equals(deploymentName(spine))).findFirst().orElse(null);
    if (fileBefore == null) {
      return Optional.empty();
    }
    ModelSet files = set(newest.getDeploymentId());
    ModelSet before = set(fileBefore.getDeploymentId());
    ModelSet edits = set(edited.getDeploymentId());
    ModelSet restored = files;
    List<Edit> keys = new ArrayList<>();
    for (ModelType type : List.of(ModelType.BPMN, ModelType.FORM)) {
      for (String key : edits.keys(type)) {
        byte[] edit = edits.content(type, key).orElseThrow();
        Optional<byte[]> old = before.content(type, key);
        if (old.isPresent() && Arrays.equals(old.get(), edit)) {
          continue; // not edited in the modeler
        }
        Optional<byte[]> file = files.content(type, key);
        boolean fileUnchanged = old.isPresent() ? file.isPresent() && Arrays.equals(file.get(), old.get())
            : file.isEmpty();
        if (fileUnchanged) {
          restored = restored.with(type, key, edit);
          keys.add(new Edit(type, key));
        } else {
          log.info("{} {} changed in its file since the modeler's edit; the file's version stays", type.id(), key);
        }
      }
    }
    restored = withoutEditsThatNoLongerValidate(restored, files, keys);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    log.warn("The auto-deployment redeployed unchanged files over modeler edits; deploying {} again", keys);
    Deployment deployment = deploySet(restored);
    String note = "restored the modeler's edits of " + String.join(", ", keys.stream().map(Edit::toString).toList())
        + " after the auto-deployment redeployed their unchanged files";
    changes.insert(new ModelChangeMapper.NewChange(clock.instant(), RESTORER, ModelChangeMapper.DEPLOY,
        ModelType.BPMN.id(), LeadLifecycle.KEY, newest.getVersion(), newest.getVersion() + 1, note,
        deployment.getId(), null, null, null, null));
    return Optional.of(deployment);
  }

  /** A modeler edit to deploy again, written {@code bpmn:lead-nurture}. */
  private record Edit(ModelType type, String key) {
    @Override
    public String toString() {
      return type.id() + ":" + key;
    }
  }

  /**
   * The edits to restore are checked again as a deploy would check them: the code may have changed since (a
   * delegate or policy bean gone, a form field renamed). An edit that no longer passes keeps its file's version,
   * with the problems in the log; the others are restored. Repeated until stable, since taking one edit back can
   * break another that relied on it.
   */
  private ModelSet withoutEditsThatNoLongerValidate(ModelSet restored, ModelSet files, List<Edit> keys) {
    ModelSet set = restored;
    for (boolean dropped = true; dropped && !keys.isEmpty(); ) {
      dropped = false;
      for (Edit restoredKey : List.copyOf(keys)) {
        ModelType type = restoredKey.type();
        String key = restoredKey.key();
        ModelValidator.Validation validation = validator.validate(type, key, set.content(type, key).orElseThrow(),
            set);
        if (!validation.valid()) {
          log.error("The modeler's edit of {} {} is not restored: it no longer passes validation ({}); the file's "
              + "version stays", type.id(), key, validation.problems().stream().filter(ModelProblem::isError)
              .map(ModelProblem::message).toList());
          Optional<byte[]> file = files.content(type, key);
          set = file.isPresent() ? set.with(type, key, file.get()) : set.without(type, key);
          keys.remove(restoredKey);
          dropped = true;
        }
      }
    }
    return set;
  }

  /** The BPMN and form resources of the newest model-set deployment. */
  ModelSet modelSet() {
    ProcessDefinition spine = repository.createProcessDefinitionQuery().processDefinitionKey(LeadLifecycle.KEY)
        .withoutTenantId().latestVersion().singleResult();
    if (spine == null) {
      throw new IllegalStateException("no " + LeadLifecycle.KEY + " is deployed: there is no model set");
    }
    return set(spine.getDeploymentId());
  }

  private ModelSet set(String deploymentId) {
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (Resource resource : repository.getDeploymentResources(deploymentId)) {
      ModelType type = ModelType.ofResource(resource.getName());
      if (type == ModelType.BPMN || type == ModelType.FORM) {
        resources.put(resource.getName(), resource.getBytes());
      }
    }
    return new ModelSet(resources);
  }

  private record FormVersion(String resourceName, String deploymentId, byte[] bytes) {}

  /** Per form key, its distinct contents over the model-set deployments, oldest first. */
  private Map<String, List<FormVersion>> formVersions() {
    Map<String, List<FormVersion>> forms = new TreeMap<>();
    List<ProcessDefinition> spines = repository.createProcessDefinitionQuery().processDefinitionKey(LeadLifecycle.KEY)
        .withoutTenantId().orderByProcessDefinitionVersion().asc().list();
    for (ProcessDefinition spine : spines) {
      for (Resource resource : repository.getDeploymentResources(spine.getDeploymentId())) {
        if (ModelType.ofResource(resource.getName()) != ModelType.FORM) {
          continue;
        }
        List<FormVersion> versions = forms.computeIfAbsent(ModelType.keyOf(resource.getName()), k -> new ArrayList<>());
        if (versions.isEmpty() || !Arrays.equals(versions.get(versions.size() - 1).bytes(), resource.getBytes())) {
          versions.add(new FormVersion(resource.getName(), spine.getDeploymentId(), resource.getBytes()));
        }
      }
    }
    return forms;
  }

  private Integer latestVersion(ModelType type, String key) {
    return switch (type) {
      case BPMN -> Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .withoutTenantId().latestVersion().singleResult()).map(ProcessDefinition::getVersion).orElse(null);
      case DMN -> Optional.ofNullable(repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
          .withoutTenantId().latestVersion().singleResult()).map(DecisionDefinition::getVersion).orElse(null);
      case FORM -> Optional.ofNullable(formVersions().get(key)).map(List::size).orElse(null);
    };
  }

  ProcessDefinition processDefinition(String key, Integer version) {
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(key).withoutTenantId();
    ProcessDefinition definition = version == null ? query.latestVersion().singleResult()
        : query.processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new UnknownModelException(ModelType.BPMN, key, version);
    }
    return definition;
  }

  private DecisionDefinition decisionDefinition(String key, Integer version) {
    var query = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).withoutTenantId();
    DecisionDefinition definition = version == null ? query.latestVersion().singleResult()
        : query.decisionDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new UnknownModelException(ModelType.DMN, key, version);
    }
    return definition;
  }

  private static Version version(int number, String versionTag, String definitionId, Deployment deployment,
      ModelChangeMapper.Row modelerDeploy, RuleDeploymentMapper.Row rulesDeploy, Long running) {
    String by = modelerDeploy != null ? modelerDeploy.changedBy() : rulesDeploy != null ? rulesDeploy.deployedBy() : null;
    String note = modelerDeploy != null ? modelerDeploy.changeNote() : rulesDeploy != null ? rulesDeploy.changeNote()
        : null;
    return new Version(number, versionTag, definitionId, deployment == null ? null : deployment.getId(),
        deployment == null ? null : deployment.getName(), deployment == null ? null : deployment.getSource(),
        deployment == null || deployment.getDeploymentTime() == null ? null
            : deployment.getDeploymentTime().toInstant(), by, note, running);
  }

  private String deploymentName(ProcessDefinition definition) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return deployment == null ? null : deployment.getName();
  }

  private static byte[] bytes(InputStream stream) {
    try (InputStream in = stream) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read a deployed resource", e);
    }
  }
}
