package org.leadflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadflow.config.LeadProperties;
import org.leadflow.lead.Intent;
import org.leadflow.lead.Lead;
import org.leadflow.lead.LeadService;
import org.leadflow.lead.LeadStage;
import org.leadflow.lead.TestLeads;

class LeadScoringServiceTest {

  private static final Instant NOW = Instant.parse("2025-03-04T10:00:00Z");

  private final LeadService leads = mock(LeadService.class);
  private final ScoreLedgerMapper ledger = mock(ScoreLedgerMapper.class);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final LeadScoringService scoring = scoringWithThreshold(null);

  private LeadScoringService scoringWithThreshold(Integer threshold) {
    LeadProperties properties = new LeadProperties(null, null, null, null, new LeadProperties.Scoring(threshold, null), null);
    return new LeadScoringService(leads, ledger, properties, clock);
  }

  private String stored(TestLeads lead) {
    Lead built = lead.build();
    when(leads.get(built.id())).thenReturn(built);
    return built.id();
  }

  /** A lead that earns no fit points at all. */
  private static TestLeads anonymous(Intent intent) {
    return TestLeads.lead("lead-7").intent(intent);
  }

  @Test
  void aWellFittingInquiryEarnsEveryFitRuleAndTheIntentPointsEachInTheLedger() {
    // given
    String leadId = stored(TestLeads.lead("lead-7").title("Head of Sales").companySize(250)
        .productInterest("Lead Routing").company("Acme").phone("+4915123456789").intent(Intent.INQUIRY));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    verify(ledger).insert("lead-7", "FIT", "FIT_SENIOR_TITLE", 20, "senior title 'Head of Sales'", NOW);
    verify(ledger).insert("lead-7", "FIT", "FIT_COMPANY_SIZE", 15, "company size 250 >= 200", NOW);
    verify(ledger).insert("lead-7", "FIT", "FIT_PRODUCT_INTEREST", 10, "interested in Lead Routing", NOW);
    verify(ledger).insert("lead-7", "FIT", "FIT_COMPLETE_CONTACT", 5, "company and phone given", NOW);
    verify(ledger).insert("lead-7", "ENGAGEMENT", "INTENT_INQUIRY", 30, "inquiry", NOW);
    verify(leads).updateScores("lead-7", 50, 30);
    assertThat(result.fitScore()).isEqualTo(50);
    assertThat(result.engagementScore()).isEqualTo(30);
    assertThat(result.total()).isEqualTo(80);
  }

  @ParameterizedTest
  @CsvSource({"10, 5", "49, 5", "50, 10", "199, 10", "200, 15", "5000, 15"})
  void companySizeEarnsFitPointsByBand(int size, int points) {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).companySize(size));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    verify(ledger).insert(eq("lead-7"), eq("FIT"), eq("FIT_COMPANY_SIZE"), eq(points), anyString(), eq(NOW));
    assertThat(result.fitScore()).isEqualTo(points);
  }

  @Test
  void aCompanyOfFewerThanTenEarnsNoSizePoints() {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).companySize(9));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    verify(ledger, never()).insert(anyString(), anyString(), eq("FIT_COMPANY_SIZE"), anyInt(), anyString(), any());
    assertThat(result.fitScore()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CEO", "VP Marketing", "Vice President Sales", "Managing Director", "Head of IT",
      "Co-Founder", "chief revenue officer"})
  void aSeniorTitleEarnsTwentyFitPoints(String title) {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).title(title));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    verify(ledger).insert("lead-7", "FIT", "FIT_SENIOR_TITLE", 20, "senior title '" + title + "'", NOW);
    assertThat(result.fitScore()).isEqualTo(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Software Engineer", "Headhunter", "Marketing Assistant", "Directorate clerk"})
  void anOrdinaryTitleEarnsNoFitPoints(String title) {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).title(title));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(result.fitScore()).isZero();
  }

  @Test
  void companyWithoutPhoneIsNotACompleteContact() {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).company("Acme").phone(null));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(result.fitScore()).isZero();
    verify(ledger, never()).insert(anyString(), anyString(), eq("FIT_COMPLETE_CONTACT"), anyInt(), anyString(), any());
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
    verify(ledger).insert("lead-7", "ENGAGEMENT", "INTENT_" + intent.name(), points, reason, NOW);
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
    assertThat(result.why()).isEqualTo("hand-raiser: demo requested (score 50)");
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "system", "hand-raiser: demo requested (score 50)");
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
    assertThat(result.why()).isEqualTo("score 50 < threshold 60");
    verify(leads, never()).moveToStage(anyString(), any(), any(), anyString(), anyString());
  }

  @Test
  void reachingTheDefaultThresholdExactlyMakesTheLeadAnMql() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).title("CTO").productInterest("Routing"));

    // when
    ScoreResult result = scoring.scoreNewLead(leadId, "system");

    // then
    assertThat(result.total()).isEqualTo(60);
    assertThat(result.salesReady()).isTrue();
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "system", "score 60 >= threshold 60");
  }

  @Test
  void theThresholdComesFromTheConfiguredLeadProperties() {
    // given
    LeadScoringService lenient = scoringWithThreshold(30);
    LeadScoringService strict = scoringWithThreshold(31);
    String leadId = stored(anonymous(Intent.INQUIRY));

    // when
    ScoreResult underLenient = lenient.scoreNewLead(leadId, "system");
    ScoreResult underStrict = strict.scoreNewLead(leadId, "system");

    // then
    assertThat(underLenient.salesReady()).isTrue();
    assertThat(underLenient.why()).isEqualTo("score 30 >= threshold 30");
    assertThat(underStrict.salesReady()).isFalse();
    assertThat(underStrict.why()).isEqualTo("score 30 < threshold 31");
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
    verify(ledger).insert("lead-7", "ENGAGEMENT", "RESUBMISSION_EVENT_SIGNUP", 20, "event signup", NOW);
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
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "system", "hand-raiser: demo requested (score 55)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EMAIL_CLICK", "RESUBMISSION_", "RESUBMISSION_WEBINAR", "resubmission_inquiry", "EVENT_",
      "EVENT_SMOKE_SIGNAL", "event_chat"})
  void anEngagementThatIsNoKnownResubmissionChangesNoPoints(String engagementType) {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).stage(LeadStage.NURTURING).scores(10, 5));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, engagementType, "system");

    // then
    verifyNoInteractions(ledger);
    verify(leads, never()).updateScores(anyString(), anyInt(), anyInt());
    assertThat(result.total()).isEqualTo(15);
    assertThat(result.salesReady()).isFalse();
  }

  @Test
  void aRescoreWritesNothingButPromotesANurturingLeadAlreadyAtTheThreshold() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.NURTURING).scores(30, 30));

    // when
    ScoreResult result = scoring.rescore(leadId, "system");

    // then
    verifyNoInteractions(ledger);
    verify(leads, never()).updateScores(anyString(), anyInt(), anyInt());
    assertThat(result.salesReady()).isTrue();
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "system", "score 60 >= threshold 60");
  }

  @ParameterizedTest
  @CsvSource({"PAGE_VIEW, 2, page view", "FORM_SUBMIT, 10, form submit", "EMAIL_OPEN, 1, email open",
      "EMAIL_CLICK, 3, email click", "CONTENT_DOWNLOAD, 8, content download",
      "WEBINAR_ATTENDED, 15, webinar attended", "CHAT, 10, chat", "PRICING_PAGE_VIEW, 12, pricing page view"})
  void anEngagementEventEarnsItsDefaultPointsWithALedgerRow(EngagementType type, int points, String reason) {
    // given
    String leadId = stored(anonymous(Intent.NEWSLETTER).stage(LeadStage.NURTURING).scores(10, 5));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, "EVENT_" + type.name(), "system");

    // then
    verify(ledger).insert("lead-7", "ENGAGEMENT", "EVENT_" + type.name(), points, reason, NOW);
    verify(leads).updateScores("lead-7", 10, 5 + points);
    assertThat(result.engagementScore()).isEqualTo(5 + points);
    assertThat(scoring.pointsOf(type)).isEqualTo(points);
  }

  @Test
  void engagementEventPointsComeFromConfiguration() {
    // given
    LeadProperties.EngagementPoints points = new LeadProperties.EngagementPoints(null, null, null, null, null, null,
        null, 40);
    LeadScoringService configured = new LeadScoringService(leads, ledger,
        new LeadProperties(null, null, null, null, new LeadProperties.Scoring(null, points), null), clock);
    String leadId = stored(anonymous(Intent.NEWSLETTER).stage(LeadStage.NURTURING).scores(10, 5));

    // when
    ScoreResult result = configured.applyEngagement(leadId, "EVENT_PRICING_PAGE_VIEW", "system");

    // then
    verify(ledger).insert("lead-7", "ENGAGEMENT", "EVENT_PRICING_PAGE_VIEW", 40, "pricing page view", NOW);
    assertThat(result.total()).isEqualTo(55);
    assertThat(configured.pointsOf(EngagementType.PAGE_VIEW)).isEqualTo(2);
  }

  @Test
  void anEngagementEventThatReachesTheThresholdMakesANurturingLeadAnMql() {
    // given
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.NURTURING).scores(15, 30));

    // when
    ScoreResult result = scoring.applyEngagement(leadId, "EVENT_WEBINAR_ATTENDED", "kafka:leads.engagement");

    // then
    assertThat(result.salesReady()).isTrue();
    verify(leads).moveToStage("lead-7", LeadStage.MQL, null, "kafka:leads.engagement", "score 60 >= threshold 60");
  }

  @Test
  void anEarlierEngagementAddsItsStoredPointsToTheLedgerButLeavesTheStageToTheLifecycle() {
    // given a captured lead that would be at the threshold with the points
    String leadId = stored(anonymous(Intent.INQUIRY).stage(LeadStage.CAPTURED).scores(0, 55));

    // when
    scoring.creditEarlierEngagement(leadId, EngagementType.CHAT, 7, " (event e-1, before capture)");

    // then
    verify(ledger).insert("lead-7", "ENGAGEMENT", "EVENT_CHAT", 7, "chat (event e-1, before capture)", NOW);
    verify(leads).updateScores("lead-7", 0, 62);
    verify(leads, never()).moveToStage(anyString(), any(), any(), anyString(), anyString());
  }
}
