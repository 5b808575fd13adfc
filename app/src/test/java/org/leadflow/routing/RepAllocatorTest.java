package org.leadflow.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.leadflow.MovableClock;
import org.leadflow.config.RoutingProperties;
import org.leadflow.lead.LeadMapper;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;
import org.leadflow.people.PeopleMapper;
import org.leadflow.people.Rep;
import org.leadflow.people.RepStatus;
import org.leadflow.people.Team;
import org.leadflow.people.TeamRole;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The allocation with the real ledger on H2 (MySQL mode, the Flyway migrations): shares converge to
 * the weights, absent and departed reps get nothing, capacity is never exceeded, a returning rep is
 * not flooded, and the explanation says why. Each test runs in one rolled-back transaction.
 */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
@Import({RepAllocator.class, RepAllocatorTest.Config.class})
@TestPropertySource(properties = {
    "spring.datasource.url=jdbc:h2:mem:rep-allocator;MODE=MySQL;DB_CLOSE_DELAY=-1",
    "spring.flyway.table=lead_schema_history"})
class RepAllocatorTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");
  private static final LocalDate TODAY = LocalDate.of(2025, 3, 4);

  @TestConfiguration
  static class Config {
    @Bean
    MovableClock clock() {
      return new MovableClock(NOW);
    }

    @Bean
    RoutingProperties routingProperties() {
      return new RoutingProperties(Duration.ofDays(90), 0.2);
    }
  }

  @Autowired RepAllocator allocator;
  @Autowired PeopleMapper people;
  @Autowired LeadMapper leads;
  @Autowired MovableClock clock;
  @Autowired PlatformTransactionManager transactionManager;
  private TransactionTemplate transactions;

  private final AtomicInteger leadNumber = new AtomicInteger();

  @org.junit.jupiter.api.BeforeEach
  void resetTheClock() {
    clock.set(NOW);
    transactions = new TransactionTemplate(transactionManager);
  }

  private void team(String id, Rep... reps) {
    people.insertTeam(new Team(id, "Team " + id, TeamRole.SALES, "max", null, null, "Europe/Berlin"));
    for (Rep rep : reps) {
      people.insertRep(rep, NOW);
    }
  }

  private static Rep rep(String id, String team, int capacity) {
    return new Rep(id, team, capacity, RepStatus.ACTIVE);
  }

  /** {@code won} won and {@code lost} lost leads of {@code rep}, closed {@code daysAgo} days ago. */
  private void results(String rep, int won, int lost, int daysAgo) {
    Instant closedAt = NOW.minus(Duration.ofDays(daysAgo));
    for (int i = 0; i < won + lost; i++) {
      leads.insert(TestLeads.lead(java.util.UUID.randomUUID().toString()).externalId("x-" + leadNumber.incrementAndGet()).ownerId(rep)
          .stage(i < won ? LeadStage.WON : LeadStage.LOST).capturedAt(closedAt).build());
    }
  }

  private void openLead(String rep) {
    leads.insert(TestLeads.lead(java.util.UUID.randomUUID().toString()).externalId("x-" + leadNumber.incrementAndGet()).ownerId(rep).stage(LeadStage.SAL)
        .capturedAt(NOW).build());
  }

  private void absent(String rep, LocalDate from, LocalDate to, String reason) {
    people.insertAbsence(new PeopleMapper.AbsenceRow(rep, from, to, reason, NOW, "max"));
  }

  private Map<String, Integer> allocate(String team, int leadsToAssign, boolean createOpenLeads) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < leadsToAssign; i++) {
      String rep = allocator.allocate(team, null).rep().userId();
      counts.merge(rep, 1, Integer::sum);
      if (createOpenLeads) {
        openLead(rep);
      }
    }
    return counts;
  }

  /**
   * Every assignment in its own transaction, as in production (one long transaction would only
   * measure H2's undo log). The data stays in this test's in-memory database: its names are its own.
   */
  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void tenThousandAssignmentsLandWithinTwoPointsOfTheWeightsAndNoneGoToAbsentOrDepartedReps() {
    // given win rates 0.8, 0.5, 0.25 and none (floor 0.2) in the window; older results do not count
    transactions.executeWithoutResult(status -> {
      team("sim", rep("s-ana", "sim", 100_000), rep("s-ben", "sim", 100_000), rep("s-cy", "sim", 100_000),
          rep("s-dee", "sim", 100_000), new Rep("s-eve", "sim", 100_000, RepStatus.DEPARTED),
          rep("s-fay", "sim", 100_000));
      results("s-ana", 8, 2, 10);
      results("s-ben", 3, 3, 30);
      results("s-cy", 1, 3, 80);
      results("s-dee", 0, 5, 100); // outside P90D: dee counts as new
      results("s-eve", 9, 0, 5);
      absent("s-fay", TODAY.minusDays(2), TODAY.plusDays(12), "parental leave");
    });
    Map<String, Double> weights = Map.of("s-ana", 0.8, "s-ben", 0.5, "s-cy", 0.25, "s-dee", 0.2);
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();

    // when
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < 10_000; i++) {
      String rep = transactions.execute(status -> allocator.allocate("sim", null).rep().userId());
      counts.merge(rep, 1, Integer::sum);
    }

    // then
    assertThat(counts).doesNotContainKeys("s-eve", "s-fay");
    weights.forEach((rep, weight) -> assertThat(counts.getOrDefault(rep, 0) / 10_000.0).as(rep)
        .isCloseTo(weight / total, within(0.02)));
  }

  @Test
  void capacityIsNeverExceededAndAFullTeamFailsClearly() {
    // given
    team("cap", rep("xia", "cap", 3), rep("yan", "cap", 5));
    results("xia", 9, 1, 3); // the better rep, but with the smaller book

    // when
    Map<String, Integer> counts = allocate("cap", 8, true);

    // then
    assertThat(counts).containsEntry("xia", 3).containsEntry("yan", 5);
    assertThatThrownBy(() -> allocator.allocate("cap", null))
        .isInstanceOf(NoEligibleRepException.class)
        .hasMessage("Nobody in team cap can take the lead; skipped xia (at capacity 3/3), yan (at capacity 5/5)");
  }

  @Test
  void aRepBackFromAbsenceGetsTheirShareAgainButIsNotFlooded() {
    // given three equal reps; ria is away for the first 30 leads
    team("ret", rep("pia", "ret", 1000), rep("quy", "ret", 1000), rep("ria", "ret", 1000));
    allocate("ret", 7, false);
    absent("ria", TODAY, TODAY.plusDays(6), "vacation");
    Map<String, Integer> whileAway = allocate("ret", 30, false);
    assertThat(whileAway).doesNotContainKey("ria").containsEntry("pia", 15).containsEntry("quy", 15);

    // when she is back
    clock.set(NOW.plus(Duration.ofDays(7)));
    List<String> next = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      next.add(allocator.allocate("ret", null).rep().userId());
    }

    // then she takes turns like the others (a third, give or take one), not the 10 leads she "missed"
    Map<String, Integer> counts = new HashMap<>();
    next.forEach(rep -> counts.merge(rep, 1, Integer::sum));
    assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(3, 5));
    assertThat(next.subList(0, 3)).as("first three after her return").filteredOn("ria"::equals).hasSizeLessThan(2);
  }

  @Test
  void theExplanationNamesTheTeamTheWeightsTheLoadsAndEveryoneSkipped() {
    // given
    team("why", rep("ana", "why", 10), rep("ben", "why", 10), rep("cy", "why", 1), rep("dee", "why", 10),
        new Rep("eve", "why", 10, RepStatus.DEPARTED));
    results("ana", 3, 1, 5);
    openLead("ana");
    openLead("cy");
    absent("dee", TODAY.minusDays(1), TODAY.plusDays(6), "vacation");

    // when the lead is taken from ben
    RepAllocator.Allocation allocation = allocator.allocate("why", "ben");

    // then
    assertThat(allocation.rep().userId()).isEqualTo("ana");
    assertThat(allocation.weight()).isEqualTo(0.75);
    assertThat(allocation.load()).isEqualTo(1);
    assertThat(allocation.explanation()).isEqualTo("team why: ana (weight 0.75 = 100 % share, won 3 of 4 closed in "
        + "the last 90 days; load 1/10); skipped ben (the rep the lead is taken from), cy (at capacity 1/1), "
        + "dee (absent until 2025-03-10: vacation), eve (departed)");
  }

  @Test
  void theOtherEligibleRepsAndTheirWeightsAreNamedToo() {
    team("two", rep("ana", "two", 10), rep("ben", "two", 10));
    results("ben", 0, 2, 5);

    RepAllocator.Allocation allocation = allocator.allocate("two", null);

    assertThat(allocation.explanation()).isEqualTo("team two: ana (weight 0.20 = 50 % share, floor; nothing closed "
        + "in the last 90 days; load 0/10); also eligible ben (weight 0.20 = 50 % share, floor; won 0 of 2 closed "
        + "in the last 90 days; load 0/10)");
  }

  @Test
  void whenNobodyElseIsEligibleTheRepItIsTakenFromKeepsIt() {
    team("solo", rep("leo", "solo", 10));

    RepAllocator.Allocation allocation = allocator.allocate("solo", "leo");

    assertThat(allocation.rep().userId()).isEqualTo("leo");
    assertThat(allocation.explanation()).isEqualTo("team solo: nobody else is eligible, leo keeps the lead "
        + "(load 0/10); skipped leo (the rep the lead is taken from)");
  }

  @Test
  void anAbsentRepNeverGetsALeadEvenWhenTheyAreTheOnlyOne() {
    team("away", rep("leo", "away", 10), new Rep("lena", "away", 10, RepStatus.DEPARTED));
    absent("leo", TODAY, TODAY, "sick");

    assertThatThrownBy(() -> allocator.allocate("away", null))
        .isInstanceOf(NoEligibleRepException.class)
        .hasMessage("Nobody in team away can take the lead; skipped lena (departed), "
            + "leo (absent until 2025-03-04: sick)");
    assertThatThrownBy(() -> allocator.allocate("away", "leo")).isInstanceOf(NoEligibleRepException.class);
  }

  @Test
  void anUnknownTeamIsReportedAsSuch() {
    assertThatThrownBy(() -> allocator.allocate("nowhere", null))
        .isInstanceOf(NoEligibleRepException.class)
        .hasMessageContaining("Team 'nowhere' (named by the routing table) does not exist");
  }
}
