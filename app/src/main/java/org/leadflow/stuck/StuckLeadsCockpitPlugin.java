package org.leadflow.stuck;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "Stuck leads" (registered in META-INF/services for Cockpit's ServiceLoader): its
 * REST resource under {@code /camunda/api/cockpit/plugin/stuck-leads/{engine}/stuck-leads}, behind
 * Cockpit's login, session and CSRF protection, and its front end {@code plugin-webapp/stuck-leads/app/plugin.js}
 * (served by Cockpit from the classpath at {@code .../plugin/stuck-leads/static/app/plugin.js}).
 */
public class StuckLeadsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "stuck-leads";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(StuckLeadsPluginRootResource.class);
  }
}
