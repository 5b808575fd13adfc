package org.leadflow.modeler;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;
import org.leadflow.capture.FieldError;
import org.leadflow.capture.InvalidSubmissionException;
import org.leadflow.rules.ChangeNotes;
import org.leadflow.rules.UnknownRuleException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The modeler's API: the models with their versions, validation, deployment, the migration of running
 * instances to a new version and the audit of changes.
 */
@RestController
@RequestMapping("/api/models")
@Tag(name = "Models", description = "The BPMN processes, DMN decisions and Camunda Forms process owners edit in the "
    + "modeler: list, read, validate, deploy (with a change note) and the audit of changes")
@SecurityRequirement(name = "basic")
class ModelsController {

  static final String NOTE_HEADER = ChangeNotes.HEADER;
  static final String VERSION_HEADER = "X-Model-Version";
  static final int MAX_AUDIT = 500;
  static final int MAX_KEY = 100;
  static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{0," + (MAX_KEY - 1) + "}$");
  static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
  static final String RAW_CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'";
  static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

  private final ModelService models;
  private final MigrationService migrations;
  private final ModelChangeMapper changes;

  ModelsController(ModelService models, MigrationService migrations, ModelChangeMapper changes) {
    this.models = models;
    this.migrations = migrations;
    this.changes = changes;
  }

  @GetMapping
  @Operation(summary = "Every deployed process, decision and form with its versions (newest first)",
      description = "Sorted by type (bpmn, dmn, form) and key. Each version names its deployment, when it was "
          + "deployed and, when deployed through the modeler or the rules API, by whom and why; processes also "
          + "count their running instances. Form versions are the distinct contents of the form over the "
          + "model-set deployments.")
  List<ModelService.Model> list() {
    return models.list();
  }

  @GetMapping("/{type}/{key}")
  @Operation(summary = "The raw resource of a model version (latest unless version is given)",
      description = "application/xml for bpmn and dmn, application/json for form; the header X-Model-Version "
          + "names the version. Served as an attachment with Content-Security-Policy: sandbox; default-src 'none' "
          + "and X-Content-Type-Options: nosniff (never rendered as a page). 404 problem details for an unknown "
          + "model or version.")
  ResponseEntity<byte[]> read(@PathVariable String type, @PathVariable String key,
      @Parameter(description = "the version; the latest when absent") @RequestParam(required = false) Integer version) {
    ModelType modelType = type(type, key);
    ModelService.Content content = models.read(modelType, key, version);
    // the stored XML or JSON is the process owners' text: opened by navigation it must not run as a page
    // (an SVG or XHTML root with a script) in the application's origin; the modeler page reads it with fetch()
    return ResponseEntity.ok().contentType(mediaType(modelType))
        .header(VERSION_HEADER, Integer.toString(content.version()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(key + "-v" + content.version() + modelType.suffix()).build().toString())
        .header(CONTENT_SECURITY_POLICY, RAW_CONTENT_SECURITY_POLICY)
        .header(CONTENT_TYPE_OPTIONS, "nosniff")
        .body(content.bytes());
  }

  @PostMapping("/{type}/{key}/validation")
  @Operation(summary = "Validate a changed model (raw resource body) without deploying it",
      description = "Parse, the engine's parse, the house conventions (readable ids, process id = key, version "
          + "tag, history TTL, candidate groups, forms bound by deployment, policy due dates and timers) and "
          + "references (forms and called processes in the model set, deployed decisions, existing beans). "
          + "Decision tables: the rules validator. Each problem names its element where known.")
  ModelValidator.Validation validate(@PathVariable String type, @PathVariable String key,
      @RequestBody(required = false) byte[] body) {
    return models.validate(type(type, key), key, body(body));
  }

  @PostMapping("/{type}/{key}/deployments")
  @Operation(summary = "Validate and deploy a changed model as its next version, with a change note",
      description = "The note is required (query parameter note or header X-Change-Note). A BPMN or form is "
          + "deployed with the whole model set (every process gets a new version: alsoDeployed); a decision table "
          + "alone. 400 problem details naming note when it is missing; 422 with problems when the model is "
          + "invalid or unchanged; 409 when the model changed since baseVersion (optional: the version the edit "
          + "started from; newer versions with the same content, from deploys of other models, are no conflict); "
          + "nothing is deployed then.")
  ResponseEntity<ModelService.Deployed> deploy(@PathVariable String type, @PathVariable String key,
      @RequestBody(required = false) byte[] body, @RequestParam(name = "note", required = false) String note,
      @RequestHeader(name = NOTE_HEADER, required = false) String noteHeader,
      @Parameter(description = "the version the edit started from; 409 when a version with other content has "
          + "been deployed since")
      @RequestParam(required = false) Integer baseVersion, Principal principal) {
    ModelType modelType = type(type, key);
    String changeNote = ChangeNotes.required(note, noteHeader);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(models.deploy(modelType, key, body(body), changeNote, principal.getName(), baseVersion));
  }

  @GetMapping("/audit")
  @Operation(summary = "The changes made through the modeler and the rules API, newest first",
      description = "DEPLOY, MIGRATE and KEEP_OLD_VERSION entries: who, when, why, the versions, the deployment "
          + "or migration batch and, for migrations, the instances and the result (a migration whose batch has "
          + "finished shows its result even when nobody polled its progress).")
  List<AuditEntry> audit(@RequestParam(required = false) String key,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > MAX_AUDIT) {
      throw new InvalidSubmissionException(List.of(new FieldError("limit", "must be between 1 and " + MAX_AUDIT)));
    }
    migrations.settleRunningMigrations();
    return changes.findChanges(key == null || key.isBlank() ? null : key, limit).stream().map(AuditEntry::of).toList();
  }

  @GetMapping("/bpmn/{key}/instances")
  @Operation(summary = "The running instances of a process per version and activity",
      description = "Every version with running instances, and the latest even without; per activity the "
          + "instances waiting there and their incidents.")
  MigrationService.Instances instances(@PathVariable String key) {
    return migrations.instances(key(key));
  }

  @PostMapping("/bpmn/{key}/migration-plans")
  @Operation(summary = "Generate a migration plan from one version to another (default: the latest)",
      description = "Camunda's generated plan (equal activity ids, event triggers updated), the source activities "
          + "holding instances that it leaves unmapped, and the target's activities to map them to.")
  MigrationService.Plan plan(@PathVariable String key, @RequestBody MigrationService.PlanRequest request) {
    return migrations.plan(key(key), request);
  }

  @PostMapping("/bpmn/{key}/migrations/validation")
  @Operation(summary = "Dry run of a migration: the plan's errors and each instance's",
      description = "The migration is executed instance by instance in a transaction that is rolled back; "
          + "nothing is migrated. Only the given processInstanceIds when given, else every instance of the "
          + "source version.")
  MigrationService.Check validateMigration(@PathVariable String key,
      @RequestBody MigrationService.MigrationRequest request) {
    return migrations.validate(key(key), request);
  }

  @PostMapping("/bpmn/{key}/migrations")
  @Operation(summary = "Migrate running instances as a Camunda batch, with a change note",
      description = "202 with the batch id (progress: GET /api/models/migrations/{batchId}) and the audit entry's "
          + "id. The dry run comes first: 422 problem details with planErrors and instanceErrors when it fails, "
          + "400 naming note when the note is missing.")
  ResponseEntity<MigrationService.Started> migrate(@PathVariable String key,
      @RequestBody MigrationService.MigrationRequest request, Principal principal) {
    String note = ChangeNotes.required(request.note(), null);
    MigrationService.MigrationRequest noted = new MigrationService.MigrationRequest(request.sourceVersion(),
        request.targetVersion(), request.instructions(), request.processInstanceIds(), note);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(migrations.execute(key(key), noted, principal.getName()));
  }

  @GetMapping("/migrations/{batchId}")
  @Operation(summary = "The progress of a migration batch",
      description = "Jobs total, completed, failed and remaining; done with result COMPLETED or "
          + "COMPLETED_WITH_FAILURES (failed jobs wait for retries in Cockpit), else RUNNING. The result is "
          + "written into the migration's audit entry when seen finished.")
  MigrationService.Progress progress(@PathVariable String batchId) {
    return migrations.progress(batchId);
  }

  @PostMapping("/bpmn/{key}/keep-old-versions")
  @Operation(summary = "Let the instances of a version finish on it (audited, nothing migrated)")
  ResponseEntity<AuditEntry> keepOldVersion(@PathVariable String key,
      @RequestBody MigrationService.KeepRequest request, Principal principal) {
    String note = ChangeNotes.required(request.note(), null);
    return ResponseEntity.status(HttpStatus.CREATED).body(AuditEntry.of(migrations.keepOldVersion(key(key),
        new MigrationService.KeepRequest(request.sourceVersion(), note), principal.getName())));
  }

  /** An audit entry as the API shows it. */
  record AuditEntry(Long id, java.time.Instant at, String user, String action, String type, String key,
      Integer fromVersion, Integer toVersion, String note, String deploymentId, String batchId, Integer instances,
      String result) {

    static AuditEntry of(ModelChangeMapper.Row row) {
      return new AuditEntry(row.id(), row.changedAt(), row.changedBy(), row.action(), row.modelType(), row.modelKey(),
          row.fromVersion(), row.toVersion(), row.changeNote(), row.deploymentId(), row.batchId(), row.instances(),
          row.result());
    }
  }

  private static ModelType type(String type, String key) {
    ModelType modelType = ModelType.of(type);
    if (modelType == null) {
      throw new InvalidSubmissionException(List.of(new FieldError("type", "must be bpmn, dmn or form")));
    }
    key(key);
    return modelType;
  }

  /** A model's key names its file and goes into the audit: lower-case letters, digits and '-', at most 100. */
  static String key(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidSubmissionException(List.of(new FieldError("key", "must be 1 to " + MAX_KEY
          + " lower-case letters, digits and '-', starting with a letter or digit (like lead-lifecycle)")));
    }
    return key;
  }

  private static byte[] body(byte[] body) {
    if (body == null || body.length == 0) {
      throw new InvalidSubmissionException(List.of(new FieldError("body", "must be the model (BPMN or DMN XML, form JSON)")));
    }
    return body;
  }

  private static MediaType mediaType(ModelType type) {
    return type == ModelType.FORM ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
  }

  @ExceptionHandler(InvalidModelException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidModelException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle(e.problems().stream().anyMatch(p -> "unchanged".equals(p.rule())) ? "Nothing changed"
        : "Model change rejected");
    problem.setProperty("problems", e.problems());
    return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(ModelConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ModelConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("The model changed meanwhile");
    problem.setProperty("latestVersion", e.latestVersion());
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(InvalidMigrationException.class)
  ResponseEntity<ProblemDetail> invalidMigration(InvalidMigrationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Migration rejected");
    problem.setProperty("planErrors", e.check().planErrors());
    problem.setProperty("instanceErrors", e.check().instanceErrors());
    return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler({UnknownModelException.class, UnknownRuleException.class, UnknownMigrationException.class})
  ResponseEntity<ProblemDetail> unknown(RuntimeException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Model not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
