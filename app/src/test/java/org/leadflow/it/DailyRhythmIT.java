package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.leadflow.people.TeamRole;
import org.leadflow.rhythm.CallReviewItem;
import org.leadflow.rhythm.CallReviewService;
import org.leadflow.rhythm.Digest;
import org.leadflow.rhythm.DigestMailer;
import org.leadflow.rhythm.DigestService;
import org.leadflow.rhythm.RhythmMapper;
import org.leadflow.rhythm.RhythmProperties;
import org.leadflow.rhythm.SampledReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.yaml.snakeyaml.Yaml;

/**
 * The daily rhythm against the real engine, database, broker and an SMTP server in this JVM
 * (GreenMail): two teams in different zones, only the one whose clock says 21:00 gets its digest, once;
 * the digest is on leads.digest, in the manager's mailbox (after a failed first attempt) and in
 * {@code GET /api/digests} for that manager only; the sampling draws yesterday's calls of a team's reps
 * and records the supervisor's verdicts on the leads' timelines.
 */
class DailyRhythmIT extends IntegrationTestBase {

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /** Tokyo (UTC+9, no DST) reaches 21:00 at 12:00 UTC; New York is at 08:00 then. */
  private static final Instant TOKYO_21H = Instant.parse("2031-05-10T12:00:00Z");

  @Autowired DigestService digests;
  @Autowired CallReviewService reviews;
  @Autowired RhythmMapper rhythm;
  @Autowired PeopleMapper people;
  @Autowired IdentityService identity;
  @Autowired RhythmProperties properties;
  @Autowired KafkaTopicsProperties kafka;
  @Autowired Clock clock;
  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers;

  private final String run = unique();
  private final String tokyo = "rhythm-tokyo-" + run;
  private final String newYork = "rhythm-ny-" + run;
  private final String manager = "mgr-" + run;
  private final List<String> createdTasks = new ArrayList<>();

  @BeforeEach
  void twoTeamsInTwoZonesWithOneManager() {
    User user = identity.newUser(manager);
    user.setFirstName("Manager");
    user.setLastName(run);
    user.setEmail(manager + "@example.org");
    user.setPassword(manager);
    identity.saveUser(user);
    identity.createMembership(manager, "sales-manager");
    people.insertTeam(new Team(tokyo, "Tokyo " + run, TeamRole.SDR, manager, "APAC", null, "Asia/Tokyo"));
    people.insertTeam(new Team(newYork, "New York " + run, TeamRole.SALES, manager, "US", null, "America/New_York"));
    for (String rep : List.of("a1-" + run, "a2-" + run, "a3-" + run)) {
      people.insertRep(new Rep(rep, tokyo, 10, RepStatus.ACTIVE), clock.instant());
    }
    people.insertRep(new Rep("b1-" + run, newYork, 10, RepStatus.ACTIVE), clock.instant());
  }

  @AfterEach
  void retireTheTestPeople() {
    createdTasks.forEach(id -> tasks.deleteTask(id, true));
    for (String rep : List.of("a1-" + run, "a2-" + run, "a3-" + run, "b1-" + run)) {
      people.updateRep(new Rep(rep, rep.startsWith("b") ? newYork : tokyo, 10, RepStatus.DEPARTED), clock.instant());
    }
    identity.deleteMembership(manager, "sales-manager");
    identity.deleteUser(manager);
  }

  @Test
  void onlyTheTeamAt21hGetsItsDigestOnceOnKafkaByMailAndInTheApi() throws Exception {
    // given: a1 has two overdue tasks (one 3 days old), a2 one due tomorrow, b1 (New York) one overdue
    Instant now = TOKYO_21H;
    task("a1-" + run, "Qualify lead by phone", now.minus(Duration.ofDays(3)));
    task("a1-" + run, "Accept lead", now.minus(Duration.ofHours(2)));
    task("a2-" + run, "Accept lead", now.plus(Duration.ofDays(1)));
    task("b1-" + run, "Record first contact", now.minus(Duration.ofHours(5)));

    // when
    List<Digest> sent = digests.sendDue(now);
    List<Digest> again = digests.sendDue(now.plus(Duration.ofMinutes(15)));

    // then: Tokyo only, once for its local date
    Digest digest = sent.stream().filter(d -> d.teamId().equals(tokyo)).findFirst().orElseThrow();
    assertThat(sent).extracting(Digest::teamId).doesNotContain(newYork);
    assertThat(again).extracting(Digest::teamId).doesNotContain(tokyo, newYork);
    assertThat(digest.localDate()).isEqualTo(LocalDate.parse("2031-05-10"));
    assertThat(digest.managerId()).isEqualTo(manager);
    assertThat(digest.overdueTasks()).isEqualTo(2);
    JsonNode content = json.readTree(digest.content());
    assertThat(content.path("reps")).hasSize(1);
    JsonNode a1 = content.path("reps").get(0);
    assertThat(a1.path("repId").asText()).isEqualTo("a1-" + run);
    assertThat(a1.path("overdueTasks").asInt()).isEqualTo(2);
    assertThat(a1.path("oldestDue").asText()).isEqualTo(now.minus(Duration.ofDays(3)).toString());
    assertThat(a1.path("tasks").get(0).path("name").asText()).isEqualTo("Qualify lead by phone");
    assertThat(a1.path("tasks").get(0).path("link").asText())
        .isEqualTo(properties.digest().tasklistUrl() + "#/?task=" + createdTasks.get(0));
    assertThat(content.path("repsWithoutOverdueTasks")).extracting(JsonNode::asText)
        .containsExactly("a2-" + run, "a3-" + run);

    // New York's 21:00 (01:00 UTC next day, EDT) brings its digest for its own 2031-05-10
    Digest ny = digests.sendDue(Instant.parse("2031-05-11T01:00:00Z")).stream()
        .filter(d -> d.teamId().equals(newYork)).findFirst().orElseThrow();
    assertThat(ny.localDate()).isEqualTo(LocalDate.parse("2031-05-10"));
    assertThat(ny.overdueTasks()).isEqualTo(1);

    // on leads.digest, keyed by team
    ConsumerRecord<String, String> record = digestRecord(tokyo);
    JsonNode event = json.readTree(record.value());
    assertThat(event.path("type").asText()).isEqualTo("DailyDigest");
    assertThat(event.path("localDate").asText()).isEqualTo("2031-05-10");
    assertThat(event.path("data").path("digestId").asLong()).isEqualTo(digest.id());
    assertThat(event.path("data").path("reps").get(0).path("overdueTasks").asInt()).isEqualTo(2);
    assertThat(fieldNames(event)).containsExactlyInAnyOrderElementsOf(catalogued("properties"));
    assertThat(fieldNames(event.path("data"))).containsAll(catalogued("properties", "data", "required"));

    // e-mail: a failing SMTP server is logged and retried, not lost; then the manager receives it
    mailerOn(closedPort()).sendPending();
    assertThat(rhythm.findDigest(digest.id()).orElseThrow()).satisfies(d -> {
      assertThat(d.mailedAt()).isNull();
      assertThat(d.mailAttempts()).isEqualTo(1);
      assertThat(d.mailError()).isNotBlank();
    });
    // two nodes: while another node holds the e-mail's claim this one leaves it alone; a stale claim
    // (that node died while sending) is taken over, and the e-mail goes out once
    Instant claimedAt = clock.instant();
    assertThat(rhythm.claimMail(digest.id(), claimedAt, claimedAt.minus(Duration.ofMinutes(5)))).isEqualTo(1);
    mailerOn(smtp.getSmtp().getPort()).sendPending();
    assertThat(mailsAbout("Tokyo " + run)).isZero();
    jdbc.update("update lead_digest set mail_claimed_at = ? where id = ?",
        Timestamp.from(claimedAt.minus(Duration.ofMinutes(6))), digest.id());
    mailerOn(smtp.getSmtp().getPort()).sendPending();
    mailerOn(smtp.getSmtp().getPort()).sendPending();
    assertThat(mailsAbout("Tokyo " + run)).isEqualTo(1);
    MimeMessage mail = mailTo(manager + "@example.org", "Tokyo " + run);
    assertThat(mail.getSubject()).isEqualTo("leadflow digest Tokyo " + run + " 2031-05-10: 2 overdue task(s)");
    assertThat(GreenMailUtil.getBody(mail)).contains("a1-" + run + ": 2 overdue task(s)")
        .contains("Qualify lead by phone").contains("#/?task=" + createdTasks.get(0));
    assertThat(rhythm.findDigest(digest.id()).orElseThrow().mailedAt()).isNotNull();

    // the API: the manager sees both teams' digests, another manager and an SDR do not
    ResponseEntity<JsonNode> mine = get(manager, "/api/digests");
    assertThat(mine.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(mine.getBody()).extracting(d -> d.path("teamId").asText()).containsExactlyInAnyOrder(tokyo, newYork);
    assertThat(get(manager, "/api/digests/" + digest.id()).getBody().path("content").path("overdueTasks").asInt())
        .isEqualTo(2);
    assertThat(get("mona", "/api/digests").getBody()).extracting(d -> d.path("teamId").asText())
        .doesNotContain(tokyo, newYork);
    assertThat(get("mona", "/api/digests/" + digest.id()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get("demo", "/api/digests?teamId=" + tokyo).getBody()).hasSize(1);
    assertThat(get("sam", "/api/digests").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<JsonNode> bad = get(manager, "/api/digests?limit=0");
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(bad.getBody().path("errors").get(0).path("field").asText()).isEqualTo("limit");
  }

  @Test
  void samplingDrawsYesterdaysCallsPerRepAndRecordsTheVerdictsOnTheTimeline() {
    // given: calls of 2031-05-20 in Tokyo: a1 three leads (one tagged invalid), a2 one lead, a3 none
    Instant noonTokyo = Instant.parse("2031-05-20T03:00:00Z");
    call("a1-" + run, "lead-x1-" + run, noonTokyo);
    call("a1-" + run, "lead-x2-" + run, noonTokyo.plusSeconds(60));
    call("a1-" + run, "lead-x3-" + run, noonTokyo.plusSeconds(120));
    taggedInvalid("a1-" + run, "lead-x3-" + run, noonTokyo.plusSeconds(130));
    call("a2-" + run, "lead-y1-" + run, noonTokyo.plusSeconds(180));
    call("a2-" + run, "lead-late-" + run, Instant.parse("2031-05-20T15:30:00Z"));   // 00:30 on the 21st in Tokyo

    // when: 07:00 on the 21st in Tokyo
    Instant sevenTokyo = Instant.parse("2031-05-20T22:00:00Z");
    List<Long> made = reviews.sampleDue(sevenTokyo, "run-" + run);
    List<Long> again = reviews.sampleDue(sevenTokyo.plus(Duration.ofMinutes(15)), "run2-" + run);

    // then: one review per supervisor and "yesterday": Tokyo's 20th; New York's 19th (18:00 there now) had
    // no calls, which makes no empty review task
    List<SampledReview> mine = made.stream().map(reviews::review).filter(r -> r.supervisorId().equals(manager)).toList();
    assertThat(mine).extracting(SampledReview::callDate).containsExactly(LocalDate.parse("2031-05-20"));
    assertThat(again.stream().map(reviews::review).filter(r -> r.supervisorId().equals(manager))).isEmpty();
    // in Tokyo's: two calls of a1, a2's one call of that day, a3 "no calls"
    long review = mine.get(0).id();
    List<CallReviewItem> items = reviews.items(review).stream().filter(i -> i.teamId().equals(tokyo)).toList();
    assertThat(items.stream().filter(i -> i.repId().equals("a1-" + run))).hasSize(2)
        .extracting(CallReviewItem::leadId).doesNotHaveDuplicates();
    assertThat(items.stream().filter(i -> i.repId().equals("a2-" + run))).singleElement()
        .satisfies(i -> assertThat(i.leadId()).isEqualTo("lead-y1-" + run));
    assertThat(items.stream().filter(i -> i.repId().equals("a3-" + run))).singleElement()
        .satisfies(i -> assertThat(i.leadId()).isNull());
    assertThat(reviews.summary(review)).contains("No calls: a3-" + run);
    JsonNode form = reviews.formItems(review);
    assertThat(form).hasSize(3);

    // when: the supervisor says a2's tag was wrong and leaves the others confirmed
    var verdicts = json.createArrayNode();
    for (JsonNode item : form) {
      boolean wrong = item.path("rep").asText().equals("a2-" + run);
      verdicts.addObject().put("sampleId", item.path("sampleId").asText()).put("tagRight", wrong ? "NO" : "YES")
          .put("reviewNote", wrong ? "customer clearly interested" : "");
    }
    reviews.recordVerdicts(review, verdicts, manager);

    // then: stored per item and on the lead's timeline
    assertThat(reviews.items(review).stream().filter(i -> i.leadId() != null)).allSatisfy(i -> {
      assertThat(i.tagRight()).isEqualTo(!i.repId().equals("a2-" + run));
      assertThat(i.reviewedAt()).isNotNull();
    });
    assertThat(reviews.review(review).completedAt()).isNotNull();
    Map<String, Object> timeline = jdbc.queryForMap(
        "select code, actor, detail from lead_activity where lead_id = ? and type = 'CALL_REVIEW'", "lead-y1-" + run);
    assertThat(timeline.get("code")).isEqualTo("TAG_WRONG");
    assertThat(timeline.get("actor")).isEqualTo(manager);
    assertThat((String) timeline.get("detail")).contains("a2-" + run).contains("customer clearly interested");
  }

  private void task(String assignee, String name, Instant due) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setAssignee(assignee);
    task.setDueDate(Date.from(due));
    tasks.saveTask(task);
    createdTasks.add(task.getId());
  }

  private void call(String rep, String leadId, Instant at) {
    jdbc.update("insert into lead_activity (lead_id, type, code, actor, occurred_at, detail) values (?, 'CALL_ATTEMPT', "
        + "'REACHED', ?, ?, 'attempt 1')", leadId, rep, Timestamp.from(at));
  }

  private void taggedInvalid(String rep, String leadId, Instant at) {
    jdbc.update("insert into lead_stage_history (lead_id, from_stage, to_stage, changed_at, actor, reason) values "
        + "(?, 'MQL', 'INVALID', ?, ?, 'NO_NEED - SDR verdict')", leadId, Timestamp.from(at), rep);
  }

  private DigestMailer mailerOn(int port) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties mail = sender.getJavaMailProperties();
    mail.put("mail.smtp.connectiontimeout", "2000");
    mail.put("mail.smtp.timeout", "2000");
    return new DigestMailer(rhythm, sender, identity, json, properties, clock);
  }

  private static int closedPort() throws Exception {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private long mailsAbout(String subjectPart) throws Exception {
    long count = 0;
    for (MimeMessage message : smtp.getReceivedMessages()) {
      count += message.getSubject().contains(subjectPart) ? 1 : 0;
    }
    return count;
  }

  private MimeMessage mailTo(String address, String subjectPart) throws Exception {
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (message.getSubject().contains(subjectPart)) {
        assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(address);
        return message;
      }
    }
    throw new AssertionError("No mail about " + subjectPart + " received");
  }

  private ConsumerRecord<String, String> digestRecord(String teamId) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "digest-it-" + unique());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new StringDeserializer())) {
      String topic = kafka.topics().digest();
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, String>> found = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
          if (teamId.equals(r.key())) {
            found.add(r);
          }
        });
        return !found.isEmpty();
      });
      return found.get(0);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The DailyDigest schema of docs/asyncapi.yaml: its property names at {@code path}, or the list there. */
  @SuppressWarnings("unchecked")
  private static List<String> catalogued(String... path) throws IOException {
    Object node;
    try (Reader reader = Files.newBufferedReader(Path.of("../docs/asyncapi.yaml"))) {
      node = ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) new Yaml()
          .<Map<String, Object>>load(reader).get("components")).get("schemas")).get("DailyDigest"));
    }
    for (String key : path) {
      node = ((Map<String, Object>) node).get(key);
    }
    return node instanceof Map<?, ?> properties ? new ArrayList<>((Set<String>) properties.keySet())
        : (List<String>) node;
  }
}
