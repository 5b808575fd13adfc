package org.leadflow.lead;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Mocked {@link DelegateExecution}s for delegate tests. Variables are stubbed by the test
 * ({@code when(execution.getVariable("leadId")).thenReturn(...)}); the acting user comes from the
 * engine's identity service, as {@code Actors.current} reads it.
 */
public final class TestExecutions {

  private TestExecutions() {}

  /** An execution whose task was completed by {@code userId}. */
  public static DelegateExecution completedBy(String userId) {
    return withAuthentication(new Authentication(userId, List.of()));
  }

  /** An execution the engine runs on its own (job executor, timer): nobody is authenticated. */
  public static DelegateExecution runByTheEngine() {
    return withAuthentication(null);
  }

  private static DelegateExecution withAuthentication(Authentication authentication) {
    DelegateExecution execution = mock(DelegateExecution.class);
    ProcessEngineServices services = mock(ProcessEngineServices.class);
    IdentityService identity = mock(IdentityService.class);
    when(execution.getProcessEngineServices()).thenReturn(services);
    when(services.getIdentityService()).thenReturn(identity);
    when(identity.getCurrentAuthentication()).thenReturn(authentication);
    return execution;
  }
}
