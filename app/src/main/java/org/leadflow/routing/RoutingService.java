package org.leadflow.routing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.leadflow.people.TeamRole;
import org.leadflow.process.LeadRouting;
import org.leadflow.reports.ReportProjection;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Chooses the rep for a lead: {@code processes/lead-routing.dmn} names the eligible team (pool,
 * product line, territory), {@link RepAllocator} the rep within it (performance-weighted fair share,
 * capacity, absences). Every assignment is logged in {@code lead_assignment} with why this rep (the
 * rule, the team, weights and loads, who was skipped and why) and published as LeadAssigned.
 */
@Service
@Transactional(noRollbackFor = NoEligibleRepException.class)
public class RoutingService {

  private static final Logger log = LoggerFactory.getLogger(RoutingService.class);
  private static final int REASON_LENGTH = 2000;

  private final RuleBook rules;
  private final RepAllocator allocator;
  private final RoutingMapper routing;
  private final PeopleMapper people;
  private final LeadService leads;
  private final LeadEventPublisher events;
  private final Clock clock;
  private final ReportProjection reports;

  public RoutingService(RuleBook rules, RepAllocator allocator, RoutingMapper routing, PeopleMapper people,
      LeadService leads, LeadEventPublisher events, Clock clock, ReportProjection reports) {
    this.reports = reports;
    this.rules = rules;
    this.allocator = allocator;
    this.routing = routing;
    this.people = people;
    this.leads = leads;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Assigns a sales-ready lead to a sales rep.
   *
   * @param previousRep the rep the lead is taken from (skipped), or null for the first assignment
   * @param cause why it is (re)assigned, e.g. "sales-ready" or "accept SLA breached"
   * @throws NoEligibleRepException when nobody of the eligible team may take it
   */
  public Assignment assignSalesRep(String leadId, String previousRep, String cause, String actor) {
    return assign(TeamRole.SALES, leadId, previousRep, cause, actor);
  }

  /**
   * Assigns an MQL to an SDR of the eligible team. When nobody may take it (no SDR team, everyone
   * absent or at capacity) the lead stays in the shared SDR queue, unassigned: it is not lost, and
   * capture does not fail because of a staffing gap.
   */
  public Optional<Assignment> assignSdr(String leadId, String cause, String actor) {
    return assignSdr(leadId, null, cause, actor);
  }

  /** The same, skipping {@code previousSdr} (null: nobody), e.g. when an SDR let the call-attempt SLA lapse. */
  public Optional<Assignment> assignSdr(String leadId, String previousSdr, String cause, String actor) {
    try {
      return Optional.of(assign(TeamRole.SDR, leadId, previousSdr, cause, actor));
    } catch (NoEligibleRepException nobody) {
      log.warn("Lead {} stays unassigned in the SDR queue: {}", leadId, nobody.getMessage());
      return Optional.empty();
    }
  }

  /**
   * A manager moves the lead to a rep of their choice, or (chosenRep null) lets routing pick anyone
   * but the current rep.
   *
   * @throws NoEligibleRepException when the chosen rep has no active sales profile or is absent
   */
  public Assignment reassignByManager(String leadId, String previousRep, String chosenRep, String manager) {
    if (chosenRep == null || chosenRep.isBlank()) {
      return assign(TeamRole.SALES, leadId, previousRep, "manager reassigned (" + manager + " let routing pick)",
          manager);
    }
    Rep rep = people.findRep(chosenRep).orElseThrow(() ->
        new NoEligibleRepException(chosenRep + " has no rep profile; choose a sales rep"));
    Team team = people.findTeam(rep.teamId()).orElseThrow();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of(team.timeZone()));
    if (team.role() != TeamRole.SALES || rep.status() != RepStatus.ACTIVE) {
      throw new NoEligibleRepException(chosenRep + " is not an active sales rep");
    }
    people.findAbsencesNotEndedBefore(java.util.List.of(chosenRep), today).stream()
        .filter(absence -> absence.covers(today)).findFirst().ifPresent(absence -> {
          throw new NoEligibleRepException(chosenRep + " is absent until " + absence.toDate() + " ("
              + absence.reason() + ")");
        });
    int load = routing.openLoads(java.util.List.of(chosenRep)).stream().mapToInt(RoutingMapper.Load::openLeads)
        .sum();
    String reason = "manager reassigned: " + manager + " chose " + chosenRep + " (team " + team.id() + ", load "
        + load + "/" + rep.capacity() + (load >= rep.capacity() ? ", over capacity by the manager's decision" : "")
        + ")" + (previousRep == null ? "" : "; taken from " + previousRep);
    return record(TeamRole.SALES, leadId, previousRep, chosenRep, team.supervisorId(), reason, manager);
  }

  /**
   * Records a successor someone else chose (a rep hand-over, the hand-back to a returning rep): the
   * assignment log with {@code reason}, the lead's owner and LeadAssigned, in the pool of the chosen
   * rep's team. No eligibility check: the caller decided.
   */
  public Assignment recordChosen(String leadId, String previousRep, String chosenRep, String reason, String actor) {
    Optional<Team> team = people.findRep(chosenRep).flatMap(rep -> people.findTeam(rep.teamId()));
    return record(team.map(Team::role).orElse(TeamRole.SALES), leadId, previousRep, chosenRep,
        team.map(Team::supervisorId).orElse(null), reason, actor);
  }

  private Assignment assign(TeamRole pool, String leadId, String previousRep, String cause, String actor) {
    Lead lead = leads.get(leadId);
    RuleDecision decision = rules.evaluate(LeadRouting.DECISION, inputs(pool, lead));
    RuleMatch rule = decision.single();
    String teamId = rule.string(LeadRouting.Outputs.TEAM_ID);
    Team team = people.findTeam(teamId).orElseThrow(() -> new NoEligibleRepException(decision.ref(rule)
        + " names team '" + teamId + "', which does not exist"));
    if (team.role() != pool) {
      throw new NoEligibleRepException(decision.ref(rule) + " sends a " + pool + " lead to team " + teamId
          + ", which works the " + team.role() + " pool");
    }
    RepAllocator.Allocation allocation = allocator.allocate(teamId, previousRep);
    String reason = cause + ": " + decision.ref(rule)
        + (rule.annotation() == null ? "" : " (" + rule.annotation() + ")") + " -> " + allocation.explanation();
    return record(pool, leadId, previousRep, allocation.rep().userId(), allocation.team().supervisorId(), reason,
        actor);
  }

  private Assignment record(TeamRole pool, String leadId, String previousRep, String chosen, String manager,
      String why, String actor) {
    String reason = why.length() <= REASON_LENGTH ? why : why.substring(0, REASON_LENGTH - 1) + "…";
    Instant now = clock.instant();
    String role = pool.name();
    routing.insertAssignment(leadId, role, chosen, previousRep, reason, now, actor);
    reports.assigned(leadId, chosen, now);
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

  private static Map<String, Object> inputs(TeamRole pool, Lead lead) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(LeadRouting.Inputs.POOL, pool.name());
    inputs.put(LeadRouting.Inputs.PRODUCT_INTEREST,
        lead.productInterest() == null ? null : lead.productInterest().strip().toLowerCase(Locale.ROOT));
    inputs.put(LeadRouting.Inputs.COUNTRY, lead.country());
    return inputs;
  }
}
