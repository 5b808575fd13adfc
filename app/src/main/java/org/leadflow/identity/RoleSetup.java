package org.leadflow.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.process.RepHandover;
import org.leadflow.process.Opportunity;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.process.UncalledLeadReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure, in every profile, that the working groups exist with what they need in Tasklist
 * (application access, reading process definitions, their task filters), and that process owners
 * can watch instances in Cockpit. Tasks are authorised by Camunda per candidate group and assignee (its
 * default task authorizations), so each role sees and completes only its own tasks; the work queues of
 * {@link QueueGrants} are authorised on their process definition instead (SDRs: all sdr-qualification tasks).
 * Idempotent: runs at every start.
 */
@Component
public class RoleSetup {

  private static final Logger log = LoggerFactory.getLogger(RoleSetup.class);

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  public RoleSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
      TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  public void setUp() {
    Map.of(Roles.MARKETING, "Marketing", Roles.SDR, "Sales development reps", Roles.SALES, "Sales reps",
            Roles.SALES_MANAGER, "Sales managers", Roles.PROCESS_OWNER, "Process owners",
            Roles.LEAD_INTAKE, "Lead intake systems", Roles.MONITORING, "Monitoring (metrics scrapers)")
        .forEach(this::group);
    for (String group : Roles.WORKING_GROUPS) {
      grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
    }
    // work queues: the group reads and works every task of the process, without a row per task (QueueGrants)
    QueueGrants.GROUP_BY_PROCESS.forEach((processKey, group) -> grant(group, Resources.PROCESS_DEFINITION,
        processKey, ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK));
    // managers start rep-handover from Tasklist ("Start process") or POST /api/handovers
    grant(Roles.SALES_MANAGER, Resources.PROCESS_DEFINITION, RepHandover.KEY, Permissions.READ,
        Permissions.CREATE_INSTANCE);
    grant(Roles.SALES_MANAGER, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(Roles.PROCESS_OWNER, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(Roles.PROCESS_OWNER, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
        Permissions.READ_INSTANCE);
    grant(Roles.PROCESS_OWNER, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(Roles.PROCESS_OWNER, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(Roles.PROCESS_OWNER, Resources.DEPLOYMENT, ANY, Permissions.READ);

    filter("SDR queue", "Qualify MQLs by phone: unclaimed and claimed SDR tasks", -10,
        tasks.createTaskQuery().taskCandidateGroup(Roles.SDR).includeAssignedTasks().orderByDueDate().asc(),
        Roles.SDR);
    filter("Leads to accept", "Sales-ready leads assigned to me, waiting for acceptance", -9,
        tasks.createTaskQuery().taskDefinitionKey(SalesFollowUp.Tasks.ACCEPT_LEAD).taskAssigneeExpression("${currentUser()}")
            .orderByDueDate().asc(), Roles.SALES);
    // mine, or nobody's (a team without a supervisor): another manager's reviews are theirs alone
    filter("Escalations", "Leads whose SLA my reps let lapse: decide to reassign or leave them", -8,
        tasks.createTaskQuery().taskDefinitionKeyIn(UncalledLeadReview.Tasks.REVIEW_UNCALLED_LEAD,
                SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD, SalesFollowUp.Tasks.REVIEW_OVERDUE_FIRST_CONTACT,
                Opportunity.Tasks.REVIEW_OVERDUE_OPPORTUNITY)
            .taskCandidateGroup(Roles.SALES_MANAGER).includeAssignedTasks()
            .or().taskAssigneeExpression("${currentUser()}").taskUnassigned().endOr()
            .orderByDueDate().asc(),
        Roles.SALES_MANAGER);
    filter("Win/loss reviews", "Closed deals for marketing to learn from", -7,
        tasks.createTaskQuery().taskDefinitionKey(LeadLifecycle.Tasks.REVIEW_WIN_LOSS)
            .taskCandidateGroup(Roles.MARKETING).includeAssignedTasks().orderByDueDate().asc(), Roles.MARKETING);
    filter("My open tasks", "Everything assigned to me", -6,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(),
        Roles.WORKING_GROUPS.toArray(String[]::new));
    filter("Overdue", "Tasks of my groups or mine past their due date", -5,
        tasks.createTaskQuery().or().taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskAssigneeExpression("${currentUser()}").endOr().dueBeforeExpression("${now()}")
            .orderByDueDate().asc(), Roles.WORKING_GROUPS.toArray(String[]::new));
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identity.saveGroup(group);
      log.info("Created group {}", id);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    boolean exists = authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(resource)
        .resourceId(resourceId).count() > 0;
    if (exists) {
      return;
    }
    Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  private void filter(String name, String description, int priority, TaskQuery query, String... groups) {
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    boolean created = filter == null;
    if (created) {
      filter = filters.newTaskFilter(name);
    }
    // a filter of an older version of the app gets this version's query
    filter.setProperties(Map.<String, Object>of("description", description, "priority", priority, "refresh", true))
        .setQuery(query);
    filters.saveFilter(filter);
    if (created) {
      log.info("Created Tasklist filter '{}'", name);
    }
    for (String group : groups) {
      grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
    }
  }
}
