package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
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

    // when the reminder and then the escalation fall due
    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_REMINDER_DUE);
    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_ESCALATION_DUE);
    Task escalation = task(leadId, SalesFollowUp.Tasks.REVIEW_UNACCEPTED_LEAD);

    // then the manager decides to reassign now
    assertThat(escalation).isAssignedTo("max");
    assertThat(candidateGroups(escalation)).containsExactly("sales-manager");
    completeOk("max", escalation, Map.of("managerDecision", "REASSIGN_NOW", "managerNotes", "on leave"));
    runAsyncJobs(leadId);

    Task reassigned = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD);
    assertThat(reassigned.getAssignee()).isNotEqualTo(firstRep).isIn("leo", "lena");
    assertThat(jdbc.queryForList("select concat(sla_type, ' ', tier) from lead_sla_event where lead_id = ? order by id",
        String.class, leadId)).containsExactly("SALES_ACCEPT REMINDER", "SALES_ACCEPT ESCALATION");
    List<Map<String, Object>> assignments = jdbc.queryForList(
        "select assignee, previous_assignee, reason from lead_assignment where lead_id = ? and role = 'SALES' "
            + "order by id", leadId);
    assertThat(assignments).hasSize(2);
    assertThat(assignments.get(1)).containsEntry("previous_assignee", firstRep);
    assertThat((String) assignments.get(1).get("reason")).startsWith("manager reassigned")
        .contains("skipped " + firstRep + " (the rep the lead is taken from)");
  }

  @Test
  void acceptDeadlineBreachReassignsToAnotherRep() {
    String leadId = sqlLead();
    String firstRep = task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee();

    fireTimer(leadId, SalesFollowUp.Events.ACCEPT_SLA_BREACHED);
    runAsyncJobs(leadId);

    assertThat(task(leadId, SalesFollowUp.Tasks.ACCEPT_LEAD).getAssignee()).isNotEqualTo(firstRep);
    assertThat(jdbc.queryForList("select tier from lead_sla_event where lead_id = ?", String.class, leadId))
        .containsExactly("BREACH");
    assertThat(jdbc.queryForList("select reason from lead_assignment where lead_id = ? and role = 'SALES' order by id",
        String.class, leadId).get(1)).startsWith("accept SLA breached");
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
      completeOk("sam", task(leadId, SdrQualification.Tasks.QUALIFY_LEAD), Map.of("callOutcome", "NO_ANSWER"));
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
}
