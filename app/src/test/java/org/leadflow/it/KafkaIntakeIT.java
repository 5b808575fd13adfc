package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.process.SdrQualification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import javax.sql.DataSource;

/**
 * {@code leads.captured} with a real broker: a record becomes a lead exactly like a POST does; the
 * same record again changes nothing; poison records land in {@code leads.captured.DLT} with the
 * reason and the partition moves on; a database outage during intake is waited out, not skipped.
 */
class KafkaIntakeIT extends IntegrationTestBase {

  private static final String TOPIC = "leads.captured";
  private static final String DLT = "leads.captured.DLT";
  private static final String GROUP = "leadflow-intake";
  private static final Duration INTAKE = Duration.ofSeconds(60);

  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;
  @Autowired DataSource dataSource;

  private KafkaTestClient kafka;

  @BeforeEach
  void connect() {
    kafka = new KafkaTestClient(bootstrapServers);
  }

  @AfterEach
  void disconnect() {
    kafka.close();
  }

  @Test
  void aDemoRequestRecordBecomesALeadInTheSdrQueue() {
    // given
    String tag = unique();
    ObjectNode lead = submission("DEMO_REQUEST", tag);
    lead.put("source", "webinar-tool");
    String digits = uniqueDigits();
    lead.put("phone", "030 " + digits);

    // when
    kafka.send(TOPIC, "webinar-tool:wf-" + tag, lead.toString());

    // then
    String leadId = awaitLead("webinar-tool", "wf-" + tag);
    assertThat(stages(leadId)).containsExactly("CAPTURED", "MQL");
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD)).isNotNull();
    JsonNode stored = get("sam", "/api/leads/" + leadId).getBody().path("lead");
    assertThat(stored.path("email").asText()).isEqualTo("ada." + tag + "@acme-analytics.io");
    assertThat(stored.path("phone").asText()).isEqualTo("+4930" + digits);
    assertThat(jdbc.queryForObject("select actor from lead_stage_history where lead_id = ? and to_stage = 'CAPTURED'",
        String.class, leadId)).isEqualTo("kafka:leads.captured");
  }

  @Test
  void theSameRecordDeliveredTwiceCreatesOneLeadAndOneInstance() throws Exception {
    // given
    String tag = unique();
    String record = submission("INQUIRY", tag).toString();

    // when
    kafka.send(TOPIC, "web-form:wf-" + tag, record);
    kafka.send(TOPIC, "web-form:wf-" + tag, record);

    // then
    String leadId = awaitLead("web-form", "wf-" + tag);
    awaitCaughtUp();
    assertThat(jdbc.queryForObject("select count(*) from lead where external_id = ?", Integer.class, "wf-" + tag))
        .isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LeadLifecycle.KEY)
        .processInstanceBusinessKey(leadId).count()).isEqualTo(1);
  }

  @Test
  void aRecordForTheContactOfALeadCapturedOverRestIsAttachedNotDuplicated() throws Exception {
    // given
    String tag = unique();
    String leadId = capture(submission("INQUIRY", tag));
    ObjectNode sameContact = submission("CONTENT_DOWNLOAD", tag);
    sameContact.put("source", "ads");
    sameContact.put("externalId", "ad-" + tag);

    // when
    kafka.send(TOPIC, "ads:ad-" + tag, sameContact.toString());

    // then
    await().atMost(INTAKE).until(() -> jdbc.queryForObject(
        "select count(*) from lead_submission where source = 'ads' and external_id = ?", Integer.class, "ad-" + tag) == 1);
    assertThat(jdbc.queryForObject("select lead_id from lead_submission where external_id = ?", String.class, "ad-" + tag))
        .isEqualTo(leadId);
    assertThat(jdbc.queryForObject("select count(*) from lead where email = ?", Integer.class,
        "ada." + tag + "@acme-analytics.io")).isEqualTo(1);
  }

  @Test
  void poisonRecordsGoToTheDeadLetterTopicWithTheReasonAndThePartitionMovesOn() {
    // given: every record with the same key, so all land on one partition, the good one last
    String tag = unique();
    String key = "web-form:wf-" + tag;
    ObjectNode missingFields = json.createObjectNode().put("source", "web-form").put("externalId", "wf-" + tag);
    ObjectNode wrongType = submission("INQUIRY", tag).put("companySize", "two hundred");
    ObjectNode badFields = submission("INQUIRY", tag).put("email", "not-an-email").put("country", "Germany");
    ObjectNode unknownField = submission("INQUIRY", tag).put("favouriteColour", "teal");
    ObjectNode oversized = submission("INQUIRY", tag).put("landingPage", "x".repeat(70_000));
    ObjectNode wrongKey = submission("INQUIRY", tag).put("externalId", "other-" + tag);

    // when
    kafka.send(TOPIC, key, "{ this is not json " + tag);
    kafka.send(TOPIC, key, missingFields.toString());
    kafka.send(TOPIC, key, wrongType.toString());
    kafka.send(TOPIC, key, badFields.toString());
    kafka.send(TOPIC, key, unknownField.toString());
    kafka.send(TOPIC, key, oversized.toString());
    kafka.send(TOPIC, key, wrongKey.toString());
    kafka.send(TOPIC, key, submission("INQUIRY", tag).toString());

    // then: the good record behind the poison is a lead, the poison is in the DLT with its reasons
    awaitLead("web-form", "wf-" + tag);
    List<ConsumerRecord<String, String>> dead = new ArrayList<>();
    await().atMost(INTAKE).until(() -> {
      dead.clear();
      dead.addAll(kafka.readAll(DLT, r -> key.equals(r.key())));
      return dead.size() == 7;
    });
    assertThat(dead).extracting(r -> List.copyOf(errorFields(r).keySet()))
        .containsExactly(
            List.of("record"),
            List.of("consent", "intent"),
            List.of("companySize"),
            List.of("country", "email"),
            List.of("favouriteColour"),
            List.of("record"),
            List.of("key"));
    assertThat(errorFields(dead.get(0)).get("record")).startsWith("is not valid JSON");
    assertThat(errorFields(dead.get(5)).get("record")).contains("larger than");
    assertThat(dead.get(1).value()).isEqualTo(missingFields.toString());   // the original, untouched
    assertThat(KafkaTestClient.header(dead.get(3), "leadflow-error-reason"))
        .contains("email must be a well-formed email address").contains("country");
    assertThat(KafkaTestClient.header(dead.get(2), "kafka_dlt-original-topic")).isEqualTo(TOPIC);
    assertThat(jdbc.queryForObject("select count(*) from lead where external_id like ?", Integer.class,
        "%-" + tag)).isEqualTo(1);
  }

  @Test
  void aPoisonRecordInABatchGoesToTheDeadLetterTopicAloneAndTheOthersBecomeOneLeadEach() {
    // given: twelve records on one partition, one after the other (with lead.kafka.intake.batch-size above its
    // default 1 a poll brings them together, in one transaction): ten leads, a re-send of the third, and a record
    // with a bad email in the middle
    String batch = "mixed-" + unique();
    List<String> records = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      records.add(submission("INQUIRY", batch + "-" + i).put("source", batch).toString());
    }
    records.add(3, records.get(2));
    records.add(6, submission("INQUIRY", batch + "-bad").put("source", batch).put("email", "not-an-email").toString());

    // when
    records.forEach(record -> kafka.sendAsync(TOPIC, 0, null, record));
    kafka.flush();

    // then: each lead once, with one submission, and only the poison in the DLT, with its reason
    await().atMost(INTAKE).until(() ->
        jdbc.queryForObject("select count(*) from lead_submission where source = ?", Integer.class, batch) == 10);
    awaitCaughtUp();
    List<ConsumerRecord<String, String>> dead = new ArrayList<>();
    await().atMost(INTAKE).until(() -> {
      dead.clear();
      dead.addAll(kafka.readAll(DLT, r -> r.value().contains(batch)));
      return !dead.isEmpty();
    });
    assertThat(dead).singleElement().satisfies(record -> {
      assertThat(record.value()).contains(batch + "-bad");
      assertThat(KafkaTestClient.header(record, "leadflow-error-reason"))
          .contains("email must be a well-formed email address");
    });
    assertThat(jdbc.queryForObject("select count(*) from lead where source = ?", Integer.class, batch)).isEqualTo(10);
    assertThat(jdbc.queryForObject("select count(distinct external_id) from lead where source = ?", Integer.class,
        batch)).isEqualTo(10);
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST p join lead l on p.BUSINESS_KEY_ = l.id"
        + " where l.source = ? and p.PROC_DEF_KEY_ = ?", Integer.class, batch, LeadLifecycle.KEY)).isEqualTo(10);
  }

  @Test
  void aThousandLeadsWithOnePercentDuplicatesGiveExactlyTheDistinctCount() {
    // given
    String batch = "bulk-" + unique();
    int distinct = 1_000;

    // when
    for (int i = 0; i < distinct; i++) {
      ObjectNode lead = submission(i % 5 == 0 ? "DEMO_REQUEST" : "INQUIRY", batch + "-" + i).put("source", batch);
      kafka.sendAsync(TOPIC, batch + ":wf-" + batch + "-" + i, lead.toString());
      if (i % 100 == 0) {   // 1 % exact duplicates, sent again later in the stream
        kafka.sendAsync(TOPIC, batch + ":wf-" + batch + "-" + i, lead.toString());
      }
    }
    kafka.flush();

    // then
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
        jdbc.queryForObject("select count(*) from lead_submission where source = ?", Integer.class, batch) == distinct);
    awaitCaughtUp();
    assertThat(jdbc.queryForObject("select count(*) from lead where source = ?", Integer.class, batch))
        .isEqualTo(distinct);
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST p join lead l on p.BUSINESS_KEY_ = l.id"
        + " where l.source = ? and p.PROC_DEF_KEY_ = ?", Integer.class, batch, LeadLifecycle.KEY)).isEqualTo(distinct);
  }

  @Test
  void aDatabaseOutageDuringIntakeIsWaitedOutAndNothingIsLostOrDoubled() throws Exception {
    // given: no connection to be had for 6 s (every pooled connection taken, as when the server is
    // down: a getConnection() fails after the pool's connection timeout, see application-test.yaml)
    String batch = "outage-" + unique();
    HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
    List<Connection> taken = new ArrayList<>();
    for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
      taken.add(pool.getConnection());
    }
    Instant back;
    try {
      // when five records arrive during the outage
      for (int i = 0; i < 5; i++) {
        kafka.send(TOPIC, null, submission("INQUIRY", batch + "-" + i).put("source", batch).toString());
      }
      // the listener fails to get a connection (CannotCreateTransactionException) and backs off
      await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
    } finally {
      back = Instant.now();
      for (Connection connection : taken) {
        connection.close();
      }
    }

    // then: every record became a lead once, all of them after the database came back
    await().atMost(INTAKE).until(() ->
        jdbc.queryForObject("select count(*) from lead where source = ?", Integer.class, batch) == 5);
    awaitCaughtUp();
    assertThat(jdbc.queryForObject("select count(*) from lead where source = ?", Integer.class, batch)).isEqualTo(5);
    assertThat(jdbc.queryForList("select received_at from lead_submission where source = ?", Timestamp.class, batch))
        // whole seconds: MySQL/MariaDB store no fractions with sendFractionalSeconds=false
        .hasSize(5).allSatisfy(received -> assertThat(received.toInstant())
            .isAfterOrEqualTo(back.truncatedTo(ChronoUnit.SECONDS)));
  }

  private String awaitLead(String source, String externalId) {
    await().atMost(INTAKE).until(() -> jdbc.queryForObject(
        "select count(*) from lead_submission where source = ? and external_id = ?", Integer.class,
        source, externalId) == 1);
    return jdbc.queryForObject("select lead_id from lead_submission where source = ? and external_id = ?",
        String.class, source, externalId);
  }

  private void awaitCaughtUp() {
    await().atMost(INTAKE).untilAsserted(() -> assertThat(kafka.lag(GROUP, TOPIC)).as("lag of " + GROUP).isEmpty());
  }

  private Map<String, String> errorFields(ConsumerRecord<String, String> record) {
    try {
      Map<String, String> fields = new java.util.LinkedHashMap<>();
      json.readTree(KafkaTestClient.header(record, "leadflow-error-fields"))
          .forEach(error -> fields.put(error.path("field").asText(), error.path("message").asText()));
      return fields;
    } catch (Exception e) {
      throw new AssertionError("unreadable leadflow-error-fields header", e);
    }
  }
}
