package org.leadflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.process.SdrQualification;
import org.leadflow.stuck.StuckLead;
import org.leadflow.stuck.StuckLeadScan;
import org.leadflow.stuck.StuckLeadService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lead that sits too long where it is: flagged once by the scan with a stuck-lead incident on the
 * activity it waits in, listed by GET /api/stuck-leads, and un-flagged when it moves. Each test makes a
 * lead stuck by dating its last stage change back beyond the stuck-lead table's limit (MQL: 3 days).
 */
class StuckLeadIT extends IntegrationTestBase {

  @Autowired StuckLeadScan scan;
  @Autowired StuckLeadService stuckLeads;
  @Autowired LeadService leads;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aLeadWaitingForItsSdrTooLongIsFlaggedOnceListedAndResolvedWhenQualified() {
    // given an MQL waiting four days for its SDR's call (the limit is three)
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    Task qualify = task(leadId, SdrQualification.Tasks.QUALIFY_LEAD);
    stageChangedDaysAgo(leadId, 4);
    String owner = jdbc.queryForObject("select owner_id from lead where id = ?", String.class, leadId);

    // when the scan runs, twice
    List<StuckLead> flagged = scan.scan();
    scan.scan();

    // then one incident on the SDR task of the lead's sdr-qualification instance
    assertThat(flagged).extracting(StuckLead::leadId).contains(leadId);
    Incident incident = runtime.createIncidentQuery().incidentType("stuck-lead").configuration(leadId).singleResult();
    assertThat(incident).as("exactly one stuck-lead incident").isNotNull();
    ProcessInstance sdrInstance = runtime.createProcessInstanceQuery()
        .processInstanceId(incident.getProcessInstanceId()).singleResult();
    assertThat(sdrInstance.getBusinessKey()).isEqualTo(leadId);
    assertThat(sdrInstance.getProcessDefinitionId()).startsWith(SdrQualification.KEY + ":");
    assertThat(incident.getActivityId()).isEqualTo(SdrQualification.Tasks.QUALIFY_LEAD);
    assertThat(incident.getIncidentMessage())
        .startsWith("Lead " + leadId + " (Ada Lovelace-")
        .contains(", Acme Analytics) stuck 4 days in MQL, owner " + owner)
        .endsWith("; limit 3 days; likely cause: no SDR working it: desk overloaded or lead overlooked");
    assertThat(stuckLeads.history(leadId)).singleElement().satisfies(row -> {
      assertThat(row.incidentId()).isEqualTo(incident.getId());
      assertThat(row.ruleRef()).isEqualTo("stuck-lead:v1/Rule_Mql");
      assertThat(row.resolvedAt()).isNull();
    });

    // and managers see it in the list; marketing may not read it
    ResponseEntity<JsonNode> list = get("max", "/api/stuck-leads");
    assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode listed = find(list.getBody(), leadId);
    assertThat(listed.path("stage").asText()).isEqualTo("MQL");
    assertThat(listed.path("ownerId").asText()).isEqualTo(owner);
    assertThat(listed.path("daysStuck").asInt()).isEqualTo(4);
    assertThat(listed.path("limit").asText()).isEqualTo("PT72H");
    assertThat(listed.path("likelyCause").asText()).isEqualTo("no SDR working it: desk overloaded or lead overlooked");
    assertThat(listed.path("processInstanceId").asText()).isEqualTo(sdrInstance.getId());
    assertThat(get("mia", "/api/stuck-leads").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("max", "/api/stuck-leads?team=no-such-team").getBody().path("errors").get(0).path("field")
        .asText()).isEqualTo("team");

    // when the SDR qualifies the lead
    completeOk(owner, qualify, Map.of("callOutcome", "REACHED", "realNeed", true, "authority", "DECISION_MAKER",
        "timing", "THIS_QUARTER", "objection", "NONE", "qualification", "SALES_READY", "callNotes", "ready"));
    runAsyncJobs(leadId);

    // then the incident is resolved, the record closed and both facts published
    assertThat(runtime.createIncidentQuery().incidentType("stuck-lead").configuration(leadId).count()).isZero();
    HistoricIncident historic = history.createHistoricIncidentQuery().incidentId(incident.getId()).singleResult();
    assertThat(historic.isResolved()).isTrue();
    assertThat(stuckLeads.history(leadId)).singleElement().satisfies(row -> {
      assertThat(row.resolvedAt()).isNotNull();
      assertThat(row.resolution()).isEqualTo("moved on from " + SdrQualification.Tasks.QUALIFY_LEAD);
    });
    assertThat(find(get("max", "/api/stuck-leads").getBody(), leadId)).isNull();
    assertThat(jdbc.queryForList("select event_type from lead_event_outbox where lead_id = ? and event_type like "
        + "'Lead%tuck' order by id", String.class, leadId)).containsExactly("LeadStuck", "LeadUnstuck");
  }

  @Test
  void aLeadMovedWhileItsProcessStillWaitsHasItsIncidentResolvedAtOnce() {
    // given a stuck MQL
    String leadId = capture(submission("DEMO_REQUEST", unique()));
    stageChangedDaysAgo(leadId, 5);
    scan.scan();
    Incident incident = runtime.createIncidentQuery().incidentType("stuck-lead").configuration(leadId).singleResult();
    assertThat(incident).isNotNull();

    // when the lead moves without its process moving (here: straight through the lead service)
    new TransactionTemplate(transactions).executeWithoutResult(status ->
        leads.moveToStage(leadId, LeadStage.NURTURING, "test", "back to nurture by hand"));

    // then
    assertThat(runtime.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
    assertThat(history.createHistoricIncidentQuery().incidentId(incident.getId()).singleResult().isResolved())
        .isTrue();
    assertThat(stuckLeads.history(leadId)).singleElement()
        .satisfies(row -> assertThat(row.resolution()).isEqualTo("moved to NURTURING"));
    JsonNode unstuck = json.valueToTree(jdbc.queryForObject("select payload from lead_event_outbox where lead_id = ? "
        + "and event_type = 'LeadUnstuck'", String.class, leadId));
    assertThat(unstuck.asText()).contains("\"resolution\":\"moved to NURTURING\"");
  }

  private void stageChangedDaysAgo(String leadId, int days) {
    jdbc.update("update lead set stage_changed_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(Duration.ofDays(days)).minusSeconds(60)), leadId);
  }

  private static JsonNode find(JsonNode list, String leadId) {
    for (JsonNode lead : list) {
      if (leadId.equals(lead.path("leadId").asText())) {
        return lead;
      }
    }
    return null;
  }
}
