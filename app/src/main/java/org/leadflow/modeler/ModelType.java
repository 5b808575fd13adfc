package org.leadflow.modeler;

import java.util.Locale;

/** The three kinds of model a process owner edits, as they appear in {@code /api/models/{type}}. */
public enum ModelType {
  BPMN(".bpmn"),
  DMN(".dmn"),
  FORM(".form");

  private final String suffix;

  ModelType(String suffix) {
    this.suffix = suffix;
  }

  /** The file name ending of this type's resources, e.g. {@code .bpmn}. */
  public String suffix() {
    return suffix;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type of a path segment such as {@code bpmn}; null when there is none. */
  public static ModelType of(String id) {
    for (ModelType type : values()) {
      if (type.id().equalsIgnoreCase(id)) {
        return type;
      }
    }
    return null;
  }

  /** The type of a deployment resource by its name's ending; null for other resources. */
  public static ModelType ofResource(String resourceName) {
    for (ModelType type : values()) {
      if (resourceName.endsWith(type.suffix)) {
        return type;
      }
    }
    return null;
  }

  /** {@code processes/lead-lifecycle.bpmn} or an absolute path → {@code lead-lifecycle}. */
  public static String keyOf(String resourceName) {
    String file = resourceName.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }
}
