package org.leadflow.modeler;

/** A change made on a version that is no longer the latest (409): deploying it would take the newer one back. */
public class ModelConflictException extends RuntimeException {

  private final Integer latestVersion;

  public ModelConflictException(ModelType type, String key, Integer baseVersion, Integer latestVersion) {
    super(type.id() + " " + key + " was changed on v" + baseVersion + ", but v" + latestVersion
        + " has been deployed since: open the latest version and apply the change there");
    this.latestVersion = latestVersion;
  }

  public Integer latestVersion() {
    return latestVersion;
  }
}
