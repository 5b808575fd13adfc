package org.leadflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.lead.LeadService;
import org.mockito.ArgumentCaptor;

class RoutingServiceTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

  private final RoutingMapper routing = mock(RoutingMapper.class);
  private final IdentityService identity = mock(IdentityService.class);
  private final UserQuery salesMembers = mock(UserQuery.class, RETURNS_SELF);
  private final LeadService leads = mock(LeadService.class);
  private final LeadEventPublisher events = mock(LeadEventPublisher.class);
  private final RoutingService service =
      new RoutingService(routing, identity, leads, events, Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void salesGroupQuery() {
    when(identity.createUserQuery()).thenReturn(salesMembers);
  }

  /** Members of group sales, in the order the identity service returns them. */
  private void givenSalesReps(String... ids) {
    List<User> members = Arrays.stream(ids).map(RoutingServiceTest::user).toList();
    when(salesMembers.list()).thenReturn(members);
  }

  private void givenLastAssigned(String lastAssignee) {
    when(routing.lockCursor("sales")).thenReturn(Optional.of(new RoutingMapper.RoutingCursor("sales", lastAssignee)));
  }

  private static User user(String id) {
    User user = mock(User.class);
    when(user.getId()).thenReturn(id);
    return user;
  }

  @Test
  void theRepsAreTheMembersOfTheSalesGroup() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned(null);

    // when
    service.assignSalesRep("lead-7", null, "sales-ready", "system");

    // then
    verify(salesMembers).memberOfGroup("sales");
  }

  @Test
  void theVeryFirstAssignmentGoesToTheFirstRep() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned(null);

    // when
    Assignment assignment = service.assignSalesRep("lead-7", null, "sales-ready", "system");

    // then
    assertThat(assignment.assignee()).isEqualTo("ana");
    verify(routing).moveCursor("sales", "ana");
  }

  @Test
  void theNextLeadGoesToTheRepAfterTheLastAssignedOne() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned("ana");

    // when
    Assignment assignment = service.assignSalesRep("lead-7", null, "sales-ready", "system");

    // then
    assertThat(assignment.assignee()).isEqualTo("ben");
    verify(routing).moveCursor("sales", "ben");
  }

  @Test
  void afterTheLastRepTheTurnWrapsAroundToTheFirst() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned("cy");

    // when
    Assignment assignment = service.assignSalesRep("lead-7", null, "sales-ready", "system");

    // then
    assertThat(assignment.assignee()).isEqualTo("ana");
    verify(routing).moveCursor("sales", "ana");
  }

  @Test
  void aLastAssigneeWhoLeftTheGroupIsFollowedByTheNextRepInOrder() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned("bob");

    // when / then
    assertThat(service.assignSalesRep("lead-7", null, "sales-ready", "system").assignee()).isEqualTo("cy");
  }

  @Test
  void aReassignedLeadSkipsTheRepItIsTakenFrom() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned("ana");

    // when
    Assignment assignment = service.assignSalesRep("lead-7", "ben", "accept SLA breached", "system");

    // then
    assertThat(assignment.assignee()).isEqualTo("cy");
  }

  @Test
  void aReassignmentThatWouldWrapToThePreviousRepSkipsThemToo() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned("cy");

    // when
    Assignment assignment = service.assignSalesRep("lead-7", "ana", "accept SLA breached", "system");

    // then
    assertThat(assignment.assignee()).isEqualTo("ben");
  }

  @Test
  void theOnlyRepGetsTheLeadBackWhenThereIsNobodyElse() {
    // given
    givenSalesReps("leo");
    givenLastAssigned("leo");

    // when
    Assignment assignment = service.assignSalesRep("lead-7", "leo", "accept SLA breached", "system");

    // then
    assertThat(assignment.assignee()).isEqualTo("leo");
    verify(leads).assignOwner("lead-7", "leo");
  }

  @Test
  void withoutAnySalesRepTheAssignmentFailsClearlyAndChangesNothing() {
    // given
    givenSalesReps();
    givenLastAssigned("ana");

    // when / then
    assertThatThrownBy(() -> service.assignSalesRep("lead-7", null, "sales-ready", "system"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("No member of group 'sales' to assign lead lead-7 to");
    verify(routing, never()).moveCursor(anyString(), anyString());
    verify(leads, never()).assignOwner(anyString(), anyString());
    verify(events, never()).publish(any());
  }

  @Test
  void aMissingRoutingCursorIsReportedAsSuch() {
    // given
    givenSalesReps("ana");
    when(routing.lockCursor("sales")).thenReturn(Optional.empty());

    // when / then
    assertThatThrownBy(() -> service.assignSalesRep("lead-7", null, "sales-ready", "system"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("No routing cursor");
  }

  @Test
  void theRepsTeamSupervisorBecomesTheManager() {
    // given
    givenSalesReps("ana", "ben");
    givenLastAssigned("ana");
    when(routing.supervisorOf("ben")).thenReturn(Optional.of("max"));

    // when
    Assignment assignment = service.assignSalesRep("lead-7", null, "sales-ready", "system");

    // then
    assertThat(assignment.manager()).isEqualTo("max");
  }

  @Test
  void aRepWithoutTeamHasNoManager() {
    // given
    givenSalesReps("ana", "ben");
    givenLastAssigned("ana");
    when(routing.supervisorOf("ben")).thenReturn(Optional.empty());

    // when / then
    assertThat(service.assignSalesRep("lead-7", null, "sales-ready", "system").manager()).isNull();
  }

  @Test
  void theAssignmentIsLoggedWithWhyThisRepAndTheLeadIsHandedToThem() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned("ana");

    // when
    Assignment assignment = service.assignSalesRep("lead-7", null, "sales-ready", "system");

    // then
    String reason = "sales-ready: round robin over 3 eligible sales rep(s), next after ana";
    assertThat(assignment.reason()).isEqualTo(reason);
    verify(routing).insertAssignment("lead-7", "SALES", "ben", null, reason, NOW, "system");
    verify(leads).assignOwner("lead-7", "ben");
  }

  @Test
  void theReasonOfAReassignmentNamesItsCauseAndTheSkippedRep() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned(null);

    // when
    Assignment assignment = service.assignSalesRep("lead-7", "ana", "manager reassigned", "max");

    // then
    String reason = "manager reassigned: round robin over 2 eligible sales rep(s), next after none; skipped ana";
    assertThat(assignment.reason()).isEqualTo(reason);
    verify(routing).insertAssignment(eq("lead-7"), eq("SALES"), eq("ben"), eq("ana"), eq(reason), any(), eq("max"));
  }

  @Test
  void theOnlyRepGetsTheLeadBackAndTheReasonSaysSoInsteadOfClaimingASkip() {
    givenSalesReps("leo");
    givenLastAssigned("leo");

    Assignment assignment = service.assignSalesRep("lead-7", "leo", "accept SLA breached", "system");

    assertThat(assignment.assignee()).isEqualTo("leo");
    assertThat(assignment.reason()).doesNotContain("skipped").endsWith("leo is the only sales rep");
  }

  @Test
  void everyRepGetsATurnWhateverOrderTheDatabaseReturnsMixedCaseIdsIn() {
    givenSalesReps("Ana", "ben", "Cy"); // a case-insensitive collation sorts them like this
    java.util.Set<String> served = new java.util.HashSet<>();
    String last = "ben";
    for (int turn = 0; turn < 3; turn++) {
      givenLastAssigned(last);
      last = service.assignSalesRep("lead-" + turn, null, "sales-ready", "system").assignee();
      served.add(last);
    }

    assertThat(served).containsExactlyInAnyOrder("Ana", "ben", "Cy");
  }

  @Test
  void everyAssignmentIsPublishedAsLeadAssignedWithItsReason() {
    // given
    givenSalesReps("ana", "ben", "cy");
    givenLastAssigned(null);
    when(routing.supervisorOf("ben")).thenReturn(Optional.of("max"));

    // when
    service.assignSalesRep("lead-7", "ana", "accept SLA breached", "system");

    // then
    ArgumentCaptor<LeadEvent> published = ArgumentCaptor.forClass(LeadEvent.class);
    verify(events).publish(published.capture());
    LeadEvent event = published.getValue();
    assertThat(event.type()).isEqualTo(LeadEventType.LeadAssigned);
    assertThat(event.leadId()).isEqualTo("lead-7");
    assertThat(event.occurredAt()).isEqualTo(NOW);
    assertThat(event.data().path("role").asText()).isEqualTo("SALES");
    assertThat(event.data().path("assignee").asText()).isEqualTo("ben");
    assertThat(event.data().path("previousAssignee").asText()).isEqualTo("ana");
    assertThat(event.data().path("manager").asText()).isEqualTo("max");
    assertThat(event.data().path("actor").asText()).isEqualTo("system");
    assertThat(event.data().path("reason").asText())
        .isEqualTo("accept SLA breached: round robin over 2 eligible sales rep(s), next after none; skipped ana");
  }
}
