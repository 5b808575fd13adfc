package org.leadflow.rules;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At startup, after the engine's auto-deployment and before listeners and the job executor start,
 * keeps the tables changed through the rules API from being taken back by a redeployment of their
 * unchanged files ({@link RulesService#restoreApiEditsAfterAutoDeployment()}).
 */
@Component
class RulesStartup implements SmartInitializingSingleton {

  private final RulesService rules;

  RulesStartup(RulesService rules) {
    this.rules = rules;
  }

  @Override
  public void afterSingletonsInstantiated() {
    rules.restoreApiEditsAfterAutoDeployment();
  }
}
