package org.leadflow.modeler;

/** No such model (type and key) or no such version of it (404). */
public class UnknownModelException extends RuntimeException {

  public UnknownModelException(ModelType type, String key, Integer version) {
    super("no " + type.id() + " '" + key + "'" + (version == null ? "" : " in version " + version) + " is deployed");
  }
}
