package org.leadflow.handover;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.leadflow.identity.Roles;
import org.leadflow.lead.ActivityType;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.process.LeadVariables;
import org.leadflow.process.RepHandover;
import org.leadflow.routing.RoutingMapper;
import org.leadflow.routing.RoutingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a departing or absent rep's open leads to successors (DOMAIN.md "When a rep leaves"): bottom of
 * the funnel first, then middle, then top; with each lead its running tasks and the rep variables of its
 * instances (which its pending SLA timers escalate to). All in one transaction, checked afterwards:
 * nothing may still be owned by the rep, else nothing moves. Audited in {@code lead_handover(_item)}.
 */
@Service
@Transactional
public class HandoverService {

  private static final Logger log = LoggerFactory.getLogger(HandoverService.class);

  /** Process variables that name the rep who works a lead. */
  static final List<String> REP_VARIABLES = List.of(LeadVariables.SALES_REP.name(), LeadVariables.SDR_REP.name());

  private final HandoverMapper handovers;
  private final LeadService leads;
  private final RoutingService routing;
  private final RoutingMapper assignments;
  private final RepAvailability availability;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final Clock clock;

  public HandoverService(HandoverMapper handovers, LeadService leads, RoutingService routing,
      RoutingMapper assignments, RepAvailability availability, RuntimeService runtime, TaskService tasks,
      ManagementService management, IdentityService identity, Clock clock) {
    this.handovers = handovers;
    this.leads = leads;
    this.routing = routing;
    this.assignments = assignments;
    this.availability = availability;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
    this.clock = clock;
  }

  /**
   * Starts rep-handover as {@code actor}. Its first step (the move) runs in this transaction, so a
   * request that cannot be carried out fails here and nothing is started.
   */
  public Handover.Report request(HandoverRequest request, String actor) {
    VariableMap variables = Variables.createVariables()
        .putValue(LeadVariables.DEPARTING_REP.name(), request.departingRep())
        .putValue(LeadVariables.HANDOVER_KIND.name(), request.kind().name())
        .putValue(LeadVariables.RETURNS_ON.name(), request.returnsOn() == null ? null : request.returnsOn().toString())
        .putValue(LeadVariables.SUCCESSOR.name(), request.successor())
        .putValue(LeadVariables.HAND_BACK_ON_RETURN.name(), Boolean.TRUE.equals(request.handBackOnReturn()))
        .putValue(LeadVariables.HANDOVER_NOTE.name(), request.note());
    var previous = identity.getCurrentAuthentication();
    // as the caller, with their groups: engine authorizations apply, the starter and the actor are recorded
    identity.setAuthentication(actor, identity.createGroupQuery().groupMember(actor).list().stream()
        .map(Group::getId).toList());
    try {
      ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(RepHandover.KEY)
          .businessKey("handover:" + request.departingRep())
          .setVariables(variables)
          .executeWithVariablesInReturn();
      long id = LeadVariables.HANDOVER_ID.type().cast(instance.getVariables().get(LeadVariables.HANDOVER_ID.name()));
      return report(id);
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  @Transactional(readOnly = true)
  public Handover.Report report(long id) {
    Handover handover = handovers.find(id).orElseThrow(() -> new HandoverNotFoundException(id));
    return new Handover.Report(handover, handovers.items(id));
  }

  @Transactional(readOnly = true)
  public List<Handover> recent(String departingRep) {
    return handovers.findRecent(departingRep);
  }

  /** What Task_HandOverOpenLeads carries out; returns the hand-over's id. */
  public long handOver(String departingRep, HandoverKind kind, LocalDate returnsOn, boolean handBackOnReturn,
      String successor, String note, String processInstanceId, String actor) {
    String chosen = successor == null || successor.isBlank() ? null : successor.trim();
    validate(departingRep, kind, returnsOn, handBackOnReturn, chosen);
    Instant now = clock.instant();
    HandoverMapper.NewHandover row = new HandoverMapper.NewHandover();
    row.departingRep = departingRep;
    row.kind = kind.name();
    row.returnsOn = returnsOn;
    row.handBack = handBackOnReturn && kind == HandoverKind.ABSENT && returnsOn != null;
    row.chosenSuccessor = chosen;
    row.note = note;
    row.processInstanceId = processInstanceId;
    row.startedBy = actor;
    row.startedAt = now;
    handovers.insert(row);
    long id = row.id;

    // the rep takes no new leads from here on, so routing below cannot pick them
    availability.markUnavailable(departingRep, kind, now, returnsOn, "hand-over " + id + ": " + note, actor);

    boolean sdr = identity.createUserQuery().userId(departingRep).memberOfGroup(Roles.SDR).count() > 0;
    List<HandoverMapper.OwnedLead> owned = new ArrayList<>(handovers.lockOpenLeadsOf(departingRep));
    owned.sort(Comparator.comparing((HandoverMapper.OwnedLead lead) ->
        FunnelBand.of(LeadStage.valueOf(lead.stage()), lead.funnelPosition())).thenComparing(HandoverMapper.OwnedLead::id));
    Map<String, String> successorOf = new LinkedHashMap<>();
    int seq = 0;
    int tasksMoved = 0;
    int timersMoved = 0;
    for (HandoverMapper.OwnedLead lead : owned) {
      FunnelBand band = FunnelBand.of(LeadStage.valueOf(lead.stage()), lead.funnelPosition());
      String cause = "hand-over " + id + " from " + departingRep + " (" + kind.name().toLowerCase() + "), "
          + band.name().toLowerCase() + " of the funnel";
      String next = chosen != null ? assignChosen(lead.id(), chosen, departingRep, cause, actor)
          : routedSuccessor(lead.id(), departingRep, sdr, cause, actor);
      successorOf.put(lead.id(), next);
      Moved moved = moveWork(lead.id(), departingRep, next);
      tasksMoved += moved.tasks();
      timersMoved += moved.timers();
      handovers.insertItem(id, lead.id(), ++seq, band, lead.stage(), next, moved.tasks(), moved.timers());
      leads.recordActivity(lead.id(), ActivityType.HANDED_OVER, band.name(), null, actor,
          cause + ": now with " + (next == null ? "the shared SDR queue" : next) + "; " + moved.tasks() + " task(s), " + moved.timers() + " timer(s) moved");
    }
    tasksMoved += moveRemainingWork(departingRep, successorOf, chosen, actor);
    ensureNothingLeftWith(departingRep);
    handovers.recordMoved(id, Handover.HANDED_OVER, owned.size(), tasksMoved, timersMoved);
    log.info("Hand-over {}: {} lead(s), {} task(s), {} timer(s) moved from {} ({})", id, owned.size(), tasksMoved,
        timersMoved, departingRep, kind);
    return id;
  }

  /** What Task_HandLeadsBack carries out: still-open leads still with their successor go back. */
  public int handBack(long handoverId, String actor) {
    Handover handover = handovers.find(handoverId).orElseThrow(() -> new HandoverNotFoundException(handoverId));
    String rep = handover.departingRep();
    Instant now = clock.instant();
    if (!availability.isAvailable(rep, now)) {
      for (Handover.Item item : handovers.items(handoverId)) {
        handovers.recordItemHandBack(handoverId, item.leadId(), null, rep + " is not available; lead stays");
      }
      return 0;
    }
    int back = 0;
    for (Handover.Item item : handovers.items(handoverId)) {
      Lead lead = leads.getForUpdate(item.leadId());
      String note;
      if (!lead.stage().isOpen()) {
        note = "closed as " + lead.stage() + "; stays";
      } else if (!Objects.equals(lead.ownerId(), item.successor())) {
        note = "now with " + lead.ownerId() + "; stays";
      } else {
        assignChosen(lead.id(), rep, item.successor(), "hand-back after hand-over " + handoverId + ": " + rep
            + " returned", actor);
        moveWork(lead.id(), item.successor(), rep);
        note = null;
        back++;
      }
      handovers.recordItemHandBack(handoverId, item.leadId(), note == null ? now : null, note);
    }
    handovers.recordHandedBack(handoverId, now);
    return back;
  }

  private void validate(String rep, HandoverKind kind, LocalDate returnsOn, boolean handBack, String successor) {
    if (identity.createUserQuery().userId(rep).count() == 0) {
      throw new InvalidHandoverException("departingRep", "no user '" + rep + "'");
    }
    if (successor != null) {
      if (successor.equals(rep)) {
        throw new InvalidHandoverException("successor", "the successor cannot be the departing rep");
      }
      if (identity.createUserQuery().userId(successor).count() == 0) {
        throw new InvalidHandoverException("successor", "no user '" + successor + "'");
      }
      if (identity.createUserQuery().userId(successor).memberOfGroup(Roles.SALES).count() == 0
          && identity.createUserQuery().userId(successor).memberOfGroup(Roles.SDR).count() == 0) {
        throw new InvalidHandoverException("successor", successor + " is neither in group sales nor sdr");
      }
      if (!availability.isAvailable(successor, clock.instant())) {
        throw new InvalidHandoverException("successor", successor + " is absent or departed");
      }
    }
    LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    if (returnsOn != null && kind == HandoverKind.DEPARTED) {
      throw new InvalidHandoverException("returnsOn", "a departed rep does not return; use kind ABSENT");
    }
    if (returnsOn != null && !returnsOn.isAfter(today)) {
      throw new InvalidHandoverException("returnsOn", "must be after today (" + today + ")");
    }
    if (handBack && returnsOn == null) {
      throw new InvalidHandoverException("handBackOnReturn", "needs returnsOn");
    }
  }

  /**
   * Routing's pick among the eligible team (the departing rep is already unavailable). An SDR's MQL that no
   * SDR can take goes back to the shared SDR queue, unassigned (null), rather than failing the hand-over.
   */
  private String routedSuccessor(String leadId, String departingRep, boolean sdr, String cause, String actor) {
    if (!sdr) {
      return routing.assignSalesRep(leadId, departingRep, cause, actor).assignee();
    }
    return routing.assignSdr(leadId, cause, actor).map(assignment -> assignment.assignee()).orElseGet(() -> {
      leads.assignOwner(leadId, null);
      return null;
    });
  }

  /** An explicit successor (the manager's choice, or the returning rep), recorded by routing. */
  private String assignChosen(String leadId, String successor, String previous, String cause, String actor) {
    leads.getForUpdate(leadId);
    return routing.recordChosen(leadId, previous, successor, cause + ": " + successor + " chosen by " + actor, actor)
        .assignee();
  }


  /*
   * Engine changes made in this command are flushed when it ends, so queries still match the rows as they
   * were; the entities they return are the changed ones. Hence: query, then check the current value.
   */

  private List<Task> tasksOf(String rep) {
    return tasks.createTaskQuery().taskAssignee(rep).list().stream().filter(task -> rep.equals(task.getAssignee()))
        .toList();
  }

  private List<VariableInstance> repVariablesNaming(String rep) {
    return REP_VARIABLES.stream()
        .flatMap(name -> runtime.createVariableInstanceQuery().variableValueEquals(name, rep).list().stream())
        .filter(variable -> rep.equals(variable.getValue()) && variable.getTaskId() == null)
        .toList();
  }

  private record Moved(int tasks, int timers) {}

  /** The lead's tasks assigned to {@code from}, and the rep variables of its instances, go to {@code to}. */
  private Moved moveWork(String leadId, String from, String to) {
    int taskCount = 0;
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(leadId).taskAssignee(from).list()) {
      tasks.setAssignee(task.getId(), to);
      taskCount++;
    }
    List<String> instanceIds = runtime.createProcessInstanceQuery().processInstanceBusinessKey(leadId).list()
        .stream().map(ProcessInstance::getId).toList();
    int timerCount = 0;
    if (!instanceIds.isEmpty()) {
      for (VariableInstance variable : runtime.createVariableInstanceQuery()
          .processInstanceIdIn(instanceIds.toArray(String[]::new))
          .variableNameIn(REP_VARIABLES.toArray(String[]::new)).list()) {
        if (from.equals(variable.getValue()) && variable.getTaskId() == null) { // to may be null: back to the queue
          runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), to);
        }
      }
      for (String instanceId : instanceIds) {
        timerCount += (int) management.createJobQuery().processInstanceId(instanceId).timers().count();
      }
    }
    return new Moved(taskCount, timerCount);
  }

  /**
   * Work of the rep that is not tied to one of their open leads (tasks of other instances, rep variables
   * left on instances whose lead moved on): to the lead's successor if known, else the chosen successor,
   * else the rep's supervisor, else the manager carrying out the hand-over.
   */
  private int moveRemainingWork(String rep, Map<String, String> successorOf, String chosen, String actor) {
    String fallback = chosen != null ? chosen : assignments.supervisorOf(rep).filter(s -> !s.equals(rep)).orElse(actor);
    int moved = 0;
    for (Task task : tasksOf(rep)) {
      tasks.setAssignee(task.getId(), successorOf.getOrDefault(businessKeyOf(task.getProcessInstanceId()), fallback));
      moved++;
    }
    for (VariableInstance variable : repVariablesNaming(rep)) {
      runtime.setVariableLocal(variable.getExecutionId(), variable.getName(),
          successorOf.getOrDefault(businessKeyOf(variable.getProcessInstanceId()), fallback));
    }
    return moved;
  }

  private String businessKeyOf(String processInstanceId) {
    if (processInstanceId == null) {
      return null;
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }


  private void ensureNothingLeftWith(String rep) {
    int leadsLeft = handovers.countOpenLeadsOf(rep);
    long tasksLeft = tasksOf(rep).size();
    long variablesLeft = repVariablesNaming(rep).size();
    if (leadsLeft + tasksLeft + variablesLeft > 0) {
      throw new IllegalStateException("Hand-over of " + rep + " incomplete, nothing moved: " + leadsLeft
          + " open lead(s), " + tasksLeft + " task(s), " + variablesLeft + " rep variable(s) still name " + rep);
    }
  }
}
