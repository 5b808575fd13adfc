package org.leadflow.stuck;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Root of the plugin's REST API (a JAX-RS resource Cockpit's Jersey application creates per request,
 * not a Spring bean): the Spring beans it needs come from the web application context.
 */
@Path("plugin/" + StuckLeadsCockpitPlugin.ID)
public class StuckLeadsPluginRootResource extends AbstractCockpitPluginRootResource {

  public StuckLeadsPluginRootResource() {
    super(StuckLeadsCockpitPlugin.ID);
  }

  @Path("{engineName}/stuck-leads")
  public StuckLeadsPluginResource stuckLeads(@PathParam("engineName") String engineName) {
    ApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    return subResource(new StuckLeadsPluginResource(engineName, spring.getBean(StuckLeadService.class),
        spring.getBean(Clock.class)), engineName);
  }
}
