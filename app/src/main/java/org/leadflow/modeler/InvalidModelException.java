package org.leadflow.modeler;

import java.util.List;

/** A model change that must not be deployed (422): its problems, or "nothing changed" (rule {@code unchanged}). */
public class InvalidModelException extends RuntimeException {

  private final transient List<ModelProblem> problems;

  public InvalidModelException(ModelType type, String key, List<ModelProblem> problems) {
    super((type == null ? "the model set" : type.id() + " " + key) + " cannot be deployed: "
        + problems.stream().filter(ModelProblem::isError).map(problem -> (problem.elementId() == null ? ""
            : problem.elementId() + ": ") + problem.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"));
    this.problems = List.copyOf(problems);
  }

  static InvalidModelException unchanged(ModelType type, String key) {
    return new InvalidModelException(type, key, List.of(ModelProblem.error(null, "unchanged",
        "nothing changed: the content equals the deployed version")));
  }

  public List<ModelProblem> problems() {
    return problems;
  }
}
