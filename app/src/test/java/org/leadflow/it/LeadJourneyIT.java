package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leadflow.identity.Roles;
import org.leadflow.process.LeadLifecycle;
import org.leadflow.process.LeadNurture;
import org.leadflow.process.Opportunity;
import org.leadflow.process.SalesFollowUp;
import org.leadflow.process.SdrQualification;

/**
 * Whole journeys through the real app: tasks completed through engine REST as the demo people
 * (so Camunda authorizations apply), timers fired by executing their jobs, and what the lead
 * tables recorded checked at the end.
 */
class LeadJourneyIT extends IntegrationTestBase {

  @Test
  void handRaiserTravelsFromCaptureThroughSdrAndSalesToWon() {
    // given a demo request
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);

    // when a sales rep tries the SDR's task, then the SDR qualifies it
    assertThat(complete("leo", qualify, Map.of("callOutcome", "REACHED")).getStatusCode().value()).isEqualTo(403);
    completeOk("sam", qualify, Map.of("callOutcome", "REACHED", "realNeed", true, "authority", "DECISION_MAKER",
        "timing", "THIS_QUARTER", "objection", "TOO_EXPENSIVE", "qualification", "SALES_READY",
        "callNotes", "wants a pilot"));
    runAsyncJobs(leadId);

    // then a rep of the team is asked to accept; another rep may not complete it for them
    Task accept = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD);
    String rep = accept.getAssignee();
    assertThat(rep).isIn("leo", "lena");
    assertThat(candidateGroups(accept)).containsExactly("sales");
    assertThat(complete("sam", accept, Map.of("acceptance", "ACCEPTED")).getStatusCode().value()).isEqualTo(403);
    completeOk(rep, accept, Map.of("acceptance", "ACCEPTED"));

    completeOk(rep, task(leadId, SalesFollowUp.Tasks.MAKE_FIRST_CONTACT), Map.of("salesOutcome", "OPPORTUNITY",
        "dealValue", 120_000L, "funnelPosition", "MIDDLE", "objection", "NONE"));
    Task update = task(leadId, Opportunity.Tasks.UPDATE_OPPORTUNITY);
    assertThat(update).isAssignedTo(rep);
    completeOk(rep, update, Map.of("funnelPosition", "BOTTOM", "dealValue", 150_000L, "opportunityOutcome", "OPEN"));
    completeOk(rep, task(leadId, Opportunity.Tasks.UPDATE_OPPORTUNITY), Map.of("funnelPosition", "BOTTOM",
        "dealValue", 150_000L, "opportunityOutcome", "WON", "closeReason", "PRODUCT_FIT", "newCustomer", true));
    Task review = task(leadId, LeadLifecycle.Tasks.REVIEW_WIN_LOSS);
    assertThat(review).hasCandidateGroup("marketing");
    completeOk("mia", review, Map.of("reviewFinding", "NOTHING_TO_CHANGE"));

    // then
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(LeadLifecycle.KEY)
        .processInstanceBusinessKey(leadId).singleResult().getEndActivityId()).isEqualTo(LeadLifecycle.Events.LEAD_WON);
    assertThat(stages(leadId)).containsExactly("CAPTURED", "MQL", "SQL", "SAL", "OPPORTUNITY", "WON");
    assertThat(jdbc.queryForList("select actor from lead_stage_history where lead_id = ? and to_stage = 'SQL'",
        String.class, leadId)).containsExactly("sam");
    Map<String, Object> lead = jdbc.queryForMap("select owner_id, deal_value, close_reason, new_customer, "
        + "funnel_position from lead where id = ?", leadId);
    assertThat(lead).containsEntry("owner_id", rep).containsEntry("close_reason", "PRODUCT_FIT")
        .containsEntry("funnel_position", "BOTTOM");
    assertThat(((Number) lead.get("deal_value")).longValue()).isEqualTo(150_000L);
    assertThat(jdbc.queryForList("select reason from lead_assignment where lead_id = ? and role = 'SALES'",
        String.class, leadId)).singleElement().asString().startsWith("sales-ready: lead-routing:v")
        .contains("/Rule_DachSales", "team sales-north", rep + " (weight");
    assertThat(jdbc.queryForList("select type from lead_activity where lead_id = ? order by id", String.class, leadId))
        .containsExactly("CALL_ATTEMPT", "ACCEPT_DECISION", "FIRST_CONTACT", "OPPORTUNITY_UPDATE",
            "OPPORTUNITY_UPDATE");
  }

  @Test
  void unacceptedLeadIsRemindedEscalatedToTheRepsManagerAndReassigned() {
    // given a lead handed to a rep
    String leadId = sqlLead();
    Task accept = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD);
    String firstRep = accept.getAssignee();

    // when the reminder falls due
    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_REMINDER_DUE);

    // then the rep's task moves to the top of their Tasklist with a comment saying when the SLA falls due
    Task reminded = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(reminded.getPriority()).isEqualTo(80);
    assertThat(reminded.getFollowUpDate()).isNotNull();
    assertThat(reminded.getDescription()).startsWith("SLA reminder: SALES_ACCEPT is due at");
    assertThat(tasks.getTaskComments(reminded.getId())).singleElement()
        .satisfies(comment -> assertThat(comment.getFullMessage()).startsWith("SLA reminder: SALES_ACCEPT is due at"));

    // when the SLA and then the escalation fall due
    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_SLA_DUE);
    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_ESCALATION_DUE);
    Task escalation = task(leadId, SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD);

    // then the rep's manager (the supervisor of the rep's team) decides to reassign now
    assertThat(escalation).isAssignedTo("max");
    assertThat(candidateGroups(escalation)).containsExactly("sales-manager");
    // in max's "Escalations" filter, not in mona's (she manages another team)
    assertThat(escalationsOf("max")).contains(escalation.getId());
    assertThat(escalationsOf("mona")).doesNotContain(escalation.getId());
    completeOk("max", escalation, Map.of("managerDecision", "REASSIGN_NOW", "managerNotes", "on leave"));
    runAsyncJobs(leadId);

    Task reassigned = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(reassigned.getAssignee()).isNotEqualTo(firstRep).isIn("leo", "lena");
    assertThat(jdbc.queryForList("select concat(sla_type, ' ', tier) from lead_sla_event where lead_id = ? order by id",
        String.class, leadId)).containsExactly("SALES_ACCEPT REMINDER", "SALES_ACCEPT BREACH",
            "SALES_ACCEPT ESCALATION", "SALES_ACCEPT REASSIGNMENT");
    List<Map<String, Object>> assignments = jdbc.queryForList(
        "select assignee, previous_assignee, reason from lead_assignment where lead_id = ? and role = 'SALES' "
            + "order by id", leadId);
    assertThat(assignments).hasSize(2);
    assertThat(assignments.get(1)).containsEntry("previous_assignee", firstRep);
    assertThat((String) assignments.get(1).get("reason")).startsWith("manager reassigned")
        .contains("skipped " + firstRep + " (the rep the lead is taken from)");

    // and the SLA records say so over REST: the first rep's SLA reassigned with its tiers, the new rep's open
    JsonNode slas = get("max", "/api/leads/" + leadId + "/slas").getBody();
    List<JsonNode> accepts = new java.util.ArrayList<>();
    slas.forEach(sla -> {
      if (sla.path("slaType").asText().equals("SALES_ACCEPT")) {
        accepts.add(sla);
      }
    });
    assertThat(accepts).hasSize(2);
    assertThat(accepts.get(0).path("ownerId").asText()).isEqualTo(firstRep);
    assertThat(accepts.get(0).path("outcome").asText()).isEqualTo("REASSIGNED");
    assertThat(accepts.get(0).path("tiersFired").asText()).isEqualTo("REMINDER,BREACH,ESCALATION,REASSIGNMENT");
    assertThat(accepts.get(0).path("breachedAt").isNull()).isFalse();
    assertThat(accepts.get(1).path("ownerId").asText()).isEqualTo(reassigned.getAssignee());
    assertThat(accepts.get(1).path("status").asText()).isEqualTo("OPEN");
    assertThat(accepts.get(1).path("recycleAt").asText()).as("recycling still counts from the first rep's start")
        .isEqualTo(accepts.get(0).path("recycleAt").asText());
  }

  @Test
  void theReassignmentTierGivesAnUnacceptedLeadToAnotherRepAndTheRecycleTierSendsItBack() {
    String leadId = sqlLead();
    String firstRep = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee();

    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_REASSIGNMENT_DUE);
    runAsyncJobs(leadId);

    assertThat(task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee()).isNotEqualTo(firstRep);
    assertThat(jdbc.queryForList("select tier from lead_sla_event where lead_id = ?", String.class, leadId))
        .containsExactly("REASSIGNMENT");
    assertThat(jdbc.queryForList("select reason from lead_assignment where lead_id = ? and role = 'SALES' order by id",
        String.class, leadId).get(1)).startsWith("SLA reassignment tier");

    // when nobody accepts it by the recycle instant either
    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_RECYCLE_DUE);
    runAsyncJobs(leadId);

    // then it is back with marketing, recycled for the lapsed SLA
    assertThat(jdbc.queryForObject("select stage from lead where id = ?", String.class, leadId))
        .isIn("RECYCLED", "NURTURING");
    assertThat(jdbc.queryForList("select reason from lead_stage_history where lead_id = ? and to_stage = 'RECYCLED'",
        String.class, leadId)).containsExactly("recycled: SLA_SALES_ACCEPT");
    assertThat(jdbc.queryForList("select outcome from lead_sla where lead_id = ? and sla_type = 'SALES_ACCEPT' "
        + "order by id", String.class, leadId)).containsExactly("REASSIGNED", "RECYCLED");
    JsonNode compliance = get("max", "/api/slas/compliance").getBody();
    assertThat(compliance.findValues("slaType").stream().map(JsonNode::asText)).contains("SALES_ACCEPT");
  }

  @Test
  void sdrRecyclesToNurtureAndTheCapClosesTheLeadAsDormant() {
    // given a hand-raiser the SDR sends back twice (the cap is 2 by default), then a third time
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    for (int round = 1; round <= 3; round++) {
      completeOk("sara", task(leadId, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "REACHED",
          "realNeed", false, "qualification", "RECYCLE", "recycleReason", "NOT_NOW"));
      if (round < 3) {
        // back in nurture; a new demo request wakes it again
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LeadNurture.KEY)
            .processInstanceBusinessKey(leadId).singleResult()).isWaitingAt(LeadNurture.Gateways.WHAT_HAPPENS_NEXT);
        var again = submission("DEMO_REQUEST", unique());
        again.put("email", jdbc.queryForObject("select email from lead where id = ?", String.class, leadId));
        assertThat(post("mia", "/api/leads", again).getBody().path("outcome").asText())
            .isEqualTo("ATTACHED_TO_OPEN_LEAD");
      }
    }

    assertThat(stages(leadId)).containsExactly("CAPTURED", "MQL", "RECYCLED", "NURTURING", "MQL", "RECYCLED",
        "NURTURING", "MQL", "DORMANT");
    assertThat(jdbc.queryForObject("select recycle_count from lead where id = ?", Integer.class, leadId)).isEqualTo(2);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(LeadLifecycle.KEY)
        .processInstanceBusinessKey(leadId).singleResult().getEndActivityId())
        .isEqualTo(LeadLifecycle.Events.LEAD_DORMANT);
  }

  @Test
  void unreachableLeadIsInvalidAfterTheLastAttempt() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    for (int attempt = 1; attempt <= 3; attempt++) {
      completeOk("sam", task(leadId, attempt == 1 ? SdrQualification.Tasks.QUALIFY_LEAD
          : SdrQualification.Tasks.CALL_LEAD_AGAIN), Map.of("callOutcome", "NO_ANSWER"));
      if (attempt < 3) {
        fireTimer(leadId, SdrQualification.Events.NEXT_CALL_ATTEMPT_DUE);
      }
    }

    assertThat(stages(leadId)).containsExactly("CAPTURED", "MQL", "INVALID");
    assertThat(jdbc.queryForObject("select invalid_reason from lead where id = ?", String.class, leadId))
        .isEqualTo("UNREACHABLE");
    assertThat(jdbc.queryForObject("select count(*) from lead_activity where lead_id = ? and type = 'CALL_ATTEMPT'",
        Integer.class, leadId)).isEqualTo(3);
  }

  @Test
  void salesReadyWithoutAConfirmedNeedIsRefusedAndTheTaskStaysOpen() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);

    var response = complete("sam", qualify, Map.of("callOutcome", "REACHED", "qualification", "SALES_READY",
        "realNeed", false));

    assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(response.getBody()).contains("real need");
    assertThat(task(leadId, SdrQualification.Tasks.QUALIFY_LEAD)).isNotNull();
    assertThat(stages(leadId)).containsExactly("CAPTURED", "MQL");
  }

  /** A hand-raiser the SDR qualified: waiting for a rep to accept. */
  private String sqlLead() {
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    completeOk("sam", task(leadId, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "REACHED",
        "realNeed", true, "qualification", "SALES_READY"));
    runAsyncJobs(leadId);
    return leadId;
  }

  /** The tasks of the Tasklist filter "Escalations" as {@code manager} sees them. */
  private List<String> escalationsOf(String manager) {
    Filter filter = engine.getFilterService().createFilterQuery().filterName("Escalations").singleResult();
    engine.getIdentityService().setAuthentication(manager, List.of(Roles.SALES_MANAGER));
    try {
      return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
