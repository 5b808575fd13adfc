package org.leadflow.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.identity.Roles;
import org.leadflow.lead.LeadService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses the sales rep for a sales-ready lead: round robin over the members of group {@code sales}
 * in user-id order, skipping the rep the lead is taken from. The cursor row is locked while choosing,
 * so concurrent assignments on several nodes still take turns. Performance-weighted routing from DMN
 * replaces the round robin in the rules issue; this class is its seam.
 */
@Service
@Transactional
public class RoutingService {

  static final String SALES_POOL = "sales";

  private final RoutingMapper routing;
  private final IdentityService identity;
  private final LeadService leads;
  private final LeadEventPublisher events;
  private final Clock clock;

  public RoutingService(RoutingMapper routing, IdentityService identity, LeadService leads,
      LeadEventPublisher events, Clock clock) {
    this.routing = routing;
    this.identity = identity;
    this.leads = leads;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @param previousRep the rep the lead is taken from, or null for the first assignment
   * @param cause why it is (re)assigned, e.g. "sales-ready" or "accept SLA breached"
   */
  public Assignment assignSalesRep(String leadId, String previousRep, String cause, String actor) {
    // sorted here, not by the database: the cursor comparison below must use the same order
    List<String> reps = identity.createUserQuery().memberOfGroup(Roles.SALES).list().stream()
        .map(User::getId).sorted().toList();
    if (reps.isEmpty()) {
      throw new IllegalStateException("No member of group '" + Roles.SALES + "' to assign lead " + leadId + " to");
    }
    List<String> others = reps.stream().filter(rep -> !rep.equals(previousRep)).toList();
    boolean skippedPrevious = previousRep != null && others.size() < reps.size() && !others.isEmpty();
    List<String> eligible = others.isEmpty() ? reps : others;
    String last = routing.lockCursor(SALES_POOL)
        .orElseThrow(() -> new IllegalStateException("No routing cursor for pool " + SALES_POOL))
        .lastAssignee();
    String chosen = eligible.stream().filter(rep -> last == null || rep.compareTo(last) > 0).findFirst()
        .orElse(eligible.get(0));
    routing.moveCursor(SALES_POOL, chosen);

    String manager = routing.supervisorOf(chosen).orElse(null);
    String reason = cause + ": round robin over " + eligible.size() + " eligible sales rep(s), next after "
        + (last == null ? "none" : last)
        + (skippedPrevious ? "; skipped " + previousRep
            : previousRep != null && others.isEmpty() ? "; " + previousRep + " is the only sales rep" : "");
    Instant now = clock.instant();
    String role = SALES_POOL.toUpperCase();
    routing.insertAssignment(leadId, role, chosen, previousRep, reason, now, actor);
    leads.assignOwner(leadId, chosen); // locks the lead's row before its event is numbered
    events.publish(LeadEvent.of(LeadEventType.LeadAssigned, leadId, now, LeadEvent.fields()
        .put("role", role)
        .put("assignee", chosen)
        .put("previousAssignee", previousRep)
        .put("manager", manager)
        .put("reason", reason)
        .put("actor", actor)));
    return new Assignment(chosen, manager, reason);
  }
}
