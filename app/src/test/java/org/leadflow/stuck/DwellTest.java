package org.leadflow.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.leadflow.lead.LeadStage;

/** How long a lead has stood where it is, and when that makes it stuck. */
class DwellTest {

  private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
  private static final StuckLimit THREE_WEEKS = new StuckLimit(Duration.ofDays(21), "torn", "stuck-lead:v1/Rule_X");

  @Test
  void anOpportunityStandsInItsPositionSinceItsLastPositionChange() {
    Dwell dwell = Dwell.of(LeadStage.OPPORTUNITY, NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(9)), NOW);

    assertThat(dwell.since()).isEqualTo(NOW.minus(Duration.ofDays(9)));
    assertThat(dwell.days()).isEqualTo(9);
    assertThat(dwell.exceeds(THREE_WEEKS)).isFalse();
  }

  @Test
  void aPositionChangeBeforeTheOpportunityWasOpenedDoesNotCount() {
    // first contact set TOP while the lead was SAL; the opportunity opened later
    Dwell dwell = Dwell.of(LeadStage.OPPORTUNITY, NOW.minus(Duration.ofDays(22)), NOW.minus(Duration.ofDays(25)), NOW);

    assertThat(dwell.since()).isEqualTo(NOW.minus(Duration.ofDays(22)));
    assertThat(dwell.exceeds(THREE_WEEKS)).isTrue();
  }

  @Test
  void otherStagesCountFromTheLastStageChangeWhateverThePosition() {
    Dwell dwell = Dwell.of(LeadStage.SAL, NOW.minus(Duration.ofDays(8)), NOW.minus(Duration.ofDays(1)), NOW);

    assertThat(dwell.since()).isEqualTo(NOW.minus(Duration.ofDays(8)));
    assertThat(dwell.days()).isEqualTo(8);
  }

  @Test
  void aLeadExactlyAtTheLimitIsNotStuckYetOneSecondLaterItIs() {
    assertThat(Dwell.of(LeadStage.MQL, NOW.minus(Duration.ofDays(21)), null, NOW).exceeds(THREE_WEEKS)).isFalse();
    assertThat(Dwell.of(LeadStage.MQL, NOW.minus(Duration.ofDays(21)).minusSeconds(1), null, NOW)
        .exceeds(THREE_WEEKS)).isTrue();
  }

  @Test
  void lengthsReadAsPeopleSayThem() {
    assertThat(Dwell.describe(Duration.ofDays(9).plusHours(5))).isEqualTo("9 days");
    assertThat(Dwell.describe(Duration.ofDays(1))).isEqualTo("1 day");
    assertThat(Dwell.describe(Duration.ofHours(5).plusMinutes(59))).isEqualTo("5 hours");
    assertThat(Dwell.describe(Duration.ofMinutes(21))).isEqualTo("21 minutes");
    assertThat(Dwell.describe(Duration.ofSeconds(61))).isEqualTo("1 minute");
  }

  @Test
  void theIncidentMessageNamesLeadOwnerStageDaysLimitAndCause() {
    StuckLead row = new StuckLead(1L, "L-00042", "OPPORTUNITY", "MIDDLE", NOW.minus(Duration.ofDays(9)), NOW, "P7D",
        "torn between options or lost to a competitor", "stuck-lead:v1/Rule_OpportunityMiddle", "leo",
        "sales-north", null, null, null, null, "Ada", "Lovelace", "Acme");
    StuckLimit week = new StuckLimit(Duration.ofDays(7), row.likelyCause(), row.ruleRef());

    assertThat(StuckLeadService.message(row, new Dwell(row.since(), NOW), week)).isEqualTo(
        "Lead L-00042 (Ada Lovelace, Acme) stuck 9 days in OPPORTUNITY/MIDDLE, owner leo (sales-north); "
            + "limit 7 days; likely cause: torn between options or lost to a competitor");
  }

  @Test
  void aQueuedLeadHasNoOwnerInItsMessage() {
    StuckLead row = new StuckLead(1L, "L-7", "MQL", null, NOW.minus(Duration.ofDays(4)), NOW, "P3D", "overlooked",
        "stuck-lead:v1/Rule_Mql", null, null, null, null, null, null, null, null, "Acme");

    assertThat(StuckLeadService.message(row, new Dwell(row.since(), NOW),
        new StuckLimit(Duration.ofDays(3), "overlooked", row.ruleRef())))
        .isEqualTo("Lead L-7 (Acme) stuck 4 days in MQL, owner none (team queue); limit 3 days; likely cause: overlooked");
  }
}
