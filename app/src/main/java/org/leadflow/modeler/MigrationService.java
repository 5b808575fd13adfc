package org.leadflow.modeler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.IncidentStatistics;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.leadflow.capture.FieldError;
import org.leadflow.capture.InvalidSubmissionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of a process from one version to another with Camunda's public migration
 * API: where the instances wait (per version and activity), a generated plan (equal activity ids,
 * event triggers updated) with the activities it leaves unmapped, a dry run, the migration as a
 * batch with its progress, and the owner's choice to let a version's instances finish on it. Every
 * migration and that choice is audited ({@code lead_model_change}).
 *
 * <p>The dry run executes the migration synchronously, instance by instance, in a transaction that
 * is always rolled back: the engine joins Spring's transaction (SpringProcessEngineConfiguration),
 * so each instance's validation report is the engine's own and nothing stays migrated.
 */
@Service
public class MigrationService {

  public static final String RUNNING = "RUNNING";
  public static final String COMPLETED = "COMPLETED";
  public static final String COMPLETED_WITH_FAILURES = "COMPLETED_WITH_FAILURES";

  public record ActivityInstances(String activityId, String activityName, long instances, long incidents) {}

  public record VersionInstances(int version, String definitionId, long instances, List<ActivityInstances> activities) {}

  public record Instances(String key, int latestVersion, List<VersionInstances> versions) {}

  public record Instruction(String sourceActivityId, String sourceActivityName, String targetActivityId,
      String targetActivityName, boolean updateEventTrigger) {}

  public record Unmapped(String activityId, String activityName, long instances) {}

  public record TargetActivity(String activityId, String name, String type) {}

  public record Plan(int sourceVersion, int targetVersion, String sourceDefinitionId, String targetDefinitionId,
      List<Instruction> instructions, List<Unmapped> unmapped, List<TargetActivity> targetActivities) {}

  public record PlanRequest(Integer sourceVersion, Integer targetVersion) {}

  public record InstructionRequest(String sourceActivityId, String targetActivityId, Boolean updateEventTrigger) {}

  public record MigrationRequest(Integer sourceVersion, Integer targetVersion, List<InstructionRequest> instructions,
      List<String> processInstanceIds, String note) {}

  public record PlanError(String sourceActivityId, String targetActivityId, String message) {}

  public record InstanceError(String processInstanceId, String businessKey, String activityId, String message) {}

  public record Check(boolean valid, int instances, List<PlanError> planErrors, List<InstanceError> instanceErrors) {}

  public record Started(String batchId, int instances, long auditId) {}

  public record Progress(String batchId, int total, int completed, int failed, int remaining, boolean done,
      String result) {}

  public record KeepRequest(Integer sourceVersion, String note) {}

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;
  private final ModelService models;
  private final ModelChangeMapper changes;
  private final TransactionTemplate transaction;
  private final TransactionTemplate rolledBack;
  private final Clock clock;

  MigrationService(RepositoryService repository, RuntimeService runtime, ManagementService management,
      HistoryService history, ModelService models, ModelChangeMapper changes, PlatformTransactionManager transactions,
      Clock clock) {
    this.repository = repository;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
    this.models = models;
    this.changes = changes;
    this.transaction = new TransactionTemplate(transactions);
    this.rolledBack = new TransactionTemplate(transactions);
    this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** The running instances of every version that has some (and of the latest), per activity. */
  public Instances instances(String key) {
    ProcessDefinition latest = models.processDefinition(key, null);
    List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .withoutTenantId().orderByProcessDefinitionVersion().desc().list();
    List<VersionInstances> versions = new ArrayList<>();
    for (ProcessDefinition definition : definitions) {
      long count = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
      if (count == 0 && !definition.getId().equals(latest.getId())) {
        continue;
      }
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      List<ActivityInstances> activities = management.createActivityStatisticsQuery(definition.getId())
          .includeIncidents().list().stream()
          .sorted(Comparator.comparing(ActivityStatistics::getId))
          .map(statistics -> new ActivityInstances(statistics.getId(), name(model, statistics.getId()),
              statistics.getInstances(), statistics.getIncidentStatistics().stream()
                  .mapToLong(IncidentStatistics::getIncidentCount).sum()))
          .toList();
      versions.add(new VersionInstances(definition.getVersion(), definition.getId(), count, activities));
    }
    return new Instances(key, latest.getVersion(), versions);
  }

  /** The generated plan: equal activity ids mapped, event triggers updated; what it leaves unmapped. */
  public Plan plan(String key, PlanRequest request) {
    ProcessDefinition source = source(key, request.sourceVersion());
    ProcessDefinition target = models.processDefinition(key, request.targetVersion());
    List<MigrationInstruction> generated;
    try {
      generated = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
          .updateEventTriggers().build().getInstructions();
    } catch (MigrationPlanValidationException invalid) {
      generated = invalid.getValidationReport().getInstructionReports().stream()
          .filter(report -> !report.hasFailures()).map(MigrationInstructionValidationReport::getMigrationInstruction)
          .toList();
    }
    BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
    BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
    List<Instruction> instructions = generated.stream()
        .sorted(Comparator.comparing(MigrationInstruction::getSourceActivityId))
        .map(instruction -> new Instruction(instruction.getSourceActivityId(),
            name(sourceModel, instruction.getSourceActivityId()), instruction.getTargetActivityId(),
            name(targetModel, instruction.getTargetActivityId()), instruction.isUpdateEventTrigger()))
        .toList();
    Set<String> mapped = generated.stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
    List<Unmapped> unmapped = management.createActivityStatisticsQuery(source.getId()).list().stream()
        .filter(statistics -> !mapped.contains(statistics.getId()))
        .sorted(Comparator.comparing(ActivityStatistics::getId))
        .map(statistics -> new Unmapped(statistics.getId(), name(sourceModel, statistics.getId()),
            statistics.getInstances()))
        .toList();
    List<TargetActivity> targets = targetModel.getModelElementsByType(FlowNode.class).stream()
        .sorted(Comparator.comparing(FlowNode::getId))
        .map(node -> new TargetActivity(node.getId(), node.getName(), node.getElementType().getTypeName()))
        .toList();
    return new Plan(source.getVersion(), target.getVersion(), source.getId(), target.getId(), instructions, unmapped,
        targets);
  }

  /** The dry run: the plan's errors, and each instance's errors when migrated (then rolled back). */
  public Check validate(String key, MigrationRequest request) {
    return check(key, request).check();
  }

  /**
   * Validates (dry run) and starts the migration as a batch, audited as {@code MIGRATE} with result
   * {@value #RUNNING} until {@link #progress} sees the batch finished.
   *
   * @throws InvalidMigrationException when the dry run finds errors or there is nothing to migrate
   */
  public Started execute(String key, MigrationRequest request, String user) {
    Checked checked = check(key, request);
    if (!checked.check().valid() || checked.instanceIds().isEmpty()) {
      throw new InvalidMigrationException(checked.instanceIds().isEmpty()
          ? "no running instance of " + key + " v" + checked.source().getVersion() + " to migrate"
          : "the migration of " + key + " v" + checked.source().getVersion() + " to v" + checked.target().getVersion()
              + " is not valid", checked.check());
    }
    return transaction.execute(status -> {
      Batch batch = runtime.newMigration(checked.plan()).processInstanceIds(checked.instanceIds()).executeAsync();
      ModelChangeMapper.NewChange change = new ModelChangeMapper.NewChange(clock.instant(), user,
          ModelChangeMapper.MIGRATE, ModelType.BPMN.id(), key, checked.source().getVersion(),
          checked.target().getVersion(), request.note(), null, checked.target().getId(), batch.getId(),
          checked.instanceIds().size(), RUNNING);
      changes.insert(change);
      return new Started(batch.getId(), checked.instanceIds().size(), change.getId());
    });
  }

  /**
   * A migration batch's progress; when finished, its result goes into the audit row. Only the batches
   * the modeler started (an audit row names them): any other batch is unknown here.
   */
  public Progress progress(String batchId) {
    ModelChangeMapper.Row audit = changes.findByBatch(batchId);
    if (audit == null || !ModelChangeMapper.MIGRATE.equals(audit.action())) {
      throw new UnknownMigrationException(batchId);
    }
    Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
    Progress progress;
    if (batch != null) {
      BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
      int failed = statistics.getFailedJobs();
      int remaining = statistics.getRemainingJobs();
      boolean stuck = failed > 0 && remaining == failed && batch.getJobsCreated() == batch.getTotalJobs();
      progress = new Progress(batchId, batch.getTotalJobs(), statistics.getCompletedJobs(), failed, remaining, stuck,
          stuck ? COMPLETED_WITH_FAILURES : RUNNING);
    } else {
      HistoricBatch finished = history.createHistoricBatchQuery().batchId(batchId).singleResult();
      if (finished == null) {
        throw new UnknownMigrationException(batchId);
      }
      boolean done = finished.getEndTime() != null;
      progress = new Progress(batchId, finished.getTotalJobs(), done ? finished.getTotalJobs() : 0, 0,
          done ? 0 : finished.getTotalJobs(), done, done ? COMPLETED : RUNNING);
    }
    if (progress.done()) {
      if (!progress.result().equals(audit.result())) {
        changes.updateResult(batchId, progress.result());
      }
    }
    return progress;
  }

  /**
   * Writes the result of every migration audited as {@value #RUNNING} whose batch has finished (the batch
   * or its history says so): the audit is right even when nobody polled {@link #progress}.
   */
  public void settleRunningMigrations() {
    for (ModelChangeMapper.Row running : changes.findRunningMigrations()) {
      try {
        progress(running.batchId());
      } catch (UnknownMigrationException gone) {
        // neither the batch nor its history is left (history cleanup): nothing to settle it with
      }
    }
  }

  /** Records that the instances of {@code sourceVersion} are to finish on it (no migration). */
  public ModelChangeMapper.Row keepOldVersion(String key, KeepRequest request, String user) {
    ProcessDefinition source = source(key, request.sourceVersion());
    ProcessDefinition latest = models.processDefinition(key, null);
    long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
    ModelChangeMapper.NewChange change = new ModelChangeMapper.NewChange(clock.instant(), user,
        ModelChangeMapper.KEEP_OLD_VERSION, ModelType.BPMN.id(), key, source.getVersion(), latest.getVersion(),
        request.note(), null, source.getId(), null, (int) instances, null);
    changes.insert(change);
    return changes.findById(change.getId());
  }

  private record Checked(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan,
      List<String> instanceIds, Check check) {}

  private Checked check(String key, MigrationRequest request) {
    ProcessDefinition source = source(key, request.sourceVersion());
    ProcessDefinition target = models.processDefinition(key, request.targetVersion());
    Map<String, String> instances = instances(source, request.processInstanceIds());
    List<String> ids = List.copyOf(instances.keySet());
    MigrationPlanBuilder builder = runtime.createMigrationPlan(source.getId(), target.getId());
    for (InstructionRequest instruction : request.instructions() == null ? List.<InstructionRequest>of()
        : request.instructions()) {
      var mapped = builder.mapActivities(instruction.sourceActivityId(), instruction.targetActivityId());
      builder = Boolean.TRUE.equals(instruction.updateEventTrigger()) ? mapped.updateEventTrigger() : mapped;
    }
    MigrationPlan plan;
    try {
      plan = builder.build();
    } catch (MigrationPlanValidationException invalid) {
      List<PlanError> errors = new ArrayList<>();
      for (MigrationInstructionValidationReport report : invalid.getValidationReport().getInstructionReports()) {
        report.getFailures().forEach(failure -> errors.add(new PlanError(
            report.getMigrationInstruction().getSourceActivityId(),
            report.getMigrationInstruction().getTargetActivityId(), failure)));
      }
      invalid.getValidationReport().getVariableReports().forEach((name, report) -> report.getFailures()
          .forEach(failure -> errors.add(new PlanError(null, null, "variable " + name + ": " + failure))));
      if (errors.isEmpty()) {
        errors.add(new PlanError(null, null, invalid.getMessage()));
      }
      return new Checked(source, target, null, ids, new Check(false, ids.size(), errors, List.of()));
    } catch (ProcessEngineException invalid) {
      return new Checked(source, target, null, ids, new Check(false, ids.size(),
          List.of(new PlanError(null, null, invalid.getMessage())), List.of()));
    }
    List<InstanceError> errors = dryRun(plan, instances);
    return new Checked(source, target, plan, ids, new Check(errors.isEmpty(), ids.size(), List.of(), errors));
  }

  /** Migrates each instance in one transaction that is rolled back; collects the engine's reports. */
  private List<InstanceError> dryRun(MigrationPlan plan, Map<String, String> instances) {
    return rolledBack.execute(status -> {
      status.setRollbackOnly();
      List<InstanceError> errors = new ArrayList<>();
      instances.forEach((instanceId, businessKey) -> {
        try {
          runtime.newMigration(plan).processInstanceIds(instanceId).execute();
        } catch (MigratingProcessInstanceValidationException invalid) {
          MigratingProcessInstanceValidationReport report = invalid.getValidationReport();
          report.getFailures().forEach(failure -> errors.add(new InstanceError(instanceId, businessKey, null, failure)));
          for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            activity.getFailures().forEach(failure -> errors.add(new InstanceError(instanceId, businessKey,
                activity.getSourceScopeId(), failure)));
          }
          for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            transition.getFailures().forEach(failure -> errors.add(new InstanceError(instanceId, businessKey,
                transition.getSourceScopeId(), failure)));
          }
        } catch (ProcessEngineException failed) {
          errors.add(new InstanceError(instanceId, businessKey, null, failed.getMessage()));
        }
      });
      return errors;
    });
  }

  /** The running instances of the source version (only the given ones, when given): id → business key. */
  private Map<String, String> instances(ProcessDefinition source, List<String> only) {
    if (only != null && (only.isEmpty() || only.stream().anyMatch(id -> id == null || id.isBlank()))) {
      // an empty list would otherwise filter nothing and migrate every instance of the version
      throw new InvalidSubmissionException(List.of(new FieldError("processInstanceIds",
          "must name one or more process instances (no blank id); leave it out to migrate every instance of v"
              + source.getVersion())));
    }
    var query = runtime.createProcessInstanceQuery().processDefinitionId(source.getId());
    if (only != null) {
      query.processInstanceIds(Set.copyOf(only));
    }
    Map<String, String> instances = new LinkedHashMap<>();
    query.orderByProcessInstanceId().asc().list().forEach(instance -> instances.put(instance.getId(),
        instance.getBusinessKey()));
    if (only != null) {
      only.stream().filter(id -> !instances.containsKey(id)).findFirst().ifPresent(id -> {
        throw new InvalidMigrationException("process instance " + id + " is not a running instance of "
            + source.getKey() + " v" + source.getVersion(), new Check(false, 0, List.of(),
            List.of(new InstanceError(id, null, null, "not a running instance of v" + source.getVersion()))));
      });
    }
    return instances;
  }

  private ProcessDefinition source(String key, Integer version) {
    if (version == null) {
      throw new InvalidSubmissionException(List.of(new FieldError("sourceVersion",
          "is required: the version whose instances move")));
    }
    return models.processDefinition(key, version);
  }

  private static String name(BpmnModelInstance model, String activityId) {
    ModelElementInstance element = model.getModelElementById(activityId);
    return element instanceof FlowNode node ? node.getName() : null;
  }
}
