package org.leadflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadflow.MovableClock;
import org.leadflow.calendar.BusinessTime;
import org.leadflow.calendar.WorkingCalendar;
import org.leadflow.calendar.WorkingHours;
import org.leadflow.events.LeadEvent;
import org.leadflow.events.LeadEventPublisher;
import org.leadflow.events.LeadEventType;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.TestLeads;
import org.leadflow.ops.LeadflowMetrics;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.leadflow.people.TeamRole;
import org.leadflow.reports.ReportProjection;
import org.leadflow.reports.ReportProjection.SlaState;
import org.mockito.ArgumentCaptor;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.TestPropertySource;

/** SLA instances on H2 in MySQL mode with the real migrations: start, tiers, end, compliance. */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:sla-service;MODE=MySQL;DB_CLOSE_DELAY=-1",
    "spring.flyway.table=lead_schema_history"})
class SlaServiceTest {

  private static final Instant START = Instant.parse("2026-12-04T09:00:00Z");

  @Autowired SlaInstanceMapper mapper;
  @Autowired PeopleMapper people;

  private final MovableClock clock = new MovableClock(START);
  private final LeadEventPublisher publisher = mock(LeadEventPublisher.class);
  private final ReportProjection reports = mock(ReportProjection.class);
  private LeadService leads;
  private SlaService slas;
  private String leadId;

  @BeforeEach
  void setUp() {
    leads = mock(LeadService.class);
    when(leads.getForUpdate(any())).thenAnswer(call -> TestLeads.lead(call.getArgument(0)).ownerId("leo").build());
    slas = new SlaService(mapper, leads, people, publisher, TestSlaPolicies.AROUND_THE_CLOCK, clock,
        new LeadflowMetrics(new SimpleMeterRegistry()), reports);
    leadId = "lead-" + System.nanoTime();
  }

  private SlaSchedule acceptSchedule(String owner) {
    SlaTerms terms = TestSlaPolicies.DEFAULT_ROWS.get(SlaType.SALES_ACCEPT);
    Instant start = clock.instant();
    return new SlaSchedule(SlaType.SALES_ACCEPT, terms, owner, "sales-north", start, start.plus(terms.remindAfter()),
        start.plus(terms.dueAfter()), start.plus(terms.escalateAfter()), start.plus(terms.reassignAfter()),
        start.plus(terms.recycleAfter()));
  }

  private List<LeadEvent> published() {
    ArgumentCaptor<LeadEvent> events = ArgumentCaptor.forClass(LeadEvent.class);
    verify(publisher, atLeastOnce()).publish(events.capture());
    return events.getAllValues();
  }

  @Test
  void startingRecordsTheScheduleAndPublishesIt() {
    SlaInstance sla = slas.start(leadId, acceptSchedule("leo"), "pi-1", "task-1");

    assertThat(sla.status()).isEqualTo(SlaInstance.Status.OPEN);
    assertThat(sla.ownerId()).isEqualTo("leo");
    assertThat(sla.ruleRef()).isEqualTo("sla-policy:v1/Rule_AcceptDefault");
    assertThat(sla.dueAt()).isEqualTo(START.plus(Duration.ofHours(8)));
    assertThat(sla.taskId()).isEqualTo("task-1");
    LeadEvent started = published().get(0);
    assertThat(started.type()).isEqualTo(LeadEventType.SlaStarted);
    assertThat(started.data().get("dueAt").asText()).isEqualTo("2026-12-04T17:00:00Z");
    assertThat(started.data().get("slaId").asLong()).isEqualTo(sla.id());
  }

  @Test
  void everyChangeOfAClocksStateMovesItInTheSlaReportsRollup() {
    // a clock breached, then done late; another done in time
    slas.start(leadId, acceptSchedule("leo"), "pi-1", "task-1");
    clock.set(START.plus(Duration.ofHours(9)));
    slas.recordTier(leadId, SlaType.SALES_ACCEPT, SlaTier.BREACH);
    slas.recordTier(leadId, SlaType.SALES_ACCEPT, SlaTier.BREACH);   // fired twice: recorded once
    slas.complete(leadId, SlaType.SALES_ACCEPT);
    String inTime = leadId + "-in-time";
    clock.set(START);
    slas.start(inTime, acceptSchedule("leo"), "pi-2", "task-2");
    slas.complete(inTime, SlaType.SALES_ACCEPT);

    var moves = inOrder(reports);
    moves.verify(reports).slaMoved(any(), eq("SALES_ACCEPT"), eq(START), isNull(), eq(SlaState.OPEN));
    moves.verify(reports).slaMoved(any(), eq("SALES_ACCEPT"), eq(START), eq(SlaState.OPEN), eq(SlaState.BREACHED));
    moves.verify(reports).slaMoved(any(), eq("SALES_ACCEPT"), eq(START), eq(SlaState.BREACHED),
        eq(SlaState.BREACHED));
    moves.verify(reports).slaMoved(any(), eq("SALES_ACCEPT"), eq(START), isNull(), eq(SlaState.OPEN));
    moves.verify(reports).slaMoved(any(), eq("SALES_ACCEPT"), eq(START), eq(SlaState.OPEN), eq(SlaState.MET));
    moves.verifyNoMoreInteractions();
  }

  @Test
  void doneByTheDueInstantIsMetAndAfterItMetLateByTheBusinessTimeItRanOver() {
    slas.start(leadId, acceptSchedule("leo"), "pi-1", "task-1");
    clock.set(START.plus(Duration.ofHours(7)));
    slas.complete(leadId, SlaType.SALES_ACCEPT);
    String late = leadId + "-late";
    clock.set(START);
    slas.start(late, acceptSchedule("leo"), "pi-2", "task-2");
    clock.set(START.plus(Duration.ofHours(9)));
    slas.complete(late, SlaType.SALES_ACCEPT);

    assertThat(slas.ofLead(leadId)).singleElement().satisfies(sla -> {
      assertThat(sla.outcome()).isEqualTo(SlaInstance.Outcome.MET);
      assertThat(sla.overdueSeconds()).isZero();
      assertThat(sla.status()).isEqualTo(SlaInstance.Status.CLOSED);
    });
    assertThat(slas.ofLead(late)).singleElement().satisfies(sla -> {
      assertThat(sla.outcome()).isEqualTo(SlaInstance.Outcome.MET_LATE);
      assertThat(sla.overdueSeconds()).isEqualTo(3600);
    });
    assertThat(published()).filteredOn(event -> event.type() == LeadEventType.SlaCompleted)
        .extracting(event -> event.data().get("outcome").asText()).containsExactly("MET", "MET_LATE");
  }

  @Test
  void lateIsMeasuredInTheTeamsWorkingTimeNotInWallClockTime() {
    // Berlin office hours, Mon-Fri 09:00-17:00: due Friday 16:00, done Monday 10:00 = 2 working hours late
    WorkingCalendar berlin = new WorkingCalendar("de-berlin", "Berlin", ZoneId.of("Europe/Berlin"),
        Stream.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
            .map(day -> new WorkingHours(day, "09:00", "17:00")).toList(), List.of());
    BusinessTime officeHours = new BusinessTime() {
      @Override
      public Instant plus(String teamId, Instant start, Duration workingTime) {
        return berlin.plus(start, workingTime);
      }

      @Override
      public Duration between(String teamId, Instant from, Instant to) {
        return berlin.between(from, to);
      }
    };
    SlaService inOfficeHours = new SlaService(mapper, leads, people, publisher, officeHours, clock,
        new LeadflowMetrics(new SimpleMeterRegistry()), reports);
    Instant friday16 = Instant.parse("2026-12-04T15:00:00Z");
    clock.set(friday16.minus(Duration.ofHours(4)));
    inOfficeHours.start(leadId, new SlaSchedule(SlaType.SALES_ACCEPT, acceptSchedule("leo").terms(), "leo",
        "sales-north", clock.instant(), friday16, friday16, friday16, friday16, friday16), "pi-1", "task-1");

    clock.set(Instant.parse("2026-12-07T09:00:00Z"));   // Monday 10:00 Berlin, 66 hours later
    inOfficeHours.complete(leadId, SlaType.SALES_ACCEPT);

    assertThat(inOfficeHours.ofLead(leadId)).singleElement().satisfies(sla -> {
      assertThat(sla.outcome()).isEqualTo(SlaInstance.Outcome.MET_LATE);
      assertThat(sla.overdueSeconds()).isEqualTo(2 * 3600);
    });
  }

  @Test
  void eachTierIsRecordedOncePerInstanceAndTheBreachIsDated() {
    slas.start(leadId, acceptSchedule("leo"), "pi-1", "task-1");
    clock.set(START.plus(Duration.ofHours(8)));

    assertThat(slas.recordTier(leadId, SlaType.SALES_ACCEPT, SlaTier.REMINDER)).isPresent();
    assertThat(slas.recordTier(leadId, SlaType.SALES_ACCEPT, SlaTier.BREACH)).isPresent();
    assertThat(slas.recordTier(leadId, SlaType.SALES_ACCEPT, SlaTier.BREACH)).isEmpty();

    SlaInstance sla = slas.ofLead(leadId).get(0);
    assertThat(sla.tiersFired()).isEqualTo("REMINDER,BREACH");
    assertThat(sla.breachedAt()).isEqualTo(START.plus(Duration.ofHours(8)));
    assertThat(sla.status()).isEqualTo(SlaInstance.Status.OPEN);
    assertThat(published()).extracting(LeadEvent::type)
        .containsExactly(LeadEventType.SlaStarted, LeadEventType.SlaReminderSent, LeadEventType.SlaBreached);
  }

  @Test
  void theReassignmentTierClosesTheInstanceAndTheNextOwnerKeepsTheRecycleInstant() {
    SlaInstance first = slas.start(leadId, acceptSchedule("leo"), "pi-1", "task-1");
    clock.set(START.plus(Duration.ofHours(16)));

    slas.recordTier(leadId, SlaType.SALES_ACCEPT, SlaTier.REASSIGNMENT);
    slas.cancel(leadId, SlaType.SALES_ACCEPT); // the task is deleted afterwards: nothing left to cancel

    assertThat(slas.ofLead(leadId)).singleElement().satisfies(sla -> {
      assertThat(sla.outcome()).isEqualTo(SlaInstance.Outcome.REASSIGNED);
      assertThat(sla.overdueSeconds()).isEqualTo(8 * 3600);
    });
    assertThat(slas.carriedOverRecycleAt(leadId, SlaType.SALES_ACCEPT)).contains(first.recycleAt());
    assertThat(slas.carriedOverRecycleAt(leadId, SlaType.SALES_FIRST_CONTACT)).isEmpty();
  }

  @Test
  void theEscalationGoesToTheManagerOfWhoeverHoldsTheLeadNowNotOfTheFirstOwner() {
    String north = "north-" + System.nanoTime();
    String west = "west-" + System.nanoTime();
    people.insertTeam(new Team(north, "North", TeamRole.SALES, "max", "DACH", null, "Europe/Berlin"));
    people.insertTeam(new Team(west, "West", TeamRole.SALES, "mona", "FR", null, "Europe/Paris"));
    people.insertTeam(new Team(north + "-nobody", "Nobody's", TeamRole.SALES, null, "FR", null, "Europe/Paris"));
    people.insertRep(new Rep("leo-" + north, north, 10, RepStatus.ACTIVE), START);
    people.insertRep(new Rep("nick-" + west, west, 10, RepStatus.ACTIVE), START);
    SlaInstance sla = slas.start(leadId, new SlaSchedule(SlaType.SALES_ACCEPT, acceptSchedule("leo").terms(),
        "leo-" + north, north, START, START, START, START, START, START), "pi-1", "task-1");

    owner("leo-" + north);
    assertThat(slas.managerOf(sla)).contains("max");
    owner("nick-" + west);                  // handed over to a rep of another team meanwhile
    assertThat(slas.managerOf(sla)).contains("mona");
    owner(null);                            // nobody holds it: the team the SLA counts in
    assertThat(slas.managerOf(sla)).contains("max");
    owner("someone-without-a-team");
    assertThat(slas.managerOf(sla)).contains("max");
    SlaInstance unsupervised = slas.start(leadId + "-u", new SlaSchedule(SlaType.SALES_ACCEPT,
        acceptSchedule("x").terms(), "x", north + "-nobody", START, START, START, START, START, START), "pi-2", "t-2");
    assertThat(slas.managerOf(unsupervised)).isEmpty();
  }

  private void owner(String ownerId) {
    when(leads.get(any())).thenAnswer(call -> TestLeads.lead(call.getArgument(0)).ownerId(ownerId).build());
  }

  @Test
  void aTaskDeletedWithoutATierCancelsAndAStaleOpenInstanceIsCancelledByTheNextStart() {
    slas.start(leadId, acceptSchedule("leo"), "pi-1", "task-1");
    slas.start(leadId, acceptSchedule("lena"), "pi-1", "task-2");
    slas.cancel(leadId, SlaType.SALES_ACCEPT);

    assertThat(slas.ofLead(leadId)).extracting(SlaInstance::ownerId, SlaInstance::outcome).containsExactly(
        org.assertj.core.groups.Tuple.tuple("leo", SlaInstance.Outcome.CANCELLED),
        org.assertj.core.groups.Tuple.tuple("lena", SlaInstance.Outcome.CANCELLED));
    assertThat(slas.carriedOverRecycleAt(leadId, SlaType.SALES_ACCEPT)).isEqualTo(Optional.empty());
  }

  @Test
  void complianceCountsEachOutcomeOfTheSlasThatStartedInThePeriod() {
    String team = "team-" + System.nanoTime();
    String[] leads = {leadId + "-a", leadId + "-b", leadId + "-c", leadId + "-d"};
    for (String lead : leads) {
      SlaSchedule schedule = acceptSchedule("leo");
      slas.start(lead, new SlaSchedule(schedule.type(), schedule.terms(), "leo", team, schedule.startedAt(),
          schedule.remindAt(), schedule.dueAt(), schedule.escalateAt(), schedule.reassignAt(), schedule.recycleAt()),
          "pi", "t");
    }
    clock.set(START.plus(Duration.ofHours(1)));
    slas.complete(leads[0], SlaType.SALES_ACCEPT);
    clock.set(START.plus(Duration.ofHours(9)));
    slas.recordTier(leads[1], SlaType.SALES_ACCEPT, SlaTier.BREACH);
    slas.complete(leads[1], SlaType.SALES_ACCEPT);
    slas.recordTier(leads[2], SlaType.SALES_ACCEPT, SlaTier.BREACH);

    assertThat(slas.compliance(START.minusSeconds(1), START.plusSeconds(1), team)).singleElement().satisfies(row -> {
      assertThat(row.slaType()).isEqualTo(SlaType.SALES_ACCEPT);
      assertThat(row.started()).isEqualTo(4);
      assertThat(row.met()).isEqualTo(1);
      assertThat(row.metLate()).isEqualTo(1);
      assertThat(row.breached()).isEqualTo(2);
      assertThat(row.stillOpen()).isEqualTo(2);
      assertThat(row.maxOverdueSeconds()).isEqualTo(3600);
      assertThat(row.complianceRate()).isEqualTo(0.5);
    });
    assertThat(slas.find(START.minusSeconds(1), START.plusSeconds(1), SlaType.SALES_ACCEPT, team, null,
        SlaInstance.Status.OPEN, 10)).extracting(SlaInstance::leadId).containsExactlyInAnyOrder(leads[2], leads[3]);
  }
}
