package org.leadflow.modeler;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's own parse of a model, without deploying it. Camunda 7.24 has no public "parse only"
 * API (BpmnParse and the deployers are impl classes), so this deploys the resource in a transaction
 * of its own that is always rolled back: the engine shares Spring's transaction manager
 * (SpringProcessEngineConfiguration), so nothing of the deployment stays. Its
 * {@link ParseException#getResorceReports() reports} name the elements ({@link Problem#getMainElementId()}).
 * Definitions of a rolled-back deployment may stay in the engine's deployment cache under ids no
 * query ever returns; the cache is bounded, so that costs a little memory only.
 */
@Component
class EngineParse {

  static final String DEPLOYMENT_NAME = "modeler-validation";

  private final RepositoryService repository;
  private final TransactionTemplate rolledBack;

  EngineParse(RepositoryService repository, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.rolledBack = new TransactionTemplate(transactions);
    this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The engine's errors and warnings for this resource; empty when the engine would deploy it. */
  List<ModelProblem> problems(String resourceName, byte[] content) {
    return rolledBack.execute(status -> {
      status.setRollbackOnly();
      try {
        repository.createDeployment().name(DEPLOYMENT_NAME).source(ModelService.SOURCE)
            .addInputStream(resourceName, new ByteArrayInputStream(content)).deploy();
        return List.of();
      } catch (ParseException refused) {
        return problems(refused);
      } catch (ProcessEngineException refused) {
        return List.of(ModelProblem.error(null, "engine", "the engine refuses the model: " + refused.getMessage()));
      }
    });
  }

  static List<ModelProblem> problems(ParseException refused) {
    List<ModelProblem> problems = new ArrayList<>();
    for (ResourceReport report : refused.getResorceReports()) {
      report.getErrors().forEach(problem -> problems.add(ModelProblem.error(problem.getMainElementId(), "engine",
          message(problem))));
      report.getWarnings().forEach(problem -> problems.add(ModelProblem.warning(problem.getMainElementId(), "engine",
          message(problem))));
    }
    if (problems.stream().noneMatch(ModelProblem::isError)) {
      problems.add(ModelProblem.error(null, "engine", refused.getMessage()));
    }
    return problems;
  }

  private static String message(Problem problem) {
    return problem.getMessage() + (problem.getLine() > 0 ? " (line " + problem.getLine() + ")" : "");
  }
}
