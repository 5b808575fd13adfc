package org.leadflow.stuck;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * {@code GET .../stuck-leads}: the open stuck leads grouped by team, only those on process instances
 * the logged-in Cockpit user may read (Cockpit sets the user on the engine for the request, so the
 * instance query below applies the engine's authorizations).
 */
public class StuckLeadsPluginResource extends AbstractCockpitPluginResource {

  private final StuckLeadService stuck;
  private final Clock clock;

  StuckLeadsPluginResource(String engineName, StuckLeadService stuck, Clock clock) {
    super(engineName);
    this.stuck = stuck;
    this.clock = clock;
  }

  /** One team's stuck leads; {@code team} null for leads without an owner in a team. */
  public record TeamStuckLeads(String team, List<StuckLeadView> leads) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<TeamStuckLeads> byTeam() {
    List<StuckLeadView> open = stuck.open(null).stream().map(row -> StuckLeadView.of(row, clock)).toList();
    Set<String> readable = readableInstances(open);
    Map<String, List<StuckLeadView>> byTeam = new LinkedHashMap<>();
    for (StuckLeadView lead : open) {
      if (lead.processInstanceId() == null || readable.contains(lead.processInstanceId())) {
        byTeam.computeIfAbsent(lead.teamId() == null ? "" : lead.teamId(), team -> new ArrayList<>()).add(lead);
      }
    }
    return byTeam.entrySet().stream()
        .map(team -> new TeamStuckLeads(team.getKey().isEmpty() ? null : team.getKey(), team.getValue()))
        .toList();
  }

  private Set<String> readableInstances(List<StuckLeadView> leads) {
    Set<String> ids = leads.stream().map(StuckLeadView::processInstanceId).filter(id -> id != null)
        .collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return Set.of();
    }
    return getProcessEngine().getRuntimeService().createProcessInstanceQuery().processInstanceIds(ids).list()
        .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
  }
}
