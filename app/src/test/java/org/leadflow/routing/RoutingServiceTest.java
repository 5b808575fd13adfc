package org.leadflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.TestLeads;
import org.leadflow.people.Absence;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.leadflow.people.TeamRole;
import org.leadflow.rules.RuleBook;
import org.leadflow.rules.RuleDecision;
import org.leadflow.rules.RuleMatch;
import org.mockito.ArgumentCaptor;

class RoutingServiceTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");
  private static final Team NORTH = new Team("sales-north", "Sales North", TeamRole.SALES, "max", null, null, "UTC");
  private static final Team SDR_DESK = new Team("sdr-desk", "SDR desk", TeamRole.SDR, null, null, null, "UTC");

  private final RuleBook rules = mock(RuleBook.class);
  private final RepAllocator allocator = mock(RepAllocator.class);
  private final RoutingMapper routing = mock(RoutingMapper.class);
  private final PeopleMapper people = mock(PeopleMapper.class);
  private final LeadService leads = mock(LeadService.class);
  private final LeadEventPublisher events = mock(LeadEventPublisher.class);
  private final RoutingService service = new RoutingService(rules, allocator, routing, people, leads, events,
      Clock.fixed(NOW, ZoneOffset.UTC), mock(org.leadflow.reports.ReportProjection.class));

  @BeforeEach
  void aGermanLeadInterestedInAnalytics() {
    when(leads.get("lead-7")).thenReturn(TestLeads.lead("lead-7").country("DE").productInterest(" Analytics ").build());
    when(people.findTeam("sales-north")).thenReturn(Optional.of(NORTH));
    when(people.findTeam("sdr-desk")).thenReturn(Optional.of(SDR_DESK));
  }

  private void givenRule(String pool, String ruleId, String annotation, String teamId) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("pool", pool);
    inputs.put("productInterest", "analytics");
    inputs.put("country", "DE");
    when(rules.evaluate("lead-routing", inputs)).thenReturn(new RuleDecision("lead-routing", 3, "def-3",
        List.of(new RuleMatch(ruleId, annotation, Map.of("teamId", teamId)))));
  }

  private void givenAllocation(String teamId, String takenFrom, Team team, String rep, String explanation) {
    when(allocator.allocate(teamId, takenFrom)).thenReturn(new RepAllocator.Allocation(team,
        new Rep(rep, teamId, 20, RepStatus.ACTIVE), 0.5, 3, explanation));
  }

  @Test
  void theTableNamesTheTeamAndTheAllocatorTheRepWhoIsLoggedWithTheRuleAndWhy() {
    // given
    givenRule("SALES", "Rule_DachSales", "DACH leads go to Sales North", "sales-north");
    givenAllocation("sales-north", null, NORTH, "lena", "team sales-north: lena (weight 0.50 ...)");

    // when
    Assignment assignment = service.assignSalesRep("lead-7", null, "sales-ready", "system");

    // then
    String reason = "sales-ready: lead-routing:v3/Rule_DachSales (DACH leads go to Sales North) -> "
        + "team sales-north: lena (weight 0.50 ...)";
    assertThat(assignment).isEqualTo(new Assignment("lena", "max", reason));
    verify(routing).insertAssignment("lead-7", "SALES", "lena", null, reason, NOW, "system");
    verify(leads).assignOwner("lead-7", "lena");
  }

  @Test
  void aReassignmentSkipsTheRepTheLeadIsTakenFromAndPublishesLeadAssigned() {
    // given
    givenRule("SALES", "Rule_DachSales", null, "sales-north");
    givenAllocation("sales-north", "leo", NORTH, "lena", "team sales-north: lena; skipped leo (the rep ...)");

    // when
    service.assignSalesRep("lead-7", "leo", "accept SLA breached", "system");

    // then
    ArgumentCaptor<LeadEvent> published = ArgumentCaptor.forClass(LeadEvent.class);
    verify(events).publish(published.capture());
    LeadEvent event = published.getValue();
    assertThat(event.type()).isEqualTo(LeadEventType.LeadAssigned);
    assertThat(event.data().path("role").asText()).isEqualTo("SALES");
    assertThat(event.data().path("assignee").asText()).isEqualTo("lena");
    assertThat(event.data().path("previousAssignee").asText()).isEqualTo("leo");
    assertThat(event.data().path("manager").asText()).isEqualTo("max");
    assertThat(event.data().path("reason").asText())
        .isEqualTo("accept SLA breached: lead-routing:v3/Rule_DachSales -> team sales-north: lena; skipped leo (the rep ...)");
  }

  @Test
  void anMqlGoesToAnSdrOfTheTeamTheTableNames() {
    givenRule("SDR", "Rule_SdrDesk", "Every MQL", "sdr-desk");
    givenAllocation("sdr-desk", null, SDR_DESK, "sam", "team sdr-desk: sam");

    assertThat(service.assignSdr("lead-7", "MQL", "system")).map(Assignment::assignee).contains("sam");
    verify(routing).insertAssignment(eq("lead-7"), eq("SDR"), eq("sam"), eq(null), anyString(), eq(NOW), eq("system"));
  }

  @Test
  void withNoSdrAvailableTheMqlStaysInTheQueueAndNothingIsRecorded() {
    givenRule("SDR", "Rule_SdrDesk", "Every MQL", "sdr-desk");
    when(allocator.allocate("sdr-desk", null)).thenThrow(new NoEligibleRepException("Nobody in team sdr-desk"));

    assertThat(service.assignSdr("lead-7", "MQL", "system")).isEmpty();
    verify(leads, never()).assignOwner(anyString(), anyString());
    verify(events, never()).publish(any());
  }

  @Test
  void withNobodyEligibleTheSalesAssignmentFailsClearlyAndChangesNothing() {
    givenRule("SALES", "Rule_DachSales", null, "sales-north");
    when(allocator.allocate("sales-north", null))
        .thenThrow(new NoEligibleRepException("Nobody in team sales-north can take the lead; skipped leo (departed)"));

    assertThatThrownBy(() -> service.assignSalesRep("lead-7", null, "sales-ready", "system"))
        .isInstanceOf(NoEligibleRepException.class).hasMessageContaining("skipped leo (departed)");
    verify(leads, never()).assignOwner(anyString(), anyString());
  }

  @Test
  void aTableThatSendsSalesLeadsToAnSdrTeamIsRejected() {
    givenRule("SALES", "Rule_Broken", null, "sdr-desk");

    assertThatThrownBy(() -> service.assignSalesRep("lead-7", null, "sales-ready", "system"))
        .isInstanceOf(NoEligibleRepException.class)
        .hasMessage("lead-routing:v3/Rule_Broken sends a SALES lead to team sdr-desk, which works the SDR pool");
  }

  @Test
  void aTableNamingAnUnknownTeamIsRejected() {
    givenRule("SALES", "Rule_Typo", null, "sales-nort");

    assertThatThrownBy(() -> service.assignSalesRep("lead-7", null, "sales-ready", "system"))
        .isInstanceOf(NoEligibleRepException.class)
        .hasMessage("lead-routing:v3/Rule_Typo names team 'sales-nort', which does not exist");
  }

  @Test
  void aManagerMovesTheLeadToTheRepTheyChose() {
    when(people.findRep("nick")).thenReturn(Optional.of(new Rep("nick", "sales-north", 2, RepStatus.ACTIVE)));
    when(routing.openLoads(List.of("nick"))).thenReturn(List.of(new RoutingMapper.Load("nick", 2)));

    Assignment assignment = service.reassignByManager("lead-7", "leo", "nick", "max");

    assertThat(assignment.assignee()).isEqualTo("nick");
    assertThat(assignment.reason()).isEqualTo("manager reassigned: max chose nick (team sales-north, load 2/2, "
        + "over capacity by the manager's decision); taken from leo");
    verify(routing).insertAssignment("lead-7", "SALES", "nick", "leo", assignment.reason(), NOW, "max");
  }

  @Test
  void aManagerCannotMoveTheLeadToAnAbsentRep() {
    when(people.findRep("nick")).thenReturn(Optional.of(new Rep("nick", "sales-north", 20, RepStatus.ACTIVE)));
    when(people.findAbsencesNotEndedBefore(List.of("nick"), LocalDate.of(2025, 3, 4))).thenReturn(List.of(
        new Absence(1, "nick", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 9), "vacation", NOW, "max")));

    assertThatThrownBy(() -> service.reassignByManager("lead-7", "leo", "nick", "max"))
        .isInstanceOf(NoEligibleRepException.class).hasMessage("nick is absent until 2025-03-09 (vacation)");
    verify(leads, never()).assignOwner(anyString(), anyString());
  }

  @Test
  void aManagerWhoLetsRoutingPickGetsTheWeightedChoiceWithoutTheCurrentRep() {
    givenRule("SALES", "Rule_DachSales", null, "sales-north");
    givenAllocation("sales-north", "leo", NORTH, "lena", "team sales-north: lena");

    Assignment assignment = service.reassignByManager("lead-7", "leo", null, "max");

    assertThat(assignment.reason()).startsWith("manager reassigned (max let routing pick): lead-routing:v3/Rule_DachSales");
    verify(routing).insertAssignment(eq("lead-7"), eq("SALES"), eq("lena"), eq("leo"), anyString(), eq(NOW), eq("max"));
  }
}
