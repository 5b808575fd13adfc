package org.leadflow.modeler;

/**
 * One finding of {@link ModelValidator}: the element it is about (null when it concerns the whole
 * file), {@code error} (blocks a deploy) or {@code warning}, the rule that found it and a message a
 * process owner can act on.
 */
public record ModelProblem(String elementId, String severity, String rule, String message) {

  public static final String ERROR = "error";
  public static final String WARNING = "warning";

  public static ModelProblem error(String elementId, String rule, String message) {
    return new ModelProblem(elementId, ERROR, rule, message);
  }

  public static ModelProblem warning(String elementId, String rule, String message) {
    return new ModelProblem(elementId, WARNING, rule, message);
  }

  public boolean isError() {
    return ERROR.equals(severity);
  }
}
