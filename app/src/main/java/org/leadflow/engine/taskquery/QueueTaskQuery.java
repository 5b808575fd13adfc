package org.leadflow.engine.taskquery;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.query.QueryProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for each run of the engine's task list statement, whether the query is a work queue's shape and may
 * take the fast SQL of {@code QueueTaskQuery.xml} (called from that mapper through OGNL, so it is public).
 *
 * <p>The queue's shape: candidate group(s), optionally unassigned or with assigned tasks included, optionally
 * active or suspended only (Tasklist sends {@code "active": true} with every list), ordered by columns of the task
 * table, with the tenant check and the (non-revoke) authorization check the engine builds for
 * every query. Everything else of a {@link TaskQueryImpl} must be as a freshly built {@code TaskQueryImpl} has
 * it: the query is compared, field by field over its whole class hierarchy, with a {@code new TaskQueryImpl()}
 * into which only those fields are copied. A criterion the engine gains in a later version is a field the
 * comparison does not know and compares too, so any query that sets it takes the engine's own SQL (fail closed);
 * so does an {@code or()} query, a variable ordering, a revoke check or any reflective failure.
 *
 * <p>Why {@code org.camunda.bpm.engine.impl}: Camunda 7.24 CE has no public way to change the SQL of a task
 * query; its {@code selectTaskByQueryCriteria} writes {@code select distinct} over joins of the identity links and
 * the authorizations, which makes MariaDB put every matching task through a temporary table before it sorts
 * (BENCHMARKS.md, "Tasklist at 100,000 open tasks"). On an engine upgrade re-check: the fields of
 * {@code TaskQueryImpl}, {@code AbstractQuery} and {@code ListQueryParameterObject} (a new one must be left out of
 * {@link #SHAPE_FIELDS} and {@link #EXECUTION_FIELDS} unless it is proven not to change the result), the
 * engine's {@code Task.xml} and {@code Authorization.xml} (QueueTaskQueryEngineMappingTest holds their checksums),
 * and run QueueTaskQueryIT.
 */
public final class QueueTaskQuery {

  /** The engine's statement that lists tasks (TaskManager.findTasksByQueryCriteria). */
  public static final String ENGINE_STATEMENT = "selectTaskByQueryCriteria";
  /** Ours, which takes the fast SQL for the queue's shape and the engine's SQL for everything else. */
  public static final String STATEMENT = QueueTaskQuery.class.getName() + ".selectQueueAwareTaskByQueryCriteria";
  /** The MyBatis variable our mapper starts its fast SQL with (set by QueueTaskQueryMapping per database). */
  public static final String PREFIX_VARIABLE = "leadflowQueueQueryPrefix";
  /** The mapper that holds {@link #STATEMENT}. */
  public static final String MAPPER_RESOURCE = "org/leadflow/engine/taskquery/QueueTaskQuery.xml";

  /** The criteria of the queue's shape, read by the fast SQL as the engine's SQL reads them. */
  static final Set<String> SHAPE_FIELDS = Set.of("candidateGroup", "candidateGroups", "includeAssignedTasks",
      "unassigned", "suspensionState");
  /**
   * Not criteria: paging, ordering, authorization and tenant checks (checked on their own below), what the engine
   * derives while it runs the query (caches, the list of or-queries), how it runs it, and what it adds to the
   * tasks it found in Java after the statement (form keys, comment and attachment flags; Task.xml reads neither).
   */
  static final Set<String> EXECUTION_FIELDS = Set.of("cachedCandidateGroups", "cachedUserGroups", "queries",
      "orderingProperties", "authCheck", "tenantCheck", "firstResult", "maxResults", "databaseType",
      "commandExecutor", "resultType", "validators", "maxResultsLimitEnabled", "initializeFormKeys",
      "withCommentAttachmentInfo");
  /**
   * List criteria that Task.xml reads only when not empty ({@code != null && length > 0} or {@code size > 0},
   * each of them): an empty one is as unset (a filter's stored query comes back with {@code processInstanceIdIn
   * = []}).
   */
  static final Set<String> EMPTY_AS_UNSET = Set.of("taskIdIn", "assigneeIn", "assigneeNotIn", "processInstanceIdIn",
      "activityInstanceIdIn", "taskDefinitionKeys", "taskDefinitionKeyNotIn", "processDefinitionKeys",
      "processInstanceBusinessKeys", "tenantIds");
  /** Columns of ACT_RU_TASK the fast SQL may order by (TaskQueryProperty names, without a function). */
  static final Set<String> TASK_COLUMNS = Set.of("ID_", "NAME_", "DESCRIPTION_", "PRIORITY_", "ASSIGNEE_",
      "CREATE_TIME_", "LAST_UPDATED_", "DUE_DATE_", "FOLLOW_UP_DATE_");

  private static final Logger log = LoggerFactory.getLogger(QueueTaskQuery.class);
  private static final List<Field> COMPARED_FIELDS = comparedFields();
  private static final ThreadLocal<Boolean> ENGINE_SQL_ONLY = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<long[]> FAST_PATHS_TAKEN = ThreadLocal.withInitial(() -> new long[1]);

  private QueueTaskQuery() {}

  /** Called by {@code QueueTaskQuery.xml} for every task list: true when this run takes the fast SQL. */
  public static boolean fastPath(Object parameter) {
    boolean fast;
    try {
      fast = !ENGINE_SQL_ONLY.get() && parameter instanceof TaskQueryImpl query && isQueueShape(query);
    } catch (RuntimeException e) {
      fast = false;   // fail closed: the engine's SQL
    }
    if (fast) {
      FAST_PATHS_TAKEN.get()[0]++;
    }
    return fast;
  }

  /** Whether the query is provably the queue's shape (see the class comment); false when in doubt. */
  static boolean isQueueShape(TaskQueryImpl query) {
    if (query.getClass() != TaskQueryImpl.class || query.getQueries() == null || query.getQueries().size() != 1
        || query.getQueries().get(0) != query) {
      return false;
    }
    List<String> groups = query.getCandidateGroups();
    if (groups == null || groups.isEmpty() || groups.stream().anyMatch(Objects::isNull)) {
      return false;
    }
    AuthorizationCheck auth = query.getAuthCheck();
    if (auth == null || auth.isRevokeAuthorizationCheckEnabled()) {
      return false;
    }
    CompositePermissionCheck checks = auth.getPermissionChecks();
    if (checks == null || (checks.getCompositeChecks() != null && !checks.getCompositeChecks().isEmpty())) {
      return false;
    }
    if (query.getTenantCheck() == null || query.getOrderingProperties() == null) {
      return false;
    }
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      QueryProperty property = ordering.getQueryProperty();
      if (ordering.getRelation() != null || ordering.hasRelationConditions() || ordering.getDirection() == null
          || property == null || property.getFunction() != null || !TASK_COLUMNS.contains(property.getName())) {
        return false;
      }
    }
    return onlyShapeFieldsSet(query);
  }

  /** The query equals a {@code new TaskQueryImpl()} given only its shape and execution fields. */
  private static boolean onlyShapeFieldsSet(TaskQueryImpl query) {
    try {
      TaskQueryImpl reference = new TaskQueryImpl();
      for (Field field : COMPARED_FIELDS) {
        Object value = field.get(query);
        if (EMPTY_AS_UNSET.contains(field.getName()) && isEmpty(value)) {
          value = null;
        }
        if (!Objects.deepEquals(value, field.get(reference))) {
          log.debug("Engine SQL for a task query with {} = {}", field.getName(), field.get(query));
          return false;
        }
      }
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;   // fail closed: the engine's SQL
    }
  }

  private static boolean isEmpty(Object value) {
    return (value instanceof Object[] array && array.length == 0)
        || (value instanceof java.util.Collection<?> collection && collection.isEmpty());
  }

  private static List<Field> comparedFields() {
    List<Field> fields = new ArrayList<>();
    for (Class<?> type = TaskQueryImpl.class; type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || SHAPE_FIELDS.contains(field.getName())
            || EXECUTION_FIELDS.contains(field.getName())) {
          continue;
        }
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return List.copyOf(fields);
  }

  /** Names of every instance field of TaskQueryImpl and its superclasses (for the upgrade test). */
  static List<String> instanceFieldNames() {
    List<String> names = new ArrayList<>();
    for (Class<?> type = TaskQueryImpl.class; type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          names.add(type.getSimpleName() + "." + field.getName());
        }
      }
    }
    return names;
  }

  /** Runs {@code work} with the engine's own SQL for every task list in this thread (to compare against). */
  public static <T> T withEngineSql(Supplier<T> work) {
    boolean before = ENGINE_SQL_ONLY.get();
    ENGINE_SQL_ONLY.set(true);
    try {
      return work.get();
    } finally {
      ENGINE_SQL_ONLY.set(before);
    }
  }

  /** How many task lists took the fast SQL in this thread so far. */
  public static long fastPathsTakenInThisThread() {
    return FAST_PATHS_TAKEN.get()[0];
  }
}
