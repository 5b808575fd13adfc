package org.leadflow.rhythm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.leadflow.config.KafkaTopicsProperties;
import org.leadflow.events.OutboxMapper;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 21:00 digest: for every team whose local clock has reached {@code lead.rhythm.digest.local-time}
 * and that has no digest for its local date yet, which of its active reps have overdue tasks (engine
 * tasks assigned to them with a due date before now), how many, the oldest, and a Tasklist link per
 * task. Stored in {@code lead_digest} (unique per team and local date) and announced on
 * {@code leads.digest} through the outbox, both in the caller's transaction; the e-mail goes out
 * afterwards ({@link DigestMailer}).
 */
@Service
public class DigestService {

  static final String RUN_KIND = "DIGEST";
  static final String EVENT_TYPE = "DailyDigest";
  static final int SCHEMA_VERSION = 1;
  /** Tasks listed per rep; the count covers all of them. */
  static final int TASKS_LISTED_PER_REP = 20;

  private static final Logger log = LoggerFactory.getLogger(DigestService.class);

  private final PeopleMapper people;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final RhythmMapper rhythm;
  private final OutboxMapper outbox;
  private final ObjectMapper json;
  private final RhythmProperties properties;
  private final String topic;

  public DigestService(PeopleMapper people, TaskService tasks, RuntimeService runtime, RhythmMapper rhythm,
      OutboxMapper outbox, ObjectMapper json, RhythmProperties properties, KafkaTopicsProperties kafka) {
    this.people = people;
    this.tasks = tasks;
    this.runtime = runtime;
    this.rhythm = rhythm;
    this.outbox = outbox;
    this.json = json;
    this.properties = properties;
    this.topic = kafka.topics().digest();
  }

  /** Makes the digests due at {@code now}; returns them (empty when none is due). */
  @Transactional
  public List<Digest> sendDue(Instant now) {
    List<Digest> sent = new ArrayList<>();
    for (Team team : people.findTeams()) {
      Optional<LocalDate> date = DailySchedule.dueDate(team, now, properties.digest().localTime());
      if (date.isPresent() && claim(team, date.get(), now)) {
        sent.add(send(team, date.get(), now));
      }
    }
    return sent;
  }

  @Transactional(readOnly = true)
  public List<Digest> find(String managerId, String teamId, int limit) {
    return rhythm.findDigests(managerId, teamId, limit);
  }

  @Transactional(readOnly = true)
  public Optional<Digest> find(long id) {
    return rhythm.findDigest(id);
  }

  private boolean claim(Team team, LocalDate date, Instant now) {
    if (rhythm.isClaimed(RUN_KIND, team.id(), date)) {
      return false;
    }
    try {
      rhythm.claim(RUN_KIND, team.id(), date, now);
      return true;
    } catch (DuplicateKeyException anotherNode) {
      log.info("Digest of team {} for {} is made by another node", team.id(), date);
      return false;
    }
  }

  private Digest send(Team team, LocalDate date, Instant now) {
    ObjectNode content = compose(team, date, now);
    RhythmMapper.DigestRow row = new RhythmMapper.DigestRow();
    row.teamId = team.id();
    row.localDate = date;
    row.managerId = team.supervisorId();
    row.timeZone = DailySchedule.zoneOf(team).getId();
    row.generatedAt = now;
    row.overdueTasks = content.path("overdueTasks").asInt();
    row.content = write(content);
    rhythm.insertDigest(row);
    content.put("digestId", row.id);
    String eventId = UUID.randomUUID().toString();
    outbox.insert(eventId, topic, team.id(), EVENT_TYPE, SCHEMA_VERSION, now, write(envelope(eventId, content, now)),
        now);
    log.info("Digest {} of team {} for {}: {} overdue task(s)", row.id, team.id(), date, row.overdueTasks);
    return new Digest(row.id, row.teamId, date, row.managerId, row.timeZone, now, row.overdueTasks, row.content, null,
        0, null);
  }

  /** The digest document (docs/asyncapi.yaml, DailyDigest's {@code data}). */
  ObjectNode compose(Team team, LocalDate date, Instant now) {
    List<String> reps = people.findRepsOfTeam(team.id()).stream()
        .filter(rep -> rep.status() == RepStatus.ACTIVE).map(Rep::userId).sorted().toList();
    List<Task> overdue = reps.isEmpty() ? List.of() : tasks.createTaskQuery()
        .taskAssigneeIn(reps.toArray(String[]::new)).dueBefore(Date.from(now)).orderByDueDate().asc().list();
    Map<String, String> leadOf = businessKeys(overdue);
    Map<String, List<Task>> byRep = overdue.stream().collect(Collectors.groupingBy(Task::getAssignee,
        LinkedHashMap::new, Collectors.toList()));

    ObjectNode content = json.createObjectNode();
    content.put("teamId", team.id()).put("teamName", team.name()).put("timeZone", DailySchedule.zoneOf(team).getId())
        .put("localDate", date.toString()).put("managerId", team.supervisorId())
        .put("generatedAt", now.toString()).put("overdueTasks", overdue.size())
        .put("tasklistUrl", properties.digest().tasklistUrl());
    ArrayNode repNodes = content.putArray("reps");
    byRep.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<Task>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .forEach(entry -> {
          List<Task> own = entry.getValue();
          ObjectNode rep = repNodes.addObject().put("repId", entry.getKey()).put("overdueTasks", own.size())
              .put("oldestDue", own.get(0).getDueDate().toInstant().toString());
          ArrayNode list = rep.putArray("tasks");
          own.stream().limit(TASKS_LISTED_PER_REP).forEach(task -> list.addObject()
              .put("taskId", task.getId()).put("name", task.getName())
              .put("leadId", task.getProcessInstanceId() == null ? null : leadOf.get(task.getProcessInstanceId()))
              .put("due", task.getDueDate().toInstant().toString())
              .put("overdueHours", (now.toEpochMilli() - task.getDueDate().getTime()) / 3_600_000)
              .put("link", properties.digest().tasklistUrl() + "#/?task=" + task.getId()));
        });
    ArrayNode clear = content.putArray("repsWithoutOverdueTasks");
    reps.stream().filter(rep -> !byRep.containsKey(rep)).forEach(clear::add);
    return content;
  }

  private Map<String, String> businessKeys(List<Task> overdue) {
    Set<String> instances = overdue.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
        .collect(Collectors.toSet());
    if (instances.isEmpty()) {
      return Map.of();
    }
    return runtime.createProcessInstanceQuery().processInstanceIds(instances).list().stream()
        .filter(instance -> instance.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
  }

  private ObjectNode envelope(String eventId, ObjectNode content, Instant now) {
    ObjectNode envelope = json.createObjectNode();
    envelope.put("eventId", eventId).put("type", EVENT_TYPE).put("schemaVersion", SCHEMA_VERSION)
        .put("teamId", content.path("teamId").asText()).put("localDate", content.path("localDate").asText())
        .put("occurredAt", now.toString());
    envelope.set("data", content);
    return envelope;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a digest", e);
    }
  }
}
