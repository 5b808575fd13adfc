package org.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.MovableClock;
import org.leadflow.config.ScoringProperties;
import org.leadflow.lead.Intent;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;
import org.leadflow.rules.RuleBook;

/**
 * Scoring with the deployed tables (lead-fit-score, engagement-points, lead-sales-ready) at fixed
 * clocks: ledger lines name their rules, decay books the value lost since the last booking, and the
 * ledger always sums to the lead's score.
 */
@Deployment(resources = {"processes/lead-fit-score.dmn", "processes/engagement-points.dmn",
    "processes/lead-sales-ready.dmn"})
class LeadScoringServiceTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda.cfg.xml")
      .build();

  private static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");
  private static final String FIT = "lead-fit-score:v1/";
  private static final String ENGAGEMENT = "engagement-points:v1/";
  private static final String READY = "lead-sales-ready:v1/";

  private final LeadService leads = mock(LeadService.class);
  private final FakeLedger ledger = new FakeLedger();
  private final MovableClock clock = new MovableClock(T0);
  private final LeadScoringService scoring = scoring(ScoringProperties.defaults());

  private LeadScoringService scoring(ScoringProperties properties) {
    return new LeadScoringService(leads, ledger, new RuleBook(engine.getRepositoryService(), clock, Duration.ZERO),
        properties, clock);
  }

  /** The lead as LeadService keeps it: updateScores changes what get() returns next. */
  private Lead current;

  private String stored(TestLeads lead) {
    current = lead.build();
    when(leads.get(current.id())).thenAnswer(invocation -> current);
    doAnswer(invocation -> {
      current = withScores(current, invocation.getArgument(1), invocation.getArgument(2));
      return null;
    }).when(leads).updateScores(eq(current.id()), anyInt(), anyInt());
    return current.id();
  }

  /** A lead that earns no fit points at all. */
  private static TestLeads anonymous(Intent intent) {
    return TestLeads.lead("lead-7").intent(intent);
  }

  @Test
  void aWellFittingInquiryEarnsEveryMatchingFitRuleAndTheIntentPointsEachInTheLedgerWithItsRule() {
    // given
    String leadId = stored(TestLeads.lead("lead-7").title("Head of Sales").companySize(250)
        .productInterest("Lead Routing").company("Acme").phone("+4915123456789").intent(Intent.INQUIRY));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(ledger.lines).extracting(ScoreLine::kind, ScoreLine::ruleId, ScoreLine::points).containsExactly(
        tuple("FIT", FIT + "Rule_SeniorTitle", 20),
        tuple("FIT", FIT + "Rule_LargeCompany", 15),
        tuple("FIT", FIT + "Rule_ProductInterest", 10),
        tuple("FIT", FIT + "Rule_CompleteContact", 5),
        tuple("ENGAGEMENT", ENGAGEMENT + "Rule_IntentInquiry", 30),
        tuple("THRESHOLD", READY + "Rule_AtThreshold", 0));
    assertThat(ledger.lines.get(0).reason()).startsWith("Senior title");
    assertThat(ledger.lines.get(4).reason()).isEqualTo("inquiry");
    assertThat(ledger.lines.get(5).reason()).isEqualTo("score 80 >= threshold 60: sales-ready");
    assertThat(ledger.lines).extracting(ScoreLine::scoredAt).containsOnly(T0);
    verify(leads).updateScores("lead-7", 50, 30);
    assertThat(result.fitScore()).isEqualTo(50);
    assertThat(result.engagementScore()).isEqualTo(30);
    assertThat(result.total()).isEqualTo(80);
  }

  @Test
  void theFitInputsAreDerivedFromTheLead() {
    // given
    Lead lead = TestLeads.lead("lead-7").title("VP Sales").companySize(80).industry(" SaaS ").country("BR")
        .productInterest(" ").company("Acme").build();

    // when / then
    assertThat(LeadScoringService.fitInputs(lead)).containsEntry("seniority", "VP").containsEntry("companySize", 80)
        .containsEntry("industry", "saas").containsEntry("country", "BR").containsEntry("productInterest", null)
        .containsEntry("completeContact", false);
  }

  @Test
  void aCountryOutsideTheServedMarketsLowersTheFit() {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).country("BR").companySize(250));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(result.fitScore()).isEqualTo(15 - 15);
    assertThat(ledger.ruleIds()).contains(FIT + "Rule_OutsideServedMarkets");
  }

  @ParameterizedTest
  @CsvSource({"DEMO_REQUEST, 50, demo request", "INQUIRY, 30, inquiry", "EVENT_SIGNUP, 20, event signup",
      "CONTENT_DOWNLOAD, 10, content download", "NEWSLETTER, 5, newsletter"})
  void theCapturingIntentEarnsEngagementPoints(Intent intent, int points, String reason) {
    // given
    String leadId = stored(anonymous(intent));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(ledger.lines.get(0)).isEqualTo(new ScoreLine("lead-7", "ENGAGEMENT",
        ENGAGEMENT + "Rule_Intent" + camel(intent.name()), points, reason, T0));
    assertThat(result.engagementScore()).isEqualTo(points);
  }

  @Test
  void aDemoRequestIsSalesReadyAndMqlWhateverItsScore() {
    // given
    String leadId = stored(anonymous(Intent.DEMO_REQUEST));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(result.total()).isEqualTo(50).isLessThan(60);
    assertThat(result.salesReady()).isTrue();
    String why = "hand-raiser: demo requested (score 50) (" + READY + "Rule_HandRaiser)";
    assertThat(result.why()).isEqualTo(why);
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "system", why);
  }

  @Test
  void aLeadBelowTheThresholdStaysWithMarketing() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).title("CTO"));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(result.total()).isEqualTo(50);
    assertThat(result.salesReady()).isFalse();
    assertThat(result.why()).isEqualTo("score 50 < threshold 60: not sales-ready (" + READY + "Rule_BelowThreshold)");
    verify(leads, never()).moveToStage(anyString(), any(), any(), anyString(), anyString());
  }

  @Test
  void reachingTheThresholdExactlyMakesTheLeadAnMql() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).title("CTO").productInterest("Routing"));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(result.total()).isEqualTo(60);
    assertThat(result.salesReady()).isTrue();
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "system",
        "score 60 >= threshold 60: sales-ready (" + READY + "Rule_AtThreshold)");
  }

  @Test
  void theThresholdIsTheLatestDeployedSalesReadyTableNotCode() throws IOException {
    // given a process owner lowered the threshold to 30 and deployed the table
    String changed = resource("processes/lead-sales-ready.dmn").replace("&gt;= 60", "&gt;= 30")
        .replace("<text>60</text>", "<text>30</text>");
    engine.manageDeployment(engine.getRepositoryService().createDeployment()
        .addString("lead-sales-ready.dmn", changed).deploy());
    String leadId = stored(anonymous(Intent.INQUIRY));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(result.salesReady()).isTrue();
    assertThat(result.why()).isEqualTo("score 30 >= threshold 30: sales-ready (lead-sales-ready:v2/Rule_AtThreshold)");
  }

  @ParameterizedTest
  @EnumSource(value = LeadStage.class, names = {"CAPTURED", "NURTURING", "RECYCLED"})
  void aSalesReadyLeadStillWithMarketingBecomesAnMql(LeadStage stage) {
    // given
    String leadId = stored(anonymous(Intent.DEMO_REQUEST).stage(stage));

    // when
    scoring.scoreNewLead(leadId, "system");

    // then
    verify(leads).moveToStage(eq("lead-7"), eq(LeadStage.MQL), eq(null), eq("system"), anyString());
  }

  @ParameterizedTest
  @EnumSource(value = LeadStage.class, names = {"CAPTURED", "NURTURING", "RECYCLED"}, mode = EnumSource.Mode.EXCLUDE)
  void aSalesReadyLeadBeyondMarketingKeepsItsStageAndOwner(LeadStage stage) {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).stage(stage).ownerId("leo"));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, "RESUBMISSION_DEMO_REQUEST", "system");

    // then
    assertThat(result.salesReady()).isTrue();
    verify(leads, never()).moveToStage(anyString(), any(), any(), anyString(), anyString());
  }

  @Test
  void aResubmissionAddsItsIntentPointsToTheExistingEngagement() {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).stage(LeadStage.NURTURING).scores(10, 5));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, "RESUBMISSION_EVENT_SIGNUP", "system");

    // then
    assertThat(ledger.lines.get(0)).isEqualTo(new ScoreLine("lead-7", "ENGAGEMENT",
        ENGAGEMENT + "Rule_IntentEventSignup", 20, "event signup (new submission)", T0));
    verify(leads).updateScores("lead-7", 10, 25);
    assertThat(result.total()).isEqualTo(35);
    assertThat(result.salesReady()).isFalse();
  }

  @Test
  void aResubmittedDemoRequestRaisesTheHand() {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).stage(LeadStage.NURTURING).scores(0, 5));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, "RESUBMISSION_DEMO_REQUEST", "system");

    // then
    assertThat(result.total()).isEqualTo(55);
    assertThat(result.salesReady()).isTrue();
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "system",
        "hand-raiser: demo requested (score 55) (" + READY + "Rule_HandRaiser)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EMAIL_CLICK", "RESUBMISSION_", "RESUBMISSION_WEBINAR", "resubmission_inquiry", "EVENT_",
      "EVENT_SMOKE_SIGNAL", "event_chat"})
  void anEngagementThatIsNoKnownTypeChangesNoPointsAndBooksNothing(String engagementType) {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).stage(LeadStage.NURTURING).scores(10, 5));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, engagementType, "system");

    // then
    assertThat(ledger.lines).isEmpty();
    verify(leads, never()).updateScores(anyString(), anyInt(), anyInt());
    assertThat(result.total()).isEqualTo(15);
    assertThat(result.salesReady()).isFalse();
  }

  @Test
  void aRescoreWithoutChangeBooksOnlyTheDecisionThatPromotesANurturingLeadAlreadyAtTheThreshold() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.NURTURING).scores(30, 30));

    // when
    ScoreResult result = scoring.rescore(leadId, "system");

    // then
    assertThat(ledger.lines).extracting(ScoreLine::kind).containsExactly("THRESHOLD");
    verify(leads, never()).updateScores(anyString(), anyInt(), anyInt());
    assertThat(result.salesReady()).isTrue();
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "system",
        "score 60 >= threshold 60: sales-ready (" + READY + "Rule_AtThreshold)");
  }

  @ParameterizedTest
  @CsvSource({"PAGE_VIEW, 2, page view", "FORM_SUBMIT, 10, form submit", "EMAIL_OPEN, 1, email open",
      "EMAIL_CLICK, 3, email click", "CONTENT_DOWNLOAD, 8, content download",
      "WEBINAR_ATTENDED, 15, webinar attended", "CHAT, 10, chat", "PRICING_PAGE_VIEW, 12, pricing page view"})
  void anEngagementEventEarnsThePointsOfItsRowWithALedgerLine(EngagementType type, int points, String reason) {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).stage(LeadStage.NURTURING).scores(10, 5));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, "EVENT_" + type.name(), "system");

    // then
    assertThat(ledger.lines.get(0)).isEqualTo(new ScoreLine("lead-7", "ENGAGEMENT",
        ENGAGEMENT + "Rule_Event" + camel(type.name()), points, reason, T0));
    verify(leads).updateScores("lead-7", 10, 5 + points);
    assertThat(result.engagementScore()).isEqualTo(5 + points);
    assertThat(scoring.pointsOf(type)).isEqualTo(points);
  }

  @Test
  void anEngagementEventThatReachesTheThresholdMakesANurturingLeadAnMql() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.NURTURING).scores(15, 30));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, "EVENT_WEBINAR_ATTENDED", "kafka:leads.engagement");

    // then
    assertThat(result.salesReady()).isTrue();
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "kafka:leads.engagement",
        "score 60 >= threshold 60: sales-ready (" + READY + "Rule_AtThreshold)");
  }

  @Test
  void anEarlierEngagementAddsItsStoredPointsToTheLedgerButLeavesTheStageToTheLifecycle() {
    // given a captured lead that would be at the threshold with the points
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.CAPTURED).scores(0, 55));

    // when
    scoring.creditEarlierEngagement(leadId, EngagementType.CHAT, 7, " (event e-1, before capture)");

    // then
    assertThat(ledger.lines).containsExactly(new ScoreLine("lead-7", "ENGAGEMENT", ENGAGEMENT + "Rule_EventChat", 7,
        "chat (event e-1, before capture)", T0));
    verify(leads).updateScores("lead-7", 0, 62);
    verify(leads, never()).moveToStage(anyString(), any(), any(), anyString(), anyString());
  }

  // --- decay ---

  @Test
  void aRescoreOneHalfLifeLaterBooksHalfTheEngagementAsDecay() {
    // given an inquiry (30 engagement) scored at T0
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.NURTURING));
    scoring.scoreNewLead(leadId, "system");
    ledger.markRead();

    // when
    clock.set(T0.plus(Duration.ofDays(30)));
    ScoreResult result = scoring.rescore(leadId, "system");

    // then
    assertThat(ledger.unread().get(0)).isEqualTo(new ScoreLine("lead-7", "DECAY", "DECAY", -15,
        "decay: half-life 30 days, 30 days since last re-score", T0.plus(Duration.ofDays(30))));
    assertThat(result.engagementScore()).isEqualTo(15);
    assertThat(current.engagementScore()).isEqualTo(15);
  }

  @Test
  void eachRescoreBooksOnlyTheDecaySinceTheLastBooking() {
    // given an inquiry scored at T0 and re-scored 30 days later (30 -> 15)
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.NURTURING));
    scoring.scoreNewLead(leadId, "system");
    clock.set(T0.plus(Duration.ofDays(30)));
    scoring.rescore(leadId, "system");

    // when 12 days later: 30 x 0.5^(42/30) = 11.37 -> 11
    clock.set(T0.plus(Duration.ofDays(42)));
    ScoreResult result = scoring.rescore(leadId, "system");

    // then
    assertThat(ledger.linesOf("DECAY")).extracting(ScoreLine::points, ScoreLine::reason).containsExactly(
        tuple(-15, "decay: half-life 30 days, 30 days since last re-score"),
        tuple(-4, "decay: half-life 30 days, 12 days since last re-score"));
    assertThat(result.engagementScore()).isEqualTo(11);
    assertThat(ledger.sum()).isEqualTo(current.score());
  }

  @Test
  void lessThanHalfAPointOfDecayBooksNothing() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.NURTURING));
    scoring.scoreNewLead(leadId, "system");
    ledger.markRead();

    // when 12 hours later: 30 x 0.5^(0.5/30) = 29.65 -> 30
    clock.set(T0.plus(Duration.ofHours(12)));
    scoring.rescore(leadId, "system");

    // then
    assertThat(ledger.unread()).isEmpty();
    assertThat(current.engagementScore()).isEqualTo(30);
  }

  @Test
  void anEngagementFirstBooksTheDecaySoFarThenItsOwnPointsAtFullValue() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.NURTURING));
    scoring.scoreNewLead(leadId, "system");
    ledger.markRead();

    // when
    clock.set(T0.plus(Duration.ofDays(30)));
    ScoreResult result = scoring.applyEngagement(leadId, "EVENT_PRICING_PAGE_VIEW", "system");

    // then
    assertThat(ledger.unread()).extracting(ScoreLine::kind, ScoreLine::points).containsExactly(
        tuple("DECAY", -15), tuple("ENGAGEMENT", 12),
        tuple("THRESHOLD", 0));
    assertThat(result.engagementScore()).isEqualTo(15 + 12);
  }

  @Test
  void theHalfLifeIsConfigured() {
    // given
    LeadScoringService weekly = scoring(new ScoringProperties(Duration.ofDays(7)));
    String leadId = stored(anonymous(Intent.DEMO_REQUEST).stage(LeadStage.NURTURING));
    weekly.scoreNewLead(leadId, "system");

    // when two half-lives later: 50 -> 12.5 -> 13
    clock.set(T0.plus(Duration.ofDays(14)));
    ScoreResult result = weekly.rescore(leadId, "system");

    // then
    assertThat(result.engagementScore()).isEqualTo(13);
    assertThat(ledger.linesOf("DECAY")).extracting(ScoreLine::reason)
        .containsExactly("decay: half-life 7 days, 14 days since last re-score");
  }

  @Test
  void theLedgerAlwaysSumsToTheLeadsScoreAndEngagementToItsDecayedValue() {
    // given
    String leadId = stored(TestLeads.lead("lead-7").title("CTO").companySize(60).intent(Intent.CONTENT_DOWNLOAD)
        .stage(LeadStage.NURTURING));
    scoring.scoreNewLead(leadId, "system");
    String[] engagements = {"EVENT_PAGE_VIEW", "EVENT_EMAIL_CLICK", "RESUBMISSION_INQUIRY", "EVENT_CHAT", null,
        "EVENT_WEBINAR_ATTENDED", null, "EVENT_EMAIL_OPEN", null, null};
    Instant at = T0;

    for (int step = 0; step < engagements.length; step++) {
      // when days pass irregularly and the lead engages or is re-scored
      at = at.plus(Duration.ofHours(29L * (step + 1) + 7));
      clock.set(at);
      if (engagements[step] == null) {
        scoring.rescore(leadId, "system");
      } else {
        scoring.applyEngagement(leadId, engagements[step], "system");
      }

      // then
      assertThat(ledger.sum()).as("ledger sum after step %d", step).isEqualTo(current.score());
      assertThat(current.engagementScore()).as("engagement after step %d", step)
          .isEqualTo(scoring.decayedEngagement(ledger.lines, at));
      assertThat(scoring.explain(leadId).pendingDecay()).isZero();
    }
    assertThat(ledger.linesOf("DECAY")).isNotEmpty();
  }

  @Test
  void theExplanationShowsFitDecayedEngagementTotalThresholdAndTheDecidingRule() {
    // given an inquiry with a senior title: 20 fit + 30 engagement, 30 days ago
    String leadId = stored(anonymous(Intent.INQUIRY).title("CTO").stage(LeadStage.NURTURING));
    scoring.scoreNewLead(leadId, "system");

    // when
    clock.set(T0.plus(Duration.ofDays(30)));
    ScoreExplanation why = scoring.explain(leadId);

    // then
    assertThat(why.fit()).isEqualTo(20);
    assertThat(why.engagementBooked()).isEqualTo(30);
    assertThat(why.engagement()).isEqualTo(15);
    assertThat(why.pendingDecay()).isEqualTo(-15);
    assertThat(why.total()).isEqualTo(35);
    assertThat(why.threshold()).isEqualTo(60);
    assertThat(why.salesReady()).isFalse();
    assertThat(why.decidedBy()).isEqualTo(READY + "Rule_BelowThreshold");
    assertThat(why.engagementHalfLife()).isEqualTo("30 days");
    assertThat(why.ledger()).hasSize(3);
    assertThat(why.ledgerSum()).isEqualTo(50);
  }

  @ParameterizedTest
  @CsvSource({"PT20M, 20 minutes", "PT5H, 5 hours", "PT36H, 1.5 days", "P30D, 30 days", "P12DT2H, 12.1 days"})
  void durationsReadAsWords(Duration duration, String words) {
    assertThat(LeadScoringService.words(duration)).isEqualTo(words);
  }

  // --- helpers ---

  private static String camel(String name) {
    StringBuilder text = new StringBuilder();
    for (String part : name.toLowerCase().split("_")) {
      text.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return text.toString();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = LeadScoringServiceTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Lead withScores(Lead l, int fit, int engagement) {
    return new Lead(l.id(), l.source(), l.externalId(), l.campaign(), l.landingPage(), l.intent(), l.firstName(),
        l.lastName(), l.email(), l.phone(), l.company(), l.title(), l.companySize(), l.industry(), l.country(),
        l.region(), l.productInterest(), l.consent(), l.capturedAt(), l.cost(), l.stage(), l.stageChangedAt(),
        l.ownerId(), fit, engagement, l.valid(), l.invalidReason(), l.duplicateOf(), l.recycleCount(),
        l.funnelPosition(), l.dealValue(), l.closeReason(), l.newCustomer(), l.stuckSince(), l.updatedAt(),
        l.validityRule(), l.invalidDetail());
  }

  /** The ledger table in memory. */
  static final class FakeLedger implements ScoreLedgerMapper {

    final List<ScoreLine> lines = new ArrayList<>();
    private int read;

    /** The lines so far are the given; {@link #unread()} returns what is booked from now on. */
    void markRead() {
      read = lines.size();
    }

    List<ScoreLine> unread() {
      return lines.subList(read, lines.size());
    }

    @Override
    public void insert(String leadId, String kind, String ruleId, int points, String reason, Instant scoredAt) {
      lines.add(new ScoreLine(leadId, kind, ruleId, points, reason, scoredAt));
    }

    @Override
    public List<ScoreLine> findByLead(String leadId) {
      return lines.stream().filter(line -> line.leadId().equals(leadId)).toList();
    }

    List<String> ruleIds() {
      return lines.stream().map(ScoreLine::ruleId).toList();
    }

    List<ScoreLine> linesOf(String kind) {
      return lines.stream().filter(line -> line.kind().equals(kind)).toList();
    }

    int sum() {
      return lines.stream().mapToInt(ScoreLine::points).sum();
    }
  }
}
