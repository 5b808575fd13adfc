package org.leadflow.modeler;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;

/** The audit of model changes ({@code lead_model_change}); XML in {@code mapper/ModelChangeMapper.xml}. */
@Mapper
public interface ModelChangeMapper {

  String DEPLOY = "DEPLOY";
  String MIGRATE = "MIGRATE";
  String KEEP_OLD_VERSION = "KEEP_OLD_VERSION";

  /** One change as stored; {@code id} is null for the decision tables deployed through /api/rules. */
  record Row(Long id, Instant changedAt, String changedBy, String action, String modelType, String modelKey,
      Integer fromVersion, Integer toVersion, String changeNote, String deploymentId, String definitionId,
      String batchId, Integer instances, String result) {}

  /** A change to insert; {@link #id} is set by the insert. */
  final class NewChange {
    Long id;
    final Instant changedAt;
    final String changedBy;
    final String action;
    final String modelType;
    final String modelKey;
    final Integer fromVersion;
    final Integer toVersion;
    final String changeNote;
    final String deploymentId;
    final String definitionId;
    final String batchId;
    final Integer instances;
    final String result;

    NewChange(Instant changedAt, String changedBy, String action, String modelType, String modelKey,
        Integer fromVersion, Integer toVersion, String changeNote, String deploymentId, String definitionId,
        String batchId, Integer instances, String result) {
      this.changedAt = changedAt;
      this.changedBy = changedBy;
      this.action = action;
      this.modelType = modelType;
      this.modelKey = modelKey;
      this.fromVersion = fromVersion;
      this.toVersion = toVersion;
      this.changeNote = changeNote;
      this.deploymentId = deploymentId;
      this.definitionId = definitionId;
      this.batchId = batchId;
      this.instances = instances;
      this.result = result;
    }

    public Long getId() {
      return id;
    }
  }

  void insert(NewChange change);

  Row findById(long id);

  /** The newest changes first, of one key or all (null), those through /api/rules included. */
  List<Row> findChanges(String modelKey, int limit);

  /** Every DEPLOY row with its deployment id, to name the author and note of each deployment. */
  List<Row> findDeploys();

  Row findByBatch(String batchId);

  /** The MIGRATE rows whose result is still RUNNING, oldest first. */
  List<Row> findRunningMigrations();

  void updateResult(String batchId, String result);

  /**
   * Locks the one row of {@code lead_model_lock} (V017) until the transaction ends: model-set deploys and
   * the restore at startup take turns. Null when the row is missing.
   */
  Integer lockModelSet();
}
