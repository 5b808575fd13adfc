package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.engine.taskquery.QueueTaskQuery;
import org.leadflow.identity.Roles;
import org.leadflow.process.SdrQualification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The queue's task list SQL (org.leadflow.engine.taskquery, issue 8) lists exactly what the engine's own SQL
 * lists: for SDRs, an admin, a manager, a sales rep and a user without groups, over the SDR queue filter as
 * Tasklist sends it and other task queries; and an SDR never sees a task the engine would hide from them. Each
 * query runs twice in the same thread, once with the engine's SQL forced ({@link QueueTaskQuery#withEngineSql}),
 * and the fast path is counted, so a query that should take it and does not fails the test too.
 */
class QueueTaskQueryIT extends IntegrationTestBase {

  /**
   * What Tasklist 7.24 posts to /filter/{id}/list (camunda-tasklist-bootstrap.js, "taskListQuery"): no variable
   * filters, the sort chosen in its header (created, descending, until the user picks another), active tasks.
   */
  private static String tasklistBody(String sortBy, String sortOrder) {
    return """
        {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
         "sorting":[{"sortBy":"%s","sortOrder":"%s"}],"active":true}""".formatted(sortBy, sortOrder);
  }
  private static final List<String> USERS = List.of("sam", "sara", "demo", "max", "leo", "h8q-nobody");

  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  private static Fixture fixture;

  /** Tasks of our own, created once for the class (the database is shared: other tests' tasks are there too). */
  private record Fixture(List<String> queueTasks, String standaloneSdrTask, String otherProcessTask,
      String otherProcessDeployment) {}

  @BeforeEach
  void createTasksOnce() {
    if (fixture != null) {
      return;
    }
    List<String> queue = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (int i = 0; i < 8; i++) {
      Task task = task(capture(submission("DEMO_REQUEST", unique())), SdrQualification.Tasks.QUALIFY_LEAD);
      // due dates apart and one without, priorities that tie, some unclaimed, one given to a sales rep
      task.setDueDate(i == 5 ? null : new Date(now + (i % 3 == 0 ? -1 : 1) * (i + 1) * 3_600_000L));
      task.setPriority(i % 2 == 0 ? 50 : 70);
      task.setAssignee(i < 3 ? null : i == 7 ? "leo" : task.getAssignee());
      tasks.saveTask(task);
      queue.add(task.getId());
      if (i == 4) {
        runtime.suspendProcessInstanceById(task.getProcessInstanceId());   // Tasklist lists active tasks only
      }
    }
    // a standalone task of group sdr: the engine writes its per-task grant for the group
    Task standalone = tasks.newTask();
    standalone.setName("h8q standalone " + unique());
    standalone.setDueDate(new Date(now + 90 * 60_000L));
    tasks.saveTask(standalone);
    tasks.addCandidateGroup(standalone.getId(), Roles.SDR);
    // a task of another process with an sdr candidate link and no grant the SDRs could use
    String key = "h8q-other-" + unique();
    String deployment = engine.getRepositoryService().createDeployment().name(key)
        .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).startEvent().userTask("work")
            .camundaCandidateGroups(Roles.SDR).endEvent().done())
        .deploy().getId();
    String otherInstance = runtime.startProcessInstanceByKey(key).getId();
    String other = tasks.createTaskQuery().processInstanceId(otherInstance).singleResult().getId();
    authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(other).list()
        .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    fixture = new Fixture(List.copyOf(queue), standalone.getId(), other, deployment);
  }

  @Test
  void theSdrQueueAsTasklistListsItIsTheEnginesResultThroughTheFastSql() throws Exception {
    String filterId = filters.createFilterQuery().filterName("SDR queue").singleResult().getId();
    for (String sdr : List.of("sam", "sara", "demo")) {
      assertSameAsEngine(sdr, "filter, whole list", true, false, Key.DUE, () -> filters.list(filterId));
      for (int first : new int[] {0, 3, 15}) {
        assertSameAsEngine(sdr, "filter as Tasklist sends it, created desc, from " + first, true, true,
            Key.CREATED, () -> filters.listPage(filterId, tasklistQuery("created", "desc"), first, 15));
        assertSameAsEngine(sdr, "filter as Tasklist sends it, due date, from " + first, true, true, Key.DUE,
            () -> filters.listPage(filterId, tasklistQuery("dueDate", "asc"), first, 15));
      }
    }
    // over HTTP too, as Tasklist calls it (the engine's SQL in this thread to compare)
    List<Task> engineSql = as("sam", () -> QueueTaskQuery.withEngineSql(() -> filters.listPage(filterId,
        tasklistQuery("dueDate", "asc"), 0, 15)));
    ResponseEntity<JsonNode> page = post("sam", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        json.readTree(tasklistBody("dueDate", "asc")));
    List<Long> dueDates = new ArrayList<>();
    page.getBody().forEach(task -> dueDates.add(task.path("due").isNull() ? null
        : java.time.OffsetDateTime.parse(task.path("due").asText(),
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant().toEpochMilli()));
    assertThat(dueDates).isEqualTo(engineSql.stream().map(task -> task.getDueDate() == null ? null
        : task.getDueDate().getTime()).toList());
    assertThat(page.getBody().findValuesAsText("id")).allSatisfy(id -> assertThat(as("sam",
        () -> QueueTaskQuery.withEngineSql(() -> tasks.createTaskQuery().taskId(id).count()))).isOne());
  }

  @Test
  void queueShapedTaskQueriesListWhatTheEngineListsForEveryUser() {
    for (String user : USERS) {
      assertSameAsEngine(user, "sdr, assigned included, due date", true, false, Key.DUE,
          () -> sdr().includeAssignedTasks().orderByDueDate().asc().list());
      assertSameAsEngine(user, "sdr, created desc", true, false, Key.CREATED,
          () -> sdr().includeAssignedTasks().orderByTaskCreateTime().desc().list());
      assertSameAsEngine(user, "sdr, due date desc, page", true, true, Key.DUE,
          () -> sdr().includeAssignedTasks().orderByDueDate().desc().listPage(2, 4));
      for (int first = 0; first < 12; first += 5) {
        int from = first;
        assertSameAsEngine(user, "sdr, priority desc then id, from " + from, true, true, Key.PRIORITY_ID,
            () -> sdr().includeAssignedTasks().orderByTaskPriority().desc().orderByTaskId().asc().listPage(from, 5));
      }
      assertSameAsEngine(user, "sdr, unclaimed only", true, false, Key.DUE,
          () -> sdr().orderByDueDate().asc().list());
      assertSameAsEngine(user, "sdr, active", true, false, Key.DUE,
          () -> sdr().includeAssignedTasks().active().orderByDueDate().asc().list());
      assertSameAsEngine(user, "sdr, suspended", true, false, Key.DUE,
          () -> sdr().includeAssignedTasks().suspended().orderByDueDate().asc().list());
      assertSameAsEngine(user, "sdr, unassigned", true, false, Key.DUE,
          () -> sdr().includeAssignedTasks().taskUnassigned().orderByDueDate().asc().list());
      assertSameAsEngine(user, "no ordering", true, false, Key.ID, () -> sdr().includeAssignedTasks().list());
      assertSameAsEngine(user, "another group", true, false, Key.DUE, () -> tasks.createTaskQuery()
          .taskCandidateGroup(Roles.SALES_MANAGER).includeAssignedTasks().orderByDueDate().asc().list());
      assertSameAsEngine(user, "two groups", true, false, Key.DUE, () -> tasks.createTaskQuery()
          .taskCandidateGroupIn(List.of(Roles.SDR, Roles.SALES)).includeAssignedTasks().orderByDueDate().asc().list());
      // anything else: the engine's SQL
      assertSameAsEngine(user, "an extra criterion", false, false, Key.DUE, () -> sdr().includeAssignedTasks()
          .processDefinitionKey(SdrQualification.KEY).orderByDueDate().asc().list());
      assertSameAsEngine(user, "assigned tasks", false, false, Key.DUE,
          () -> tasks.createTaskQuery().taskAssignee("leo").orderByDueDate().asc().list());
      assertSameAsEngine(user, "an or-query", false, false, Key.DUE, () -> sdr().includeAssignedTasks().or()
          .taskAssignee("sam").taskUnassigned().endOr().orderByDueDate().asc().list());
    }
  }

  @Test
  void anSdrNeverSeesASdrTaskTheyHaveNoGrantFor() {
    List<String> sams = ids(as("sam", () -> countingFastPaths(true,
        () -> sdr().includeAssignedTasks().orderByDueDate().asc().list())));

    assertThat(sams).containsAll(fixture.queueTasks()).contains(fixture.standaloneSdrTask())
        .doesNotContain(fixture.otherProcessTask());
    assertThat(ids(as("demo", () -> sdr().includeAssignedTasks().list()))).contains(fixture.otherProcessTask());
    assertThat(ids(as("max", () -> sdr().includeAssignedTasks().list()))).doesNotContainAnyElementsOf(sams);
    // the queue task given to leo, through the engine's row for him, and nothing else of the queue
    assertThat(ids(as("leo", () -> sdr().includeAssignedTasks().list()))).contains(fixture.queueTasks().get(7))
        .doesNotContain(fixture.queueTasks().get(0), fixture.standaloneSdrTask(), fixture.otherProcessTask());
    assertThat(as("h8q-nobody", () -> sdr().includeAssignedTasks().list())).isEmpty();
    assertThat(ids(as("sam", () -> sdr().includeAssignedTasks().active().list()))).contains(fixture.queueTasks().get(3))
        .doesNotContain(fixture.queueTasks().get(4));
    assertThat(ids(as("sam", () -> sdr().includeAssignedTasks().suspended().list())))
        .contains(fixture.queueTasks().get(4)).doesNotContain(fixture.queueTasks().get(3));
  }

  @Test
  void aRevokedTaskStaysHiddenSinceRevokesTakeTheEngineSql() {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("sam");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(fixture.standaloneSdrTask());
    revoke.removePermission(Permissions.READ);
    revoke = authorizations.saveAuthorization(revoke);
    try {
      assertSameAsEngine("sam", "sdr with a revoke in the database", false, false, Key.DUE,
          () -> sdr().includeAssignedTasks().orderByDueDate().asc().list());
      assertThat(ids(as("sam", () -> sdr().includeAssignedTasks().orderByDueDate().asc().list())))
          .containsAll(fixture.queueTasks()).doesNotContain(fixture.standaloneSdrTask());
      assertThat(ids(as("sara", () -> sdr().includeAssignedTasks().list()))).contains(fixture.standaloneSdrTask());
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
  }

  // --- helpers

  private enum Key {
    DUE(task -> Arrays.asList(time(task.getDueDate()))),
    CREATED(task -> Arrays.asList(time(task.getCreateTime()))),
    PRIORITY_ID(task -> Arrays.asList(task.getPriority(), task.getId())),
    ID(task -> Arrays.asList(task.getId()));

    final Function<Task, List<Object>> of;

    Key(Function<Task, List<Object>> of) {
      this.of = of;
    }

    private static Long time(Date date) {
      return date == null ? null : date.getTime();
    }
  }

  private TaskQuery sdr() {
    return tasks.createTaskQuery().taskCandidateGroup(Roles.SDR);
  }

  private TaskQuery tasklistQuery(String sortBy, String sortOrder) {
    try {
      TaskQueryDto dto = json.readValue(tasklistBody(sortBy, sortOrder), TaskQueryDto.class);
      dto.setObjectMapper(json);
      return dto.toQuery(engine);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs the query as {@code user} with the engine's SQL and with ours: the same tasks in the same order of
   * {@code key} (tasks whose keys tie may come in any order, and a page may cut a tie at either end), and the
   * fast path taken exactly when {@code fast}.
   */
  private void assertSameAsEngine(String user, String shape, boolean fast, boolean page, Key key,
      Supplier<List<Task>> query) {
    String what = user + ", " + shape;
    List<Task> engineSql = as(user, () -> QueueTaskQuery.withEngineSql(query));
    List<Task> ours = as(user, () -> countingFastPaths(fast, query));

    assertThat(keys(ours, key)).as(what + ": order").isEqualTo(keys(engineSql, key));
    Map<List<Object>, Set<String>> engineGroups = groups(engineSql, key);
    Map<List<Object>, Set<String>> ourGroups = groups(ours, key);
    if (page && !ours.isEmpty()) {
      // a tie at an edge of the page may be cut differently: the ids there are each the engine's with that key
      Set<List<Object>> edges = new java.util.HashSet<>(List.of(key.of.apply(ours.get(0)),
          key.of.apply(ours.get(ours.size() - 1))));
      for (List<Object> edge : edges) {
        List<Task> all = as(user, () -> QueueTaskQuery.withEngineSql(() -> tasks.createTaskQuery()
            .taskIdIn(ourGroups.get(edge).toArray(String[]::new)).list()));
        assertThat(all).as(what + ": ids at the edge").hasSize(ourGroups.get(edge).size())
            .allSatisfy(task -> assertThat(key.of.apply(task)).isEqualTo(edge));
        engineGroups.remove(edge);
        ourGroups.remove(edge);
      }
    }
    assertThat(ourGroups).as(what + ": tasks").isEqualTo(engineGroups);
  }

  private List<Task> countingFastPaths(boolean fast, Supplier<List<Task>> query) {
    long before = QueueTaskQuery.fastPathsTakenInThisThread();
    List<Task> result = query.get();
    assertThat(QueueTaskQuery.fastPathsTakenInThisThread() - before).as("fast path taken").isEqualTo(fast ? 1 : 0);
    return result;
  }

  private <T> T as(String user, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<List<Object>> keys(List<Task> tasks, Key key) {
    return tasks.stream().map(key.of).toList();
  }

  private static Map<List<Object>, Set<String>> groups(List<Task> tasks, Key key) {
    return tasks.stream().collect(Collectors.groupingBy(key.of, LinkedHashMap::new,
        Collectors.mapping(Task::getId, Collectors.toCollection(TreeSet::new))));
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).filter(Objects::nonNull).toList();
  }
}
