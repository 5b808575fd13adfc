package org.leadflow.modeler;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At startup, after the engine's auto-deployment and before listeners and the job executor start,
 * keeps the models changed in the modeler from being taken back by a redeployment of their unchanged
 * files ({@link ModelService#restoreModelerEditsAfterAutoDeployment()}).
 */
@Component
class ModelStartup implements SmartInitializingSingleton {

  private final ModelService models;

  ModelStartup(ModelService models) {
    this.models = models;
  }

  @Override
  public void afterSingletonsInstantiated() {
    models.restoreModelerEditsAfterAutoDeployment();
  }
}
