package org.leadflow.stuck;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Registers the incident type {@value #TYPE} with the engine (a process engine plugin; the starter
 * applies every plugin bean). The engine would create incidents of an unknown type with a throw-away
 * default handler; a registered handler also tells us when an incident goes away. Its configuration is
 * the lead id. Resolved ({@code RuntimeService.resolveIncident}) or ended with its execution (the token
 * moved on, the instance ended or was cancelled; recorded as resolved too), the lead's open
 * {@code lead_stuck} row is closed in the same transaction.
 *
 * <p>Uses the engine's {@code impl} SPI (plugin and incident handler): Camunda offers no public API to
 * register an incident type.
 */
@Component
class StuckLeadIncidents extends AbstractProcessEnginePlugin {

  static final String TYPE = "stuck-lead";

  private final ObjectProvider<StuckLeadService> stuckLeads;

  StuckLeadIncidents(ObjectProvider<StuckLeadService> stuckLeads) {
    this.stuckLeads = stuckLeads;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<IncidentHandler> handlers = configuration.getCustomIncidentHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomIncidentHandlers());
    handlers.add(new Handler());
    configuration.setCustomIncidentHandlers(handlers);
  }

  private final class Handler extends DefaultIncidentHandler {

    Handler() {
      super(TYPE);
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      super.resolveIncident(context);
      stuckLeads.getObject().incidentGone(context.getConfiguration(), "incident resolved");
    }

    /**
     * The execution carrying the incident ends: the token left the activity the lead waited in (or the
     * instance ended or was cancelled). For this type that resolves the incident, so history records it
     * as resolved, not deleted.
     */
    @Override
    public void deleteIncident(IncidentContext context) {
      removeIncident(context, true);
      stuckLeads.getObject().incidentGone(context.getConfiguration(), "moved on from " + context.getActivityId());
    }
  }
}
