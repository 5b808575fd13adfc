package org.leadflow.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Who is acting in a delegate: the user who completed the task (Tasklist, REST), else the engine. */
public final class Actors {

  public static final String SYSTEM = "system";

  private Actors() {}

  public static String current(DelegateExecution execution) {
    var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : SYSTEM;
  }
}
