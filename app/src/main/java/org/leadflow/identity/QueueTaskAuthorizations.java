package org.leadflow.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Installs {@link QueueTaskAuthorizationProvider} for {@link QueueGrants} (a process engine plugin; the
 * starter applies every plugin bean). The engine's plugin base class is its documented extension point.
 */
@Component
class QueueTaskAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new QueueTaskAuthorizationProvider(QueueGrants.GROUP_BY_PROCESS));
  }
}
