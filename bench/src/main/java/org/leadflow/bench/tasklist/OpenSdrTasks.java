package org.leadflow.bench.tasklist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leadflow.bench.timers.Database;

/**
 * Open SDR tasks as the app has them: a template of hand-raisers (DEMO_REQUEST, consent, a good fit) through
 * the public door {@code leads.captured}, each ending at the SDR call task of sdr-qualification, candidate
 * group {@code sdr}; then copies of every runtime row of those lead instances in SQL, with new ids.
 *
 * <p>What is copied (the rows the engine wrote for the template's lifecycle and sdr-qualification
 * instances): executions, tasks, their identity links, variables, jobs (SLA timers, due {@code n} days
 * later for copy {@code n}, so none fires during the run), event subscriptions and the authorizations on
 * those tasks and instances. Since the SDR queue is authorised on the process definition (identity/QueueGrants)
 * the engine writes no authorization per SDR task, so that copy is empty (the run reports it per table, and the
 * engine's count of the queue still has to equal the database's: sam sees every copy). Ids get the
 * suffix {@code -<copy>}; byte arrays are shared (only read). History rows and the app's lead tables are
 * not copied: the Tasklist queries do not read them.
 */
final class OpenSdrTasks {

  /** Columns that hold an id of a copied row (or the business key): suffixed in the copies. */
  private static final Set<String> ID_COLUMNS = Set.of("ID_", "ROOT_PROC_INST_ID_", "PROC_INST_ID_",
      "PROCESS_INSTANCE_ID_", "PARENT_ID_", "SUPER_EXEC_", "BUSINESS_KEY_", "EXECUTION_ID_", "PARENT_TASK_ID_",
      "TASK_ID_", "VAR_SCOPE_", "RESOURCE_ID_");

  /** Copied tables, parents first, each with the rows of the template it copies. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("ACT_RU_EXECUTION", "PROC_INST_ID_ in (select id from bench_instance)");
    TABLES.put("ACT_RU_TASK", "PROC_INST_ID_ in (select id from bench_instance)");
    TABLES.put("ACT_RU_IDENTITYLINK", "TASK_ID_ in (select id from bench_task)");
    TABLES.put("ACT_RU_VARIABLE", "PROC_INST_ID_ in (select id from bench_instance)");
    TABLES.put("ACT_RU_JOB", "PROCESS_INSTANCE_ID_ in (select id from bench_instance)");
    TABLES.put("ACT_RU_EVENT_SUBSCR", "PROC_INST_ID_ in (select id from bench_instance)");
    TABLES.put("ACT_RU_AUTHORIZATION", "RESOURCE_ID_ in (select id from bench_task)");
    TABLES.put("ACT_RU_AUTHORIZATION ", "RESOURCE_ID_ in (select id from bench_instance)");   // second pass
  }

  private final Database database;

  OpenSdrTasks(Database database) {
    this.database = database;
  }

  /** Produces {@code count} hand-raisers to {@code leads.captured}; returns the source they carry. */
  static String produceHandRaisers(String bootstrap, int count) {
    String source = "bench-tasklist-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    ObjectMapper json = new ObjectMapper();
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
        new StringSerializer())) {
      for (int i = 0; i < count; i++) {
        ObjectNode lead = json.createObjectNode()
            .put("source", source).put("externalId", "sdr-" + i).put("intent", "DEMO_REQUEST")
            .put("campaign", "bench").put("firstName", "Tess" + i).put("lastName", "Queue")
            .put("email", "tess" + i + "@" + source + "-" + (i % 300) + ".io").put("company", "Company " + (i % 300))
            .put("title", "CTO").put("companySize", 200 + i % 800).put("country", "DE").put("consent", true);
        producer.send(new ProducerRecord<>("leads.captured", source + ":sdr-" + i, lead.toString()));
      }
      producer.flush();
    }
    return source;
  }

  /** Open tasks with candidate group {@code group}, counted in the database (the engine's count is asked too). */
  long countInDatabase(String group) throws SQLException {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select count(distinct TASK_ID_) from ACT_RU_IDENTITYLINK"
            + " where TYPE_ = 'candidate' and GROUP_ID_ = '" + group + "' and TASK_ID_ is not null")) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * Adds {@code copies} copies of every instance that has an open task of {@code group} (its whole tree:
   * the lifecycle instance and its called sdr-qualification) and returns the rows inserted per table.
   */
  Map<String, Long> copy(String group, int copies) throws SQLException {
    Map<String, Long> inserted = new LinkedHashMap<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute("set foreign_key_checks = 0");   // a copied child may precede its copied parent
      Database.createCopyTable(statement, copies);
      // the task's sdr-qualification instance, then the lifecycle instance that called it (ROOT_PROC_INST_ID_
      // is not set on every execution, SUPER_EXEC_ of the called instance is); MariaDB cannot read a temporary
      // table twice in one statement, hence two
      statement.execute("create temporary table bench_called (id varchar(64) primary key)");
      statement.execute("insert into bench_called (id) select distinct t.PROC_INST_ID_ from ACT_RU_TASK t"
          + " join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_"
          + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ = '" + group + "'");
      statement.execute("create temporary table bench_instance (id varchar(64) primary key)");
      statement.execute("insert into bench_instance (id) select id from bench_called");
      statement.execute("insert ignore into bench_instance (id) select distinct caller.PROC_INST_ID_"
          + " from bench_called c join ACT_RU_EXECUTION called on called.ID_ = c.id"
          + " join ACT_RU_EXECUTION caller on caller.ID_ = called.SUPER_EXEC_");
      statement.execute("create temporary table bench_task (id varchar(64) primary key)");
      statement.execute("insert into bench_task (id) select ID_ from ACT_RU_TASK"
          + " where PROC_INST_ID_ in (select id from bench_instance)");
      for (Map.Entry<String, String> table : TABLES.entrySet()) {
        String name = table.getKey().trim();
        List<String> columns = Database.columns(statement, name);
        List<String> expressions = columns.stream().map(column -> ID_COLUMNS.contains(column)
            ? "concat(" + column + ", '-', bench_copy.n)"
            : column.equals("DUEDATE_") && name.equals("ACT_RU_JOB") ? "date_add(DUEDATE_, interval bench_copy.n day)"
            : column).toList();
        long rows = statement.executeLargeUpdate("insert into " + name + " (" + String.join(", ", columns)
            + ") select " + String.join(", ", expressions) + " from (select * from " + name + " where "
            + table.getValue() + ") template cross join bench_copy");
        inserted.merge(name, rows, Long::sum);
      }
      statement.execute("drop temporary table bench_copy");
      statement.execute("drop temporary table bench_instance");
      statement.execute("drop temporary table bench_called");
      statement.execute("drop temporary table bench_task");
      statement.execute("set foreign_key_checks = 1");
      statement.execute("analyze table " + String.join(", ", TABLES.keySet().stream().map(String::trim)
          .distinct().toList()));
    }
    return inserted;
  }
}
