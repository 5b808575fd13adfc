package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadflow.process.Opportunity;
import org.leadflow.process.RepHandover;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.process.SdrQualification;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A manager hands a departing or absent rep's leads over (rep-handover.bpmn, {@code POST /api/handovers}):
 * every open lead, running task and rep variable moves, bottom of the funnel first; nothing stays with the
 * rep; the successors' introductions follow in that order; an absence can hand the leads back.
 */
class HandoverIT extends IntegrationTestBase {

  /** Reps a test handed over: active again afterwards, for the other tests sharing the database. */
  private final List<String> handedOver = new ArrayList<>();

  @AfterEach
  void bringTheRepsBack() {
    for (String rep : handedOver) {
      jdbc.update("update lead_rep set status = 'ACTIVE' where user_id = ?", rep);
      jdbc.update("delete from lead_rep_absence where user_id = ? and reason like 'hand-over%'", rep);
    }
  }

  /**
   * The tests share one database: open leads other tests left with this rep move to another rep of the
   * demo (owner, tasks, salesRep variable), so the hand-over below sees this test's leads only.
   */
  private void leaveOnlyThisTestsLeadsWith(String rep, String keep) {
    String other = "leo".equals(rep) ? "lena" : "leo";
    List<String> others = jdbc.queryForList("select id from lead where owner_id = ? and id <> ? and stage not in "
        + "('INVALID', 'WON', 'LOST', 'DISQUALIFIED', 'DORMANT')", String.class, rep, keep);
    for (String leadId : others) {
      jdbc.update("update lead set owner_id = ? where id = ?", other, leadId);
      tasks.createTaskQuery().processInstanceBusinessKey(leadId).taskAssignee(rep).list()
          .forEach(task -> tasks.setAssignee(task.getId(), other));
    }
    runtime.createVariableInstanceQuery().variableValueEquals("salesRep", rep).list().stream()
        .filter(variable -> !businessKeyOf(variable.getProcessInstanceId()).equals(keep))
        .forEach(variable -> runtime.setVariableLocal(variable.getExecutionId(), "salesRep", other));
  }

  @Test
  void aDepartingRepsLeadsTasksAndTimersMoveBottomOfTheFunnelFirst() {
    // given a rep with a lead to accept (top), an opportunity in the middle and one at the bottom
    String waiting = sqlLead();
    String rep = task(waiting, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee();
    leaveOnlyThisTestsLeadsWith(rep, waiting);
    String middle = opportunityOf(rep, "MIDDLE");
    String bottom = opportunityOf(rep, "BOTTOM");

    // when their manager hands them over, letting routing pick the successors
    handedOver.add(rep);
    ResponseEntity<JsonNode> response = post("max", "/api/handovers", body(rep, "DEPARTED", null, null, false));

    // then every lead moved, bottom first, to someone else, with its task, rep variable and timers
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode items = response.getBody().path("items");
    assertThat(items).extracting(item -> item.path("leadId").asText()).containsExactly(bottom, middle, waiting);
    assertThat(items).extracting(item -> item.path("band").asText()).containsExactly("BOTTOM", "MIDDLE", "TOP");
    for (JsonNode item : items) {
      String leadId = item.path("leadId").asText();
      String successor = item.path("successor").asText();
      assertThat(successor).isNotEqualTo(rep).isNotBlank();
      assertThat(jdbc.queryForObject("select owner_id from lead where id = ?", String.class, leadId)).isEqualTo(successor);
      assertThat(tasks.createTaskQuery().processInstanceBusinessKey(leadId).taskAssignee(successor).count())
          .as("the lead's running task").isEqualTo(1);
      assertThat(runtime.createVariableInstanceQuery().variableName("salesRep").list().stream()
          .filter(variable -> businessKeyOf(variable.getProcessInstanceId()).equals(leadId))
          .map(variable -> variable.getValue())).isNotEmpty().allMatch(successor::equals);
      assertThat(jdbc.queryForList("select reason from lead_assignment where lead_id = ? order by id desc",
          String.class, leadId).get(0)).contains("hand-over").contains(rep);
    }
    assertThat(items.get(2).path("timersMoved").asInt()).as("accept reminder, escalation and deadline").isGreaterThanOrEqualTo(3);
    JsonNode handover = response.getBody().path("handover");
    assertThat(handover.path("leadsMoved").asInt()).isEqualTo(3);
    assertThat(handover.path("startedBy").asText()).isEqualTo("max");
    assertThat(handover.path("status").asText()).isEqualTo("HANDED_OVER");

    // and the rep is departed for routing, and nothing is left with them
    assertThat(jdbc.queryForObject("select status from lead_rep where user_id = ?", String.class, rep))
        .isEqualTo("DEPARTED");
    assertThat(jdbc.queryForObject("select count(*) from lead where owner_id = ? and stage not in "
        + "('INVALID', 'WON', 'LOST', 'DISQUALIFIED', 'DORMANT')", Integer.class, rep)).isZero();
    assertThat(tasks.createTaskQuery().taskAssignee(rep).count()).isZero();
    assertThat(runtime.createVariableInstanceQuery().variableValueEquals("salesRep", rep).count()).isZero();

    // and a pending SLA timer of the waiting lead now escalates to its new owner
    String successorOfWaiting = items.get(2).path("successor").asText();
    fireTimer(waiting, SalesFollowUp.Events.ACCEPT_REMINDER_DUE);
    assertThat(jdbc.queryForList("select owner_id from lead_sla_event where lead_id = ?", String.class, waiting))
        .containsExactly(successorOfWaiting);

    // and the successors introduce themselves: visit (bottom), then phone (middle), then call (top)
    String instance = handover.path("processInstanceId").asText();
    Task visit = handoverTask(instance, RepHandover.Tasks.VISIT_WITH_PREDECESSOR);
    assertThat(visit.getAssignee()).isEqualTo(items.get(0).path("successor").asText());
    assertThat(handoverTask(instance, RepHandover.Tasks.PHONE_INTRODUCTION)).isNull();
    completeOk(visit.getAssignee(), visit, Map.of("introductionOutcome", "DONE"));
    Task phone = handoverTask(instance, RepHandover.Tasks.PHONE_INTRODUCTION);
    completeOk(phone.getAssignee(), phone, Map.of("introductionOutcome", "DONE"));
    Task call = handoverTask(instance, RepHandover.Tasks.CALL_HANDED_OVER_LEAD);
    assertThat(call.getAssignee()).isEqualTo(successorOfWaiting);
    completeOk(call.getAssignee(), call, Map.of("introductionOutcome", "DONE", "introductionNotes", "left a message"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(jdbc.queryForList("select code from lead_activity where lead_id = ? and type = 'HANDOVER_INTRODUCTION'",
        String.class, waiting)).containsExactly("DONE");

    // and the audit can be read back
    JsonNode audit = get("max", "/api/handovers/" + handover.path("id").asText()).getBody();
    assertThat(audit.path("items")).hasSize(3);
  }

  @Test
  void anAbsentRepGetsTheLeadsBackWhenTheyReturn() {
    // given a rep with a lead to accept
    String waiting = sqlLead();
    String rep = task(waiting, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee();
    String other = "leo".equals(rep) ? "lena" : "leo";
    LocalDate returnsOn = LocalDate.now(ZoneOffset.UTC).plusDays(7);

    // when they are away for a week and a colleague covers
    handedOver.add(rep);
    ResponseEntity<JsonNode> response = post("max", "/api/handovers", body(rep, "ABSENT", returnsOn, other, true));
    assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
    assertThat(task(waiting, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee()).isEqualTo(other);
    String instance = response.getBody().path("handover").path("processInstanceId").asText();
    // (the rep may hold other leads from earlier tests: their introductions come first)
    List<String> called = new ArrayList<>();
    List<Task> open;
    while (!(open = tasks.createTaskQuery().processInstanceId(instance).list()).isEmpty()) {
      for (Task introduction : open) {
        if (RepHandover.Tasks.CALL_HANDED_OVER_LEAD.equals(introduction.getTaskDefinitionKey())) {
          called.add((String) runtime.getVariable(introduction.getExecutionId(), "leadId"));
        }
        assertThat(introduction.getAssignee()).isEqualTo(other);
        completeOk(other, introduction, Map.of("introductionOutcome", "DONE"));
      }
    }
    assertThat(called).contains(waiting);

    // and while away they get no new leads
    assertThat(jdbc.queryForObject("select count(*) from lead_rep_absence where user_id = ? and to_date = ?",
        Integer.class, rep, returnsOn.minusDays(1))).isEqualTo(1);

    // and the return day comes (the app's clock is real: the absence is moved into the past instead)
    jdbc.update("update lead_rep_absence set from_date = ?, to_date = ? where user_id = ? and reason like 'hand-over%'",
        LocalDate.now(ZoneOffset.UTC).minusDays(8), LocalDate.now(ZoneOffset.UTC).minusDays(1), rep);
    Job returns = management.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(returns.getDuedate().toInstant().atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(returnsOn);
    management.executeJob(returns.getId());

    // then the lead and its task are the rep's again
    assertThat(jdbc.queryForObject("select owner_id from lead where id = ?", String.class, waiting)).isEqualTo(rep);
    assertThat(task(waiting, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee()).isEqualTo(rep);
    assertThat(jdbc.queryForList("select reason from lead_assignment where lead_id = ? order by id desc",
        String.class, waiting).get(0)).startsWith("hand-back");
    assertThat(get("max", "/api/handovers/" + response.getBody().path("handover").path("id").asText()).getBody()
        .path("handover").path("status").asText()).isEqualTo("HANDED_BACK");
  }

  @Test
  void onlyManagersHandOverAndBadRequestsNameTheField() {
    assertThat(post("sam", "/api/handovers", body("lena", "DEPARTED", null, null, false)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("leo", "/api/handovers", body("lena", "DEPARTED", null, null, false)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    ResponseEntity<JsonNode> unknown = post("max", "/api/handovers", body("nobody", "DEPARTED", null, null, false));
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody().path("errors").get(0).path("field").asText()).isEqualTo("departingRep");

    ResponseEntity<JsonNode> self = post("max", "/api/handovers", body("lena", "DEPARTED", null, "lena", false));
    assertThat(self.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(self.getBody().path("errors").get(0).path("field").asText()).isEqualTo("successor");

    ResponseEntity<JsonNode> backWithoutDate = post("max", "/api/handovers", body("lena", "ABSENT", null, "leo", true));
    assertThat(backWithoutDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(backWithoutDate.getBody().path("errors").get(0).path("field").asText()).isEqualTo("handBackOnReturn");

    ObjectNode noKind = body("lena", "DEPARTED", null, null, false);
    noKind.remove("kind");
    assertThat(post("max", "/api/handovers", noKind).getBody().path("errors").get(0).path("field").asText())
        .isEqualTo("kind");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(RepHandover.KEY)
        .processInstanceBusinessKey("handover:nobody").count()).as("nothing started").isZero();
  }

  private ObjectNode body(String rep, String kind, LocalDate returnsOn, String successor, boolean handBack) {
    ObjectNode body = json.createObjectNode().put("departingRep", rep).put("kind", kind)
        .put("note", "test hand-over").put("handBackOnReturn", handBack);
    if (returnsOn != null) {
      body.put("returnsOn", returnsOn.toString());
    }
    if (successor != null) {
      body.put("successor", successor);
    }
    return body;
  }

  /** A hand-raiser the SDR qualified: waiting for a rep to accept. */
  private String sqlLead() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    completeOk("sam", task(leadId, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "REACHED",
        "realNeed", true, "qualification", "SALES_READY"));
    runAsyncJobs(leadId);
    return leadId;
  }

  /** An open opportunity of {@code rep} at {@code position} (other reps' leads are left waiting). */
  private String opportunityOf(String rep, String position) {
    List<String> tried = new ArrayList<>();
    for (int attempt = 0; attempt < 12; attempt++) {
      String leadId = sqlLead();
      Task accept = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD);
      if (!rep.equals(accept.getAssignee())) {
        tried.add(accept.getAssignee());
        continue;
      }
      completeOk(rep, accept, Map.of("acceptance", "ACCEPTED"));
      completeOk(rep, task(leadId, SalesFollowUp.Tasks.MAKE_FIRST_CONTACT), Map.of("salesOutcome", "OPPORTUNITY",
          "dealValue", 50_000L, "funnelPosition", "MIDDLE", "objection", "NONE"));
      if (!"MIDDLE".equals(position)) {
        completeOk(rep, task(leadId, Opportunity.Tasks.UPDATE_OPPORTUNITY), Map.of("funnelPosition", position,
            "dealValue", 60_000L, "opportunityOutcome", "OPEN"));
      }
      return leadId;
    }
    throw new AssertionError("routing never gave " + rep + " a lead; it gave " + tried);
  }

  private Task handoverTask(String instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
  }

  private String businessKeyOf(String processInstanceId) {
    return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey();
  }
}
